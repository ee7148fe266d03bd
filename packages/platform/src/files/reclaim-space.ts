import { type Kysely, sql } from "kysely";
import type { Logger } from "pino";
import type { DatabaseKind } from "../storage/database.js";

/** What {@link reclaimErasedSpace} could do; `warnings` say what is left to the operator. */
export interface ReclaimReport {
  /** Tables rewritten by `VACUUM FULL` (their old files are dropped at the checkpoint). */
  readonly vacuumed: readonly string[];
  /** A checkpoint ran after a WAL segment switch, so the WAL holding the erased rows could go. */
  readonly checkpointed: boolean;
  readonly warnings: readonly string[];
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// biome-ignore lint/suspicious/noExplicitAny: any app's database
type AnyDb = Kysely<any>;

/**
 * Makes the space of deleted rows unrecoverable: rewrites the given tables (`VACUUM FULL`, which
 * also rewrites their TOAST tables and indexes), then switches the WAL segment and checkpoints
 * twice so the segments that held the rows are removed (PGlite: with `wal_recycle` off, so they
 * are deleted, not renamed for reuse). On PostgreSQL the switch and checkpoint need superuser or
 * `pg_checkpoint`; without them, or with `wal_recycle = on`, the report says what is left.
 * Call it after the transaction that deleted the rows has committed; never inside one.
 *
 * @param ctx - the database, its kind and a logger for the warnings
 * @param tables - the tables whose rows were deleted or overwritten
 * @returns what was done and the warnings
 * @throws Error for a table name that is not a plain identifier
 * @example
 * ```ts
 * await reclaimErasedSpace(platform, ["files"]); // { vacuumed: ["files"], checkpointed: true, warnings: [] }
 * ```
 */
export async function reclaimErasedSpace(
  ctx: {
    readonly db: AnyDb;
    readonly kind: DatabaseKind;
    readonly logger?: Logger;
    /** The owner's connection when roles are separated: the app role may not rewrite tables. */
    readonly maintenanceDb?: AnyDb;
  },
  tables: readonly string[],
): Promise<ReclaimReport> {
  const db = ctx.maintenanceDb ?? ctx.db;
  const warnings: string[] = [];
  const vacuumed: string[] = [];
  for (const table of new Set(tables)) {
    if (!TABLE_NAME.test(table)) throw new Error(`@ward/platform: bad table name ${table}`);
    try {
      await sql`vacuum full ${sql.table(table)}`.execute(db);
      vacuumed.push(table);
    } catch (error) {
      warnings.push(`vacuum full ${table}: ${messageOf(error)}`);
    }
  }
  let checkpointed = false;
  if (ctx.kind === "pglite") {
    // PGlite runs the checkpoint in this very session, so the session setting governs it.
    await sql`set wal_recycle = off`.execute(ctx.db);
    try {
      checkpointed = await switchAndCheckpoint(ctx.db, warnings);
    } finally {
      await sql`reset wal_recycle`.execute(ctx.db);
    }
  } else {
    checkpointed = await switchAndCheckpoint(db, warnings);
    const recycle = await sql<{ value: string }>`select current_setting('wal_recycle') as value`.execute(db);
    if (recycle.rows[0]?.value !== "off") {
      warnings.push("wal_recycle is on: recycled WAL segments keep erased rows until overwritten");
    }
  }
  if (warnings.length > 0) ctx.logger?.warn({ warnings, tables }, "erased space not fully reclaimed");
  return { vacuumed, checkpointed, warnings };
}

async function switchAndCheckpoint(db: AnyDb, warnings: string[]): Promise<boolean> {
  try {
    for (let round = 0; round < 2; round += 1) {
      await sql`select pg_switch_wal()`.execute(db);
      await sql`checkpoint`.execute(db);
    }
    return true;
  } catch (error) {
    warnings.push(`wal switch / checkpoint: ${messageOf(error)}`);
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
