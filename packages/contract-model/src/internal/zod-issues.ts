import type { z } from "zod";
import type { ContractIssue } from "../errors.js";

const JA: Record<string, string> = {
  invalid_type: "値の型が正しくありません",
  invalid_value: "選べない値です",
  invalid_format: "形式が正しくありません",
  invalid_union: "どの書き方にも当てはまりません",
  unrecognized_keys: "定義されていない項目があります",
  too_small: "値が小さすぎるか、項目が足りません",
  too_big: "値が大きすぎるか、項目が多すぎます",
  not_multiple_of: "値が正しくありません",
  custom: "値が正しくありません",
};

// zod issues → ContractIssues with a Japanese message (custom issues carry theirs in params.ja).
export function issuesFromZod(error: z.ZodError): ContractIssue[] {
  return flatten(error.issues).map((issue) => {
    const path = issue.path.map(String).join(".");
    const params = (issue as { params?: { ja?: unknown } }).params;
    const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
    const messageJa =
      typeof params?.ja === "string"
        ? params.ja
        : missing
          ? "必須項目がありません"
          : (JA[issue.code] ?? "値が正しくありません");
    return { path, code: issue.code, message: issue.message, messageJa };
  });
}

type Issue = z.ZodError["issues"][number];

// A union's own message says little; when one branch failed with an explained (custom) issue, report that.
function flatten(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const branch = issue.errors.find((errors) => errors.some((inner) => inner.code === "custom"));
    if (branch === undefined) return [issue];
    return flatten(branch).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue);
  });
}
