import { type Actor, appendAudit, type Platform } from "@ward/platform";
import type { Insertable } from "kysely";
import type { TreasuryTrx } from "../db.js";
import type { TreasuryTables } from "../schema.js";

/** Tables whose rows carry `recorded_by` / `recorded_at`. */
type RecordedTable = "treasury_stamp_entries" | "treasury_work_records";

/**
 * Inserts one row stamped with who recorded it and when, plus its audit record, inside `trx`; returns the id.
 */
export async function insertRecorded<T extends RecordedTable>(
  platform: Pick<Platform, "clock">,
  trx: TreasuryTrx,
  actor: Actor,
  o: {
    readonly table: T;
    readonly values: Omit<Insertable<TreasuryTables[T]>, "recorded_by" | "recorded_at">;
    readonly action: string;
    readonly targetType: string;
    readonly detail: Readonly<Record<string, unknown>>;
  },
): Promise<number> {
  const row = await trx
    .insertInto(o.table as RecordedTable)
    .values({ ...o.values, recorded_by: actor.user?.id ?? null, recorded_at: platform.clock() } as never)
    .returning("id")
    .executeTakeFirstOrThrow();
  await appendAudit(
    trx,
    actor,
    {
      action: o.action,
      targetType: o.targetType,
      targetId: row.id,
      detail: o.detail,
    },
    { clock: platform.clock },
  );
  return row.id;
}
