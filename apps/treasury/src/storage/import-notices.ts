import { createHash } from "node:crypto";
import type { IsoDate } from "@ward/calendar-jp";
import { type Actor, appendAudit, type Platform } from "@ward/platform";
import { sql } from "kysely";
import {
  findReimports,
  type ImportedPaymentNotice,
  type NoticeImportError,
  type ParsePaymentNoticesOptions,
  type PaymentNotice,
  type PaymentNoticeImport,
  parsePaymentNotices,
} from "../domain/index.js";
import { type TreasuryTrx, treasuryDb, yenFromDb } from "./db.js";
import { sqlState } from "./internal/sql-state.js";
import type { TreasuryTables } from "./schema.js";

/** Options of {@link importNoticeFile}. */
export interface ImportNoticeFileOptions {
  /** The file's name, kept on the batch and in the audit record. */
  readonly fileName: string;
  /** Every notice must belong to this fiscal year. */
  readonly fiscalYear?: number;
  /** No cash date may be after this day. */
  readonly today?: IsoDate;
  /** Called after each stored chunk with (stored so far, to store). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rows per INSERT statement; 5,000 by default. */
  readonly chunkSize?: number;
  /** Parses the file; default `parsePaymentNotices` on this thread (the web app passes its worker pool). */
  readonly parse?: (bytes: Uint8Array, options: ParsePaymentNoticesOptions) => Promise<PaymentNoticeImport>;
}

/** The outcome of {@link importNoticeFile}: stored, or rejected with nothing saved. */
export type NoticeFileImport =
  | {
      readonly ok: true;
      readonly batchId: number;
      readonly rowCount: number;
      /** Notices stored by this import. */
      readonly freshCount: number;
      /** Notices whose number was already stored (identical content): skipped. */
      readonly reimportCount: number;
      /** Yen of the fresh notices. */
      readonly totalYen: number;
      readonly encoding: string;
    }
  | { readonly ok: false; readonly errors: readonly NoticeImportError[]; readonly truncated: boolean }
  | {
      /** The same file was being imported at the same moment; this one stored nothing. */
      readonly ok: false;
      readonly busy: true;
      readonly messageJa: string;
      readonly errors: readonly [];
      readonly truncated: false;
    };

/** What the clerk reads when the same file was imported twice at once (HTTP 409). */
export const CONCURRENT_IMPORT_JA =
  "同じファイルの取込が同時に行われたため、この取込では1件も保存していません。先の取込結果（集計表）を確認してください。";

// Notice imports take this transaction-scoped advisory lock, so imports from several processes
// (servers and CLI on one PostgreSQL) run one after another instead of colliding on the unique key.
const IMPORT_LOCK_KEY = 7_260_001;

// Files being imported by this process, per database: a second identical upload is answered at once.
const inFlight = new WeakMap<object, Set<string>>();

const SAME_FIELDS = [
  "cashDate",
  "fiscalYear",
  "yearKind",
  "channel",
  "accountCode",
  "subjectCode",
  "departmentCode",
  "amount",
] as const satisfies readonly (keyof PaymentNotice)[];
const FIELD_LABELS: Readonly<Record<(typeof SAME_FIELDS)[number], NoticeImportError["column"]>> = {
  cashDate: "収納日",
  fiscalYear: "所属年度",
  yearKind: "現過年区分",
  channel: "収納経路",
  accountCode: "会計コード",
  subjectCode: "科目コード",
  departmentCode: "所属コード",
  amount: "金額",
};

/**
 * Imports a payment-notice CSV file: parses and validates every row, then stores the notices never
 * imported before, the batch and an audit record in ONE transaction. A rejected file stores nothing
 * (only a `failure` audit record). A notice number already stored with the same content is skipped
 * (counted in `reimportCount`), so a re-import never counts twice; the same number with different
 * content rejects the file.
 *
 * @param platform - the running platform
 * @param actor - who imports (audited)
 * @param bytes - the CSV file (UTF-8 or Shift_JIS)
 * @param options - file name, fiscal year, today, progress callback
 * @returns the batch figures or every error (line, column, Japanese message)
 * @example
 * const result = await importNoticeFile(platform, SYSTEM, bytes, { fileName: "0701.csv" });
 * if (!result.ok) result.errors[0]; // => { line: 3, column: "金額", message: "…" }
 */
