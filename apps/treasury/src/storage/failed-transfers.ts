import type { IsoDate } from "@ward/calendar-jp";
import { type Actor, appendAudit, type Platform } from "@ward/platform";
import { sql } from "kysely";
import {
  type CsvImport,
  type CsvImportError,
  type FailedTransferInput,
  type FailedTransferReply,
  type FailedTransferStatus,
  type FailedTransferUpdate,
  failedTransferUpdateProblem,
  parseFailedTransfersCsv,
} from "../domain/index.js";
import { type TreasuryDb, treasuryDb, yenFromDb } from "./db.js";

/** A logged 口座振替支払不能 case. */
export interface FailedTransfer extends FailedTransferInput {
  readonly id: number;
  readonly status: FailedTransferStatus;
  readonly replyKind: FailedTransferReply | undefined;
  readonly replyText: string;
}

/**
 * Logs 支払不能 notices (status 未連絡) with one audit record, in one transaction.
 *
 * @returns the new ids
 * @example
 * await addFailedTransfers(platform, actor, [{ notifiedOn: "2025-07-10", payee: "練馬商事", amount: 12000, reasonCode: "01", reasonText: "口座なし", departmentCode: "110100" }]);
 */
export async function addFailedTransfers(
  platform: Platform,
  actor: Actor,
  inputs: readonly FailedTransferInput[],
  detail: Readonly<Record<string, unknown>> = {},
): Promise<number[]> {
  const now = platform.clock();
  return treasuryDb(platform)
    .transaction()
    .execute(async (trx) => {
      const ids =
        inputs.length === 0
          ? []
          : await trx
              .insertInto("treasury_failed_transfers")
              .values(
                inputs.map((f) => ({
                  notified_on: f.notifiedOn,
                  payee: f.payee,
                  amount_yen: f.amount,
                  reason_code: f.reasonCode,
                  reason_text: f.reasonText,
                  department_code: f.departmentCode,
                  reply_kind: null,
                  reply_text: "",
                  status: "uncontacted",
                  recorded_at: now,
                  updated_at: now,
                })),
              )
              .returning("id")
              .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: "treasury.failed-transfer.add",
          targetType: "failed_transfer",
          detail: { ...detail, count: inputs.length },
        },
        { clock: platform.clock },
      );
      return ids.map((r) => r.id);
    });
}

/**
 * Imports a 支払不能 CSV file whole or not at all (a rejected file stores nothing but a `failure` audit record).
 *
 * @example
 * const result = await importFailedTransfersCsv(platform, actor, bytes, "0710.csv");
 * if (!result.ok) result.errors[0]; // => { line: 3, column: "金額", value: "abc", message: "…" }
 */
export async function importFailedTransfersCsv(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
  parse: (bytes: Uint8Array) => Promise<CsvImport<FailedTransferInput>> = async (b) =>
    parseFailedTransfersCsv(b),
): Promise<{ ok: true; count: number } | { ok: false; errors: readonly CsvImportError[] }> {
  const parsed = await parse(bytes);
  if (!parsed.ok) {
    await appendAudit(
      treasuryDb(platform),
      actor,
      {
        action: "treasury.failed-transfer.add",
        targetType: "file",
        targetId: fileName,
        result: "failure",
        detail: { errorCount: parsed.errors.length },
      },
      { clock: platform.clock },
    );
    return parsed;
  }
  const rows = parsed.rows.map(({ line: _line, ...f }) => f);
  await addFailedTransfers(platform, actor, rows, { fileName });
  return { ok: true, count: rows.length };
}

/**
 * The logged cases, newest notice first: of a notice-date range and/or a status.
 *
 * @example
 * await listFailedTransfers(platform, { status: "uncontacted" });
 */
export async function listFailedTransfers(
  platform: Pick<Platform, "db">,
  filter: {
    readonly from?: IsoDate;
    readonly to?: IsoDate;
    readonly status?: FailedTransferStatus;
    readonly id?: number;
  } = {},
): Promise<FailedTransfer[]> {
  return selectFailedTransfers(treasuryDb(platform), filter);
}

async function selectFailedTransfers(
  db: TreasuryDb,
  filter: Parameters<typeof listFailedTransfers>[1] & object,
): Promise<FailedTransfer[]> {
  let q = db
    .selectFrom("treasury_failed_transfers")
    .select([
      "id",
      sql<string>`notified_on::text`.as("notified_on"),
      "payee",
      "amount_yen",
      "reason_code",
      "reason_text",
      "department_code",
      "reply_kind",
      "reply_text",
      "status",
    ]);
  if (filter.from !== undefined) q = q.where(sql<boolean>`notified_on >= ${filter.from}::date`);
  if (filter.to !== undefined) q = q.where(sql<boolean>`notified_on <= ${filter.to}::date`);
  if (filter.status !== undefined) q = q.where("status", "=", filter.status);
  if (filter.id !== undefined) q = q.where("id", "=", filter.id);
  const rows = await q.orderBy("notified_on", "desc").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    notifiedOn: r.notified_on as IsoDate,
    payee: r.payee,
    amount: yenFromDb(r.amount_yen),
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    departmentCode: r.department_code,
    status: r.status as FailedTransferStatus,
    replyKind: (r.reply_kind ?? undefined) as FailedTransferReply | undefined,
    replyText: r.reply_text,
  }));
}

/** The result of {@link updateFailedTransfer}. */
export type FailedTransferChange =
  | { readonly ok: true; readonly transfer: FailedTransfer }
  | { readonly ok: false; readonly message: string };

/**
 * Records the department's reply and moves the case's status, audited with before and after; a 完了 case
 * and 回答済/完了 without a reply are refused (nothing saved).
 *
 * @example
 * await updateFailedTransfer(platform, actor, 1, { status: "replied", replyKind: "change", replyText: "口座変更済" });
 */
export async function updateFailedTransfer(
  platform: Platform,
  actor: Actor,
  id: number,
  update: FailedTransferUpdate,
): Promise<FailedTransferChange> {
  return treasuryDb(platform)
    .transaction()
    .execute(async (trx) => {
      const [current] = await selectFailedTransfers(trx, { id });
      if (current === undefined)
        return { ok: false as const, message: `支払不能の記録（${id}）がありません` };
      const problem = failedTransferUpdateProblem(current, update);
      if (problem !== undefined) return { ok: false as const, message: problem };
      const replyKind = update.replyKind ?? current.replyKind ?? null;
      const replyText = update.replyText ?? current.replyText;
      await trx
        .updateTable("treasury_failed_transfers")
        .set({
          status: update.status,
          reply_kind: replyKind,
          reply_text: replyText,
          updated_at: platform.clock(),
        })
        .where("id", "=", id)
        .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: "treasury.failed-transfer.update",
          targetType: "failed_transfer",
          targetId: id,
          detail: {
            from: {
              status: current.status,
              replyKind: current.replyKind ?? null,
              replyText: current.replyText,
            },
            to: { status: update.status, replyKind, replyText },
          },
        },
        { clock: platform.clock },
      );
      return {
        ok: true as const,
        transfer: { ...current, status: update.status, replyKind: replyKind ?? undefined, replyText },
      };
    });
}
