import type { Platform, PlatformTables } from "@ward/platform";
import type { Kysely, Transaction } from "kysely";
import type { TreasuryTables } from "./schema.js";

/** The platform's database typed with the treasury tables. */
export type TreasuryDb = Kysely<PlatformTables & TreasuryTables>;
/** A transaction over {@link TreasuryDb}. */
export type TreasuryTrx = Transaction<PlatformTables & TreasuryTables>;

/**
 * The platform's Kysely instance, typed with the treasury's tables.
 *
 * @example
 * await treasuryDb(platform).selectFrom("treasury_notices").selectAll().execute();
 */
export function treasuryDb(platform: Pick<Platform, "db">): TreasuryDb {
  return platform.db as unknown as TreasuryDb;
}

/** bigint / numeric-string yen from the driver as a safe integer. */
export function yenFromDb(value: string | number | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`@ward/treasury: not a safe integer of yen: ${value}`);
  return n;
}
