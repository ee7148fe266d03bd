import { z } from "zod";
import { parseWith } from "./internal/parse.js";
import { instantSchema, ms, type RegisterDefinition } from "./registers/register.js";

const step = z.object({ at: instantSchema, description: z.string().trim().min(1) });

/** An incident (事故等, Nerima §25) and the four steps of §25(1). */
export const incidentRecordSchema = z.object({
  id: z.string().trim().min(1),
  detectedAt: instantSchema,
  kind: z.enum(["漏えい", "破壊", "改ざん", "消去", "違反", "その他"]),
  suspectedOnly: z.boolean().default(false),
  summary: z.string().trim().min(1),
  /** (1) immediate measures, and (1) the report to 甲. */
  measures: step.optional(),
  reportedAt: instantSchema.optional(),
  /** (2) cause analysis, (3) prevention, (4) written record submitted. */
  causeAnalysis: step.optional(),
  prevention: step.optional(),
  recordSubmittedAt: instantSchema.optional(),
  /** §25(2): reported by a subcontractor (report goes to 甲 and 乙). */
  subcontractor: z.string().trim().min(1).optional(),
});
/** An incident record. */
export type IncidentRecord = z.output<typeof incidentRecordSchema>;

/** How long 「直ちに」 and the later steps may take: a ward policy, not in the text. */
export interface IncidentPolicy {
  /** Minutes allowed for measures and the report (「直ちに」); default 60. */
  readonly immediateMinutes?: number;
  /** Days allowed for cause analysis, prevention and the written record; no deadline when omitted. */
  readonly followUpDays?: number;
}

/** The state of one §25 step. */
export interface IncidentTimer {
  readonly step: "measures" | "report" | "cause-analysis" | "prevention" | "record";
  readonly provisionId: string;
  readonly status: "done" | "done-late" | "pending" | "overdue" | "no-deadline";
  /** The deadline instant as epoch milliseconds, when the policy sets one. */
  readonly deadlineMs?: number;
}

/**
 * The timers of an incident (§25(1) (1)–(4)) at `now`: 「直ちに」 measures and report within
 * `immediateMinutes` (default 60, a policy choice), follow-ups within `followUpDays` when given.
 *
 * @param input - the incident record (validated)
 * @param options - `now` (ISO instant) and the policy
 * @returns one timer per step
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * incidentTimers({ id: "1", detectedAt: "2026-05-01T10:00:00+09:00", kind: "漏えい", summary: "誤送信" },
 *   { now: "2026-05-01T11:30:00+09:00" })[1]?.status; // => "overdue"
 */
export function incidentTimers(
  input: z.input<typeof incidentRecordSchema>,
  options: { readonly now: string } & IncidentPolicy,
): readonly IncidentTimer[] {
  const record = parseWith(incidentRecordSchema, input, "incident record");
  const now = ms(parseWith(instantSchema, options.now, "now"));
  const start = ms(record.detectedAt);
  const immediate = start + (options.immediateMinutes ?? 60) * 60_000;
  const followUp = options.followUpDays === undefined ? undefined : start + options.followUpDays * 86_400_000;
  const timer = (
    stepName: IncidentTimer["step"],
    provisionId: string,
    doneAt: string | undefined,
    deadline: number | undefined,
  ): IncidentTimer => {
    const base = { step: stepName, provisionId, ...(deadline !== undefined ? { deadlineMs: deadline } : {}) };
    if (doneAt !== undefined)
      return { ...base, status: deadline !== undefined && ms(doneAt) > deadline ? "done-late" : "done" };
    if (deadline === undefined) return { ...base, status: "no-deadline" };
    return { ...base, status: now > deadline ? "overdue" : "pending" };
  };
  return [
    timer("measures", "nerima:25:1:1", record.measures?.at, immediate),
    timer("report", "nerima:25:1:1", record.reportedAt, immediate),
    timer("cause-analysis", "nerima:25:1:2", record.causeAnalysis?.at, followUp),
    timer("prevention", "nerima:25:1:3", record.prevention?.at, followUp),
    timer("record", "nerima:25:1:4", record.recordSubmittedAt, followUp),
  ];
}

const o = (v: string | undefined) => v ?? "";

/**
 * 事故等記録簿 (Nerima §25) as a register with CSV export.
 *
 * @example
 * incidentRegister.provisions[0]; // => "nerima:25:1"
 */
export const incidentRegister: RegisterDefinition<IncidentRecord> = {
  id: "incident",
  name: "事故等記録簿",
  provisions: ["nerima:25:1", "meguro:35:1"],
  schema: incidentRecordSchema as unknown as z.ZodType<IncidentRecord>,
  columns: [
    { header: "番号", value: (e) => e.id },
    { header: "把握日時", value: (e) => e.detectedAt },
    { header: "種別", value: (e) => e.kind },
    { header: "おそれのみ", value: (e) => (e.suspectedOnly ? "有" : "無") },
    { header: "概要", value: (e) => e.summary },
    { header: "措置日時", value: (e) => o(e.measures?.at) },
    { header: "措置内容", value: (e) => o(e.measures?.description) },
    { header: "甲への報告日時", value: (e) => o(e.reportedAt) },
    { header: "原因分析", value: (e) => o(e.causeAnalysis?.description) },
    { header: "再発防止策", value: (e) => o(e.prevention?.description) },
    { header: "記録提出日時", value: (e) => o(e.recordSubmittedAt) },
    { header: "再委託先", value: (e) => o(e.subcontractor) },
  ],
};