export async function importNoticeFile(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  options: ImportNoticeFileOptions,
): Promise<NoticeFileImport> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const db = treasuryDb(platform);
  const reject = async (errors: readonly NoticeImportError[], truncated: boolean) => {
    await appendAudit(
      db,
      actor,
      {
        action: "treasury.notice.import",
        targetType: "file",
        targetId: options.fileName,
        result: "failure",
        detail: { sha256, errorCount: errors.length, firstError: errors[0]?.message ?? null },
      },
      { clock: platform.clock },
    );
    return { ok: false as const, errors, truncated };
  };
  const busy = async (reason: string) => {
    await appendAudit(
      db,
      actor,
      {
        action: "treasury.notice.import",
        targetType: "file",
        targetId: options.fileName,
        result: "failure",
        detail: { sha256, reason },
      },
      { clock: platform.clock },
    );
    return {
      ok: false as const,
      busy: true as const,
      messageJa: CONCURRENT_IMPORT_JA,
      errors: [] as const,
      truncated: false as const,
    };
  };
  const running = inFlight.get(platform.db) ?? new Set<string>();
  inFlight.set(platform.db, running);
  if (running.has(sha256)) return busy("same_file_in_progress");
  // Claimed before parsing: parsing waits for a worker thread, and a second upload of the file
  // meanwhile must be answered as simultaneous, not stored as a re-import.
  running.add(sha256);
  try {
    const parse = options.parse ?? (async (b, o) => parsePaymentNotices(b, o));
    const parsed = await parse(bytes, {
      ...(options.fiscalYear !== undefined ? { fiscalYear: options.fiscalYear } : {}),
      ...(options.today !== undefined ? { today: options.today } : {}),
    });
    if (!parsed.ok) return reject(parsed.errors, parsed.truncated);
    const outcome = await storeNotices(platform, actor, parsed, sha256, options);
    if ("conflicts" in outcome) return reject(outcome.conflicts, false);
    if ("concurrent" in outcome) return busy("same_file_imported_meanwhile");
    return outcome.result;
  } catch (error) {
    // Another writer of the same notice numbers without the lock (an older version): answer, not 500.
    if (sqlState(error) === "23505") return busy("duplicate_key");
    throw error;
  } finally {
    running.delete(sha256);
  }
}

