import { type Actor, appendAudit, type Platform } from "@ward/platform";
import {
  type CsvImport,
  type CsvImportError,
  parsePaymentOrdersCsv,
  parseTransferApplicationsCsv,
} from "../domain/index.js";
import { treasuryDb } from "./db.js";
import { addPaymentOrders, addTransferApplications } from "./payments.js";

/** The outcome of a whole-file CSV import: stored, or rejected with nothing saved. */
export type PaymentCsvImport =
  | { readonly ok: true; readonly count: number; readonly totalYen: number }
  | { readonly ok: false; readonly errors: readonly CsvImportError[] };

type Lined<R> = R & { readonly line: number };

async function importRows<R extends { readonly amount: number }>(
  platform: Platform,
  actor: Actor,
  o: {
    readonly action: string;
    readonly fileName: string;
    readonly parsed: CsvImport<R>;
    /** Errors against what is stored (numbers already imported, unknown creditors). */
    readonly conflicts: (rows: readonly Lined<R>[]) => Promise<CsvImportError[]>;
    readonly store: (rows: readonly Lined<R>[]) => Promise<void>;
  },
): Promise<PaymentCsvImport> {
  const errors = o.parsed.ok ? await o.conflicts(o.parsed.rows) : o.parsed.errors;
  if (!o.parsed.ok || errors.length > 0) {
    await appendAudit(
      treasuryDb(platform),
      actor,
      {
        action: o.action,
        targetType: "file",
        targetId: o.fileName,
        result: "failure",
        detail: { errorCount: errors.length },
      },
      { clock: platform.clock },
    );
    return { ok: false, errors };
  }
  await o.store(o.parsed.rows);
  return {
    ok: true,
    count: o.parsed.rows.length,
    totalYen: o.parsed.rows.reduce((s, r) => s + r.amount, 0),
  };
}

/**
 * Imports a 支出命令 CSV file (columns `支出命令番号,支払先,支払日,金額,債権者登録番号`) whole or not at all:
 * a number already stored or an unknown 債権者登録番号 rejects the file with its line and column.
 *
 * @example
 * const result = await importPaymentOrdersCsv(platform, actor, bytes, "orders.csv");
 * // => { ok: true, count: 2, totalYen: 24000 }
 */
export async function importPaymentOrdersCsv(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
): Promise<PaymentCsvImport> {
  const db = treasuryDb(platform);
  return importRows(platform, actor, {
    action: "treasury.order.import",
    fileName,
    parsed: parsePaymentOrdersCsv(bytes),
    async conflicts(rows) {
      const numbers = rows.map((r) => r.orderNumber);
      const stored = new Set(
        (
          await db
            .selectFrom("treasury_payment_orders")
            .select("order_number")
            .where("order_number", "in", numbers)
            .execute()
        ).map((r) => r.order_number),
      );
      const ids = [
        ...new Set(rows.flatMap((r) => (r.creditorAccountId === undefined ? [] : [r.creditorAccountId]))),
      ];
      const creditors = new Set(
        ids.length === 0
          ? []
          : (
              await db.selectFrom("treasury_creditor_accounts").select("id").where("id", "in", ids).execute()
            ).map((r) => r.id),
      );
      return rows.flatMap((r): CsvImportError[] => [
        ...(stored.has(r.orderNumber)
          ? [
              {
                line: r.line,
                column: "支出命令番号",
                value: r.orderNumber,
                message: "この支出命令番号は取込済みです",
              },
            ]
          : []),
        ...(r.creditorAccountId !== undefined && !creditors.has(r.creditorAccountId)
          ? [
              {
                line: r.line,
                column: "債権者登録番号",
                value: String(r.creditorAccountId),
                message: "この債権者登録番号は登録されていません",
              },
            ]
          : []),
      ]);
    },
    store: (rows) =>
      addPaymentOrders(
        platform,
        actor,
        rows.map(({ line: _line, ...o }) => o),
      ),
  });
}

/**
 * Imports an e ビジネスサイト application CSV file (columns `申請番号,支払先,振込指定日,金額`) whole or not at all.
 *
 * @example
 * await importTransferApplicationsCsv(platform, actor, bytes, "ebiz.csv"); // => { ok: true, count: 1, totalYen: 12000 }
 */
export async function importTransferApplicationsCsv(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
): Promise<PaymentCsvImport> {
  const db = treasuryDb(platform);
  return importRows(platform, actor, {
    action: "treasury.application.import",
    fileName,
    parsed: parseTransferApplicationsCsv(bytes),
    async conflicts(rows) {
      const stored = new Set(
        (
          await db
            .selectFrom("treasury_transfer_applications")
            .select("application_number")
            .where(
              "application_number",
              "in",
              rows.map((r) => r.applicationNumber),
            )
            .execute()
        ).map((r) => r.application_number),
      );
      return rows
        .filter((r) => stored.has(r.applicationNumber))
        .map((r) => ({
          line: r.line,
          column: "申請番号",
          value: r.applicationNumber,
          message: "この申請番号は取込済みです",
        }));
    },
    store: (rows) =>
      addTransferApplications(
        platform,
        actor,
        rows.map(({ line: _line, ...a }) => a),
      ),
  });
}
