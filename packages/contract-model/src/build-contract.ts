import { type Contract, type ContractInput, contractSchema } from "./contract-schema.js";
import { type ContractIssue, ContractModelError } from "./errors.js";
import { issuesFromZod } from "./internal/zod-issues.js";
import { validateContract } from "./validate-contract.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Result of {@link safeBuildContract}. */
export type BuildContractResult =
  | { readonly success: true; readonly data: Contract }
  | { readonly success: false; readonly issues: readonly ContractIssue[] };

/**
 * Parses and checks a contract without throwing: zod's schema (wareki dates converted with `parseWareki`),
 * then {@link validateContract}.
 *
 * @param input - the contract as JSON data
 * @returns `{ success: true, data }` (deeply frozen) or `{ success: false, issues }`
 * @example
 * safeBuildContract({ ...meguroNursery2026Source, fiscalYear: "令和7年度" }).success; // => false
 */
export function safeBuildContract(input: unknown): BuildContractResult {
  const parsed = contractSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { success: false, issues: issuesFromZod(parsed.error) };
  const issues = validateContract(parsed.data);
  if (issues.length > 0) return { success: false, issues };
  return { success: true, data: deepFreeze(parsed.data) };
}

/**
 * Parses and checks a contract.
 *
 * @param input - the contract as JSON data (a {@link ContractInput})
 * @returns the contract, deeply frozen
 * @throws {ContractModelError} `INVALID_CONTRACT`, listing every issue in English and Japanese
 * @example
 * buildContract(meguroNursery2026Source).period.start; // => { kind: "date", date: "2026-04-01", written: "令和8年4月1日" }
 */
export function buildContract(input: ContractInput | unknown): Contract {
  const result = safeBuildContract(input);
  if (result.success) return result.data;
  const id =
    typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string"
      ? ` "${(input as { id: string }).id}"`
      : "";
  const lines = result.issues.map((i) => `${i.path || "(contract)"}: ${i.message} / ${i.messageJa}`);
  throw new ContractModelError("INVALID_CONTRACT", `invalid contract${id}:\n${lines.join("\n")}`, {
    issues: result.issues,
  });
}
