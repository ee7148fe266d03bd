import { z } from "zod";
import { dueDateOf } from "./due-rule.js";
import { parseWith, type SafeParseResult, safeParseWith } from "./internal/parse.js";
import { isoDateSchema } from "./registers/register.js";

const text = z.string().trim().min(1);

/** A return / disposal / erasure certificate (Nerima §22(2), seed 001 別紙1 2(4), Meguro §28). */
export const erasureCertificateSchema = z
  .object({
    kind: z.enum(["返還", "処分", "消去"]),
    number: text.optional(),
    issuedOn: isoDateSchema,
    ward: text,
    contractor: z.object({ name: text, representative: text, address: text.optional() }),
    contract: z.object({ title: text, endDate: isoDateSchema }),
    items: z
      .array(
        z.object({
          description: text,
          method: text,
          completedOn: isoDateSchema,
          performedBy: text,
          witness: text.optional(),
        }),
      )
      .min(1),
    /** §19-3 (8): copies made by backups are included. */
    includesBackups: z.boolean(),
    /** §22(3): disposal outsourced with the ward's prior approval. */
    outsourcedTo: z.object({ vendor: text, approvedOn: isoDateSchema }).optional(),
    /** Days after the contract end the certificate is due (seed 001: 30). */
    dueWithinDays: z.number().int().positive().optional(),
  })
  .refine((c) => c.items.every((i) => i.completedOn <= c.issuedOn), {
    path: ["items"],
    message: "証明日より後に完了した項目がある",
  })
  .refine(
    (c) =>
      !c.outsourcedTo || c.items.every((i) => c.outsourcedTo && c.outsourcedTo.approvedOn <= i.completedOn),
    {
      path: ["outsourcedTo", "approvedOn"],
      message: "廃棄の外部委託の承認は実施前に得る（第22条第3項）",
    },
  );
/** An erasure certificate. */
export type ErasureCertificate = z.output<typeof erasureCertificateSchema>;

/**
 * Validates an erasure certificate.
 *
 * @param input - unknown input
 * @returns the certificate
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * parseErasureCertificate({}); // throws SecurityClausesError INVALID_INPUT
 */
export function parseErasureCertificate(input: unknown): ErasureCertificate {
  return parseWith(erasureCertificateSchema, input, "erasure certificate");
}

/**
 * Validates an erasure certificate without throwing.
 *
 * @param input - unknown input
 * @returns `{ success, data | error }`
 * @example
 * safeParseErasureCertificate({}).success; // => false
 */
export function safeParseErasureCertificate(input: unknown): SafeParseResult<ErasureCertificate> {
  return safeParseWith(erasureCertificateSchema, input, "erasure certificate");
}

/**
 * Whether a certificate meets its due date (`dueWithinDays` after the contract end, counted as 民法140条).
 *
 * @param certificate - a validated certificate
 * @returns the due date (or undefined) and whether it is on time
 * @example
 * erasureCertificateTiming({ ...cert, contract: { title: "t", endDate: "2027-03-31" }, dueWithinDays: 30,
 *   issuedOn: "2027-04-30" }); // => { dueDate: "2027-04-30", onTime: true }
 */
export function erasureCertificateTiming(certificate: ErasureCertificate): {
  readonly dueDate?: string;
  readonly onTime: boolean;
} {
  if (certificate.dueWithinDays === undefined) return { onTime: true };
  const dueDate = dueDateOf(
    { kind: "within-days", days: certificate.dueWithinDays, after: "contract-end" },
    certificate.contract.endDate,
  );
  return { dueDate, onTime: certificate.issuedOn <= dueDate };
}

/**
 * Renders a certificate as plain Japanese text (the apps lay it out as PDF).
 *
 * @param input - the certificate (validated here)
 * @returns the text, lines separated by `\n`
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * renderErasureCertificateText(cert).split("\n")[0]; // => "消去証明書"
 */
export function renderErasureCertificateText(input: z.input<typeof erasureCertificateSchema>): string {
  const c = parseErasureCertificate(input);
  const lines = [
    `${c.kind}証明書`,
    ...(c.number ? [`番号 ${c.number}`] : []),
    `${c.issuedOn}`,
    `${c.ward}長 様`,
    `${c.contractor.address ? `${c.contractor.address} ` : ""}${c.contractor.name} ${c.contractor.representative}`,
    "",
    `下記契約において取り扱った情報について、次のとおり${c.kind}したことを証明します。`,
    "",
    `契約件名 ${c.contract.title}`,
    `契約終了日 ${c.contract.endDate}`,
    `バックアップ等の複製 ${c.includesBackups ? "含む" : "含まない"}`,
    ...(c.outsourcedTo ? [`廃棄の委託先 ${c.outsourcedTo.vendor}（${c.outsourcedTo.approvedOn} 承認）`] : []),
    "",
    ...c.items.map(
      (item, i) =>
        `${i + 1}. ${item.description} / 方法: ${item.method} / 完了日: ${item.completedOn} / 実施者: ${item.performedBy}${item.witness ? ` / 立会者: ${item.witness}` : ""}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