async function storeNotices(
  platform: Platform,
  actor: Actor,
  parsed: Extract<PaymentNoticeImport, { ok: true }>,
  sha256: string,
  options: ImportNoticeFileOptions,
) {
  const notices = parsed.notices;
  const db = treasuryDb(platform);
  return db.transaction().execute(async (trx) => {
    const sameFile = async () =>
      (
        await trx
          .selectFrom("treasury_import_batches")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("file_sha256", "=", sha256)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await sameFile();
    await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
    // Read committed: after waiting for the lock we see what the import before us stored.
    if ((await sameFile()) !== before) return { concurrent: true as const };
    const stored = await storedNotices(
      trx,
      notices.map((n) => n.noticeNumber),
    );
    const conflicts = conflictsWith(notices, stored);
    if (conflicts.length > 0) return { conflicts };
    const { fresh, reimports } = findReimports(notices, new Set(stored.keys()));
    const totalYen = fresh.reduce((sum, n) => sum + n.amount, 0);
    const batch = await trx
      .insertInto("treasury_import_batches")
      .values({
        file_name: options.fileName,
        file_sha256: sha256,
        encoding: parsed.encoding,
        row_count: notices.length,
        fresh_count: fresh.length,
        reimport_count: reimports.length,
        total_yen: totalYen,
        imported_by: actor.user?.id ?? null,
        imported_at: platform.clock(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertNotices(trx, batch.id, fresh, options);
    await appendAudit(
      trx,
      actor,
      {
        action: "treasury.notice.import",
        targetType: "import_batch",
        targetId: batch.id,
        detail: {
          fileName: options.fileName,
          sha256,
          rows: notices.length,
          fresh: fresh.length,
          reimports: reimports.length,
          totalYen,
        },
      },
      { clock: platform.clock },
    );
    return {
      result: {
        ok: true as const,
        batchId: batch.id,
        rowCount: notices.length,
        freshCount: fresh.length,
        reimportCount: reimports.length,
        totalYen,
        encoding: parsed.encoding,
      },
    };
  });
}

async function storedNotices(
  trx: TreasuryTrx,
  numbers: readonly string[],
): Promise<Map<string, PaymentNotice>> {
  const found = new Map<string, PaymentNotice>();
  for (let i = 0; i < numbers.length; i += 20_000) {
    const slice = numbers.slice(i, i + 20_000);
    const rows = await sql<NoticeRow>`select ${noticeColumns} from treasury_notices
      where notice_number = any(${slice}::text[])`.execute(trx);
    for (const row of rows.rows) found.set(row.notice_number, noticeFromRow(row));
  }
  return found;
}

function conflictsWith(
  notices: readonly ImportedPaymentNotice[],
  stored: ReadonlyMap<string, PaymentNotice>,
): NoticeImportError[] {
  const errors: NoticeImportError[] = [];
  for (const notice of notices) {
    const before = stored.get(notice.noticeNumber);
    if (before === undefined) continue;
    const field = SAME_FIELDS.find((f) => before[f] !== notice[f]);
    if (field === undefined) continue;
    errors.push({
      line: notice.line,
      column: FIELD_LABELS[field],
      value: String(notice[field]),
      message: `通知書番号「${notice.noticeNumber}」は取込済みですが、${FIELD_LABELS[field]}が取込済みの内容（${String(before[field])}）と異なります。訂正は取込済みのデータを確認してから行ってください。`,
    });
  }
  return errors;
}

async function insertNotices(
  trx: TreasuryTrx,
  batchId: number,
  notices: readonly ImportedPaymentNotice[],
  options: ImportNoticeFileOptions,
): Promise<void> {
  const size = options.chunkSize ?? 5_000;
  options.onProgress?.(0, notices.length);
  for (let i = 0; i < notices.length; i += size) {
    const chunk = notices.slice(i, i + size);
    // One statement per chunk: arrays unnested server-side (a parameter per column, not per value).
    await sql`insert into treasury_notices (notice_number, cash_date, fiscal_year, year_kind, channel,
        account_code, subject_code, department_code, amount_yen, batch_id, line)
      select n, d, fy, yk, ch, ac, sc, dc, amt, ${batchId}, ln from unnest(
        ${chunk.map((n) => n.noticeNumber)}::text[], ${chunk.map((n) => n.cashDate)}::date[],
        ${chunk.map((n) => n.fiscalYear)}::int[], ${chunk.map((n) => n.yearKind)}::text[],
        ${chunk.map((n) => n.channel)}::text[], ${chunk.map((n) => n.accountCode)}::text[],
        ${chunk.map((n) => n.subjectCode)}::text[], ${chunk.map((n) => n.departmentCode)}::text[],
        ${chunk.map((n) => n.amount)}::bigint[], ${chunk.map((n) => n.line)}::int[]
      ) as t(n, d, fy, yk, ch, ac, sc, dc, amt, ln)`.execute(trx);
    options.onProgress?.(Math.min(i + size, notices.length), notices.length);
  }
}

/** A stored notice row with the date as text (never a host-local `Date`). */
export type NoticeRow = Omit<TreasuryTables["treasury_notices"], "batch_id" | "line">;

/** Columns selecting a {@link NoticeRow}. */
export const noticeColumns = sql.raw(
  "notice_number, cash_date::text as cash_date, fiscal_year, year_kind, channel, account_code, subject_code, department_code, amount_yen",
);

/** A stored row as a {@link PaymentNotice}. */
export function noticeFromRow(row: NoticeRow): PaymentNotice {
  return {
    noticeNumber: row.notice_number,
    cashDate: row.cash_date as IsoDate,
    fiscalYear: row.fiscal_year,
    yearKind: row.year_kind as PaymentNotice["yearKind"],
    channel: row.channel as PaymentNotice["channel"],
    accountCode: row.account_code,
    subjectCode: row.subject_code,
    departmentCode: row.department_code,
    amount: yenFromDb(row.amount_yen),
  };
}
