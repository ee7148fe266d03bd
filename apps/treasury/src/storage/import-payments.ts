import { type Actor, appendAudit, type Platform } from "@ward/platform";
import { sql } from "kysely";
import {
  type CsvImport,
  type CsvImportError,
  type PaymentOrderRow,
  parsePaymentOrdersCsv,
  parseTransferApplicationsCsv,
  type TransferApplicationRow,
} from "../domain/index.js";
import { type TreasuryDb, treasuryDb } from "./db.js";
import { sqlState } from "./internal/sql-state.js";
import { addPaymentOrders, addTransferApplications } from "./payments.js";

/** The outcome of a whole-file CSV import: stored, or rejected with nothing saved. */
export type PaymentCsvImport =
  | { readonly ok: true; readonly count: number; readonly totalYen: number }
  | { readonly ok: false; readonly errors: readonly CsvImportError[] };

type Lined<R> = R & { readonly line: number };

/** Reads a whole CSV file; the web app passes one that runs in its worker pool. */
export type CsvParser<R> = (bytes: Uint8Array) => Promise<CsvImport<R>>;

/** How one kind of file is read, checked against what is stored, and stored. */
interface CsvImportSpec<R extends { readonly amount: number }> {
  readonly action: string;
  readonly parse: (bytes: Uint8Array) => CsvImport<R>;
  /** The file's unique number: the stored table.column, its header, the row's value, the message. */
  readonly number: { readonly column: string; readonly header: string; readonly of: (row: R) => string };
  /** Further errors against what is stored. */
  readonly conflicts?: (db: TreasuryDb, rows: readonly Lined<R>[]) => Promise<CsvImportError[]>;
  readonly store: (platform: Platform, actor: Actor, rows: readonly R[]) => Promise<void>;
}

/** Which of `numbers` are already stored in `column` (`table.column`). */
async function storedNumbers(
  db: TreasuryDb,
  column: string,
  numbers: readonly string[],
): Promise<Set<string>> {
  const [table = "", name = ""] = column.split(".");
  const rows = await sql<{ n: string }>`select ${sql.ref(name)} as n from ${sql.table(table)}
    where ${sql.ref(name)} = any(${[...numbers]}::text[])`.execute(db);
  return new Set(rows.rows.map((r) => r.n));
}

/** The answer when the same numbers were imported by someone else at the same moment. */
export const CONCURRENT_PAYMENTS_JA =
  "同じ番号の取込が同時に行われたため、このファイルは1件も保存していません。取込済みの内容を確認してください。";

async function importCsv<R extends { readonly amount: number }>(
  spec: CsvImportSpec<R>,
  platform: Platform,
  actor: Actor,
  file: { readonly bytes: Uint8Array; readonly fileName: string },
  parse: CsvParser<R> = async (bytes) => spec.parse(bytes),
): Promise<PaymentCsvImport> {
  const db = treasuryDb(platform);
  const parsed = await parse(file.bytes);
  let errors = parsed.ok ? [] : parsed.errors;
  if (parsed.ok) {
    const stored = await storedNumbers(db, spec.number.column, parsed.rows.map(spec.number.of));
    errors = [
      ...parsed.rows
        .filter((r) => stored.has(spec.number.of(r)))
        .map((r) => ({
          line: r.line,
          column: spec.number.header,
          value: spec.number.of(r),
          message: `この${spec.number.header}は取込済みです`,
        })),
      ...((await spec.conflicts?.(db, parsed.rows)) ?? []),
    ].sort((a, b) => a.line - b.line);
  }
  if (!parsed.ok || errors.length > 0) {
    await appendAudit(
      db,
      actor,
      {
        action: spec.action,
        targetType: "file",
        targetId: file.fileName,
        result: "failure",
        detail: { errorCount: errors.length },
      },
      { clock: platform.clock },
    );
    return { ok: false, errors };
  }
  try {
    await spec.store(
      platform,
      actor,
      parsed.rows.map(({ line: _line, ...row }) => row as unknown as R),
    );
  } catch (error) {
    // The same numbers were stored by a simultaneous import after our check: answer, not 500.
    if (sqlState(error) !== "23505") throw error;
    await appendAudit(
      db,
      actor,
      {
        action: spec.action,
        targetType: "file",
        targetId: file.fileName,
        result: "failure",
        detail: { reason: "imported_meanwhile" },
      },
      { clock: platform.clock },
    );
    return { ok: false, errors: [{ line: 0, column: undefined, message: CONCURRENT_PAYMENTS_JA }] };
  }
  return { ok: true, count: parsed.rows.length, totalYen: parsed.rows.reduce((s, r) => s + r.amount, 0) };
}

const ORDERS: CsvImportSpec<PaymentOrderRow> = {
  action: "treasury.order.import",
  parse: parsePaymentOrdersCsv,
  number: {
    column: "treasury_payment_orders.order_number",
    header: "支出命令番号",
    of: (r) => r.orderNumber,
  },
  async conflicts(db, rows) {
    const ids = [
      ...new Set(rows.flatMap((r) => (r.creditorAccountId === undefined ? [] : [r.creditorAccountId]))),
    ];
    const known = new Set(
      ids.length === 0
        ? []
        : (
            await db.selectFrom("treasury_creditor_accounts").select("id").where("id", "in", ids).execute()
          ).map((r) => r.id),
    );
    return rows
      .filter((r) => r.creditorAccountId !== undefined && !known.has(r.creditorAccountId))
      .map((r) => ({
        line: r.line,
        column: "債権者登録番号",
        value: String(r.creditorAccountId),
        message: "この債権者登録番号は登録されていません",
      }));
  },
  store: addPaymentOrders,
};

const APPLICATIONS: CsvImportSpec<TransferApplicationRow> = {
  action: "treasury.application.import",
  parse: parseTransferApplicationsCsv,
  number: {
    column: "treasury_transfer_applications.application_number",
    header: "申請番号",
    of: (r) => r.applicationNumber,
  },
  store: addTransferApplications,
};

/**
 * Imports a 支出命令 CSV file (columns `支出命令番号,支払先,支払日,金額,債権者登録番号`) whole or not at all:
 * a number already stored or an unknown 債権者登録番号 rejects the file with its line and column.
 *
 * @example
 * const result = await importPaymentOrdersCsv(platform, actor, bytes, "orders.csv");
 * // => { ok: true, count: 2, totalYen: 24000 }
 */
export function importPaymentOrdersCsv(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
  parse?: CsvParser<PaymentOrderRow>,
): Promise<PaymentCsvImport> {
  return importCsv(ORDERS, platform, actor, { bytes, fileName }, parse);
}

/**
 * Imports an e ビジネスサイト application CSV file (columns `申請番号,支払先,振込指定日,金額`) whole or not at all;
 * a 申請番号 already stored is a line error.
 *
 * @example
 * await importTransferApplicationsCsv(platform, actor, bytes, "ebiz.csv"); // => { ok: true, count: 1, totalYen: 12000 }
 */
export function importTransferApplicationsCsv(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
  parse?: CsvParser<TransferApplicationRow>,
): Promise<PaymentCsvImport> {
  return importCsv(APPLICATIONS, platform, actor, { bytes, fileName }, parse);
}
