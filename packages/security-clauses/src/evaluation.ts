import { z } from "zod";

/** Outcome of checking one provision. */
export type EvaluationStatus = "pass" | "fail" | "needs-evidence" | "not-applicable";

/** One provision's result, with the reason in Japanese. */
export interface ProvisionResult {
  readonly provisionId: string;
  readonly status: EvaluationStatus;
  readonly reason: string;
  /** The evidence references the result rests on. */
  readonly evidence: readonly string[];
}

/** A report over several provisions; `status` is `fail` if any failed, else `needs-evidence` if any lacks it. */
export interface EvaluationReport {
  readonly status: "pass" | "fail" | "needs-evidence" | "not-applicable";
  readonly results: readonly ProvisionResult[];
  readonly counts: Readonly<Record<EvaluationStatus, number>>;
}

/**
 * A claim that a requirement is met: `met` false is a failure; `met` true without `evidence` needs evidence.
 * An absent claim also needs evidence.
 */
export const assertionSchema = z.object({
  met: z.boolean(),
  /** References to documents that show it (contract clause, audit report, URL). */
  evidence: z.array(z.string().min(1)).readonly().optional(),
  note: z.string().optional(),
});
/** A claim that a requirement is met; see {@link assertionSchema}. */
export type Assertion = z.infer<typeof assertionSchema>;

/** Builds a report from provision results.
 *
 * @example
 * reportOf([]).status; // => "not-applicable"
 */
export function reportOf(results: readonly ProvisionResult[]): EvaluationReport {
  const counts = { pass: 0, fail: 0, "needs-evidence": 0, "not-applicable": 0 };
  for (const r of results) counts[r.status] += 1;
  const status =
    counts.fail > 0
      ? "fail"
      : counts["needs-evidence"] > 0
        ? "needs-evidence"
        : counts.pass > 0
          ? "pass"
          : "not-applicable";
  return { status, results, counts };
}

/**
 * Judges one assertion for a provision: absent or unsupported → needs-evidence, unmet → fail.
 *
 * @example
 * judge("nerima:19:3:1", "アクセス制御", { met: true, evidence: ["SLA 4.2"] }).status; // => "pass"
 */
export function judge(provisionId: string, label: string, assertion: Assertion | undefined): ProvisionResult {
  if (!assertion) {
    return { provisionId, status: "needs-evidence", reason: `${label}: 申告なし`, evidence: [] };
  }
  const evidence = assertion.evidence ?? [];
  if (!assertion.met) {
    return {
      provisionId,
      status: "fail",
      reason: `${label}: 満たさない${assertion.note ? `（${assertion.note}）` : ""}`,
      evidence,
    };
  }
  if (evidence.length === 0) {
    return {
      provisionId,
      status: "needs-evidence",
      reason: `${label}: 満たすとの申告のみで根拠資料がない`,
      evidence,
    };
  }
  return { provisionId, status: "pass", reason: `${label}: 根拠資料により確認`, evidence };
}
