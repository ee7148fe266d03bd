import type { IsoDate } from "@ward/calendar-jp";
import { LedgerError } from "@ward/ledger";
import type { Actor, Platform } from "@ward/platform";
import { sql } from "kysely";
import { type StampBook, type StampEntry, type StampEntryInput, stampBook } from "../domain/index.js";
import { type TreasuryDb, treasuryDb } from "./db.js";
import { insertRecorded } from "./internal/insert-recorded.js";

async function storedEntries(db: TreasuryDb, through?: IsoDate): Promise<StampEntry[]> {
  let q = db
    .selectFrom("treasury_stamp_entries")
    .select([
      "id",
      sql<string>`entry_date::text`.as("date"),
      "denomination",
      "received",
      "used",
      "description",
    ]);
  if (through !== undefined) q = q.where(sql<boolean>`entry_date <= ${through}::date`);
  const rows = await q.orderBy("entry_date").orderBy("id").execute();
  return rows.map((r) => ({ ...r, date: r.date as IsoDate }));
}

/**
 * The 郵券受払簿 as stored (lines in date order), optionally through a date.
 *
 * @example
 * (await loadStampBook(platform)).ledger.balances; // => [{ denomination: 110, remaining: 10, … }]
 */
export async function loadStampBook(
  platform: Pick<Platform, "db">,
  options: { readonly through?: IsoDate } = {},
): Promise<{ readonly entries: readonly StampEntry[]; readonly book: StampBook }> {
  const entries = await storedEntries(treasuryDb(platform), options.through);
  return { entries, book: stampBook(entries) };
}

/** The result of {@link recordStampEntry}. */
export type StampEntryResult =
  | { readonly ok: true; readonly id: number; readonly remaining: number }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Records a 郵券受払簿 line after re-running the whole book with it (placed after the lines of its date): a use
 * exceeding the stamps on hand — on that day or any later one — or a 実査残 that disagrees is refused with a
 * Japanese message and nothing is saved. Audited.
 *
 * @example
 * await recordStampEntry(platform, actor, { date: "2025-07-31", denomination: 110, received: 0, used: 500, description: "支払案内書送付" });
 * // => { ok: false, code: "INSUFFICIENT_STOCK", message: "110円切手の残数が足りません（…）" }
 */
export async function recordStampEntry(
  platform: Platform,
  actor: Actor,
  input: StampEntryInput,
): Promise<StampEntryResult> {
  return treasuryDb(platform)
    .transaction()
    .execute(async (trx) => {
      // One writer at a time: the check below reads the whole book.
      await sql`lock table treasury_stamp_entries in share row exclusive mode`.execute(trx);
      const entries = await storedEntries(trx);
      const { counted, ...fields } = input;
      const entry: StampEntry = {
        ...fields,
        date: input.date as IsoDate,
        ...(counted === undefined ? {} : { counted }),
      };
      const at = entries.findIndex((e) => e.date > entry.date);
      const position = at < 0 ? entries.length : at;
      const all = [...entries.slice(0, position), entry, ...entries.slice(position)];
      let remaining: number;
      try {
        remaining = stampBook(all).ledger.lines[position]?.remaining ?? 0;
      } catch (error) {
        if (!(error instanceof LedgerError)) throw error;
        const d = error.details;
        const at = all[Number(d.index)];
        const message =
          error.code === "BALANCE_MISMATCH"
            ? `実査残が帳簿の残数と一致しません（${input.denomination}円切手：帳簿 ${String(d.expected ?? "")}枚、実査 ${input.counted ?? ""}枚）`
            : error.code === "INSUFFICIENT_STOCK" && at !== undefined
              ? `${at.denomination}円切手の残数が足りません（${at.date}「${at.description}」：払出 ${at.used}枚、手持ち ${String(d.onHand)}枚）`
              : (error.messageJa ?? error.message);
        return { ok: false as const, code: error.code, message: `登録できません：${message}` };
      }
      const id = await insertRecorded(platform, trx, actor, {
        table: "treasury_stamp_entries",
        values: {
          entry_date: input.date,
          denomination: input.denomination,
          received: input.received,
          used: input.used,
          description: input.description,
        },
        action: "treasury.stamp.record",
        targetType: "stamp_entry",
        detail: { ...input, remaining },
      });
      return { ok: true as const, id, remaining };
    });
}
