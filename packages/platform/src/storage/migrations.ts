import { type Kysely, sql, type Transaction } from "kysely";
import { z } from "zod";
import { PlatformError } from "../errors.js";
import { type Clock, systemClock, toTokyoIso } from "../time.js";

/** One versioned schema change. `up` runs inside a transaction together with its bookkeeping row. */
export interface Migration {
  /** Stable id, e.g. `"001_notes"`; never rename or reorder an applied migration. */
  readonly id: string;
  // biome-ignore lint/suspicious/noExplicitAny: migrations create tables the type does not know yet
  up(trx: Transaction<any>): Promise<void>;
}

/** The migrations of one namespace (the platform's is `platform`; an app uses its own name). */
export interface MigrationSet {
  readonly namespace: string;
  readonly migrations: readonly Migration[];
}

/** A migration that {@link runMigrations} applied. */
export interface AppliedMigration {
  readonly namespace: string;
  readonly id: string;
}

const setSchema = z.object({
  namespace: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/),
  migrations: z.array(z.object({ id: z.string().min(1).max(200), up: z.function() })),
});

// Any fixed number works: every process migrating the same database takes the same lock.
const MIGRATION_LOCK = 8_420_511;

/**
 * Applies every pending migration of every set, in order, each in its own transaction that also
 * records it in `ward_migrations`. A transaction-scoped advisory lock serialises concurrent starts.
 *
 * @param db - the database
 * @param sets - the platform's set first, then the app's
 * @param options - `clock` for the recorded time stamp
 * @returns the migrations applied by this call
 * @throws PlatformError `MIGRATION_FAILED` when a migration fails (its transaction is rolled back),
 *   when an applied id is missing from the list, or when a new migration sits before an applied one
 * @example
 * ```ts
 * await runMigrations(db, [{ namespace: "notes", migrations: [{ id: "001_notes", up: async (trx) => {
 *   await sql`create table notes (id serial primary key, title text not null)`.execute(trx);
 * } }] }]);
 * ```
 */
export async function runMigrations(
  // biome-ignore lint/suspicious/noExplicitAny: works on any database
  db: Kysely<any>,
  sets: readonly MigrationSet[],
  options: { readonly clock?: Clock } = {},
): Promise<AppliedMigration[]> {
  const clock = options.clock ?? systemClock;
  for (const set of sets) {
    const parsed = setSchema.safeParse(set);
    if (!parsed.success) {
      throw new PlatformError("MIGRATION_FAILED", {
        message: `invalid migration set: ${parsed.error.message}`,
      });
    }
    const ids = set.migrations.map((m) => m.id);
    if (new Set(ids).size !== ids.length) {
      throw new PlatformError("MIGRATION_FAILED", { message: `duplicate migration id in ${set.namespace}` });
    }
  }
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists ward_migrations (
      namespace text not null,
      id text not null,
      position integer not null,
      applied_at text not null,
      primary key (namespace, id)
    )`.execute(trx);
  });
  const applied: AppliedMigration[] = [];
  for (const set of sets) {
    for (const [position, migration] of set.migrations.entries()) {
      const done = await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
        const rows = await trx
          .selectFrom("ward_migrations")
          .select(["id", "position"])
          .where("namespace", "=", set.namespace)
          .execute();
        const known = new Set(set.migrations.map((m) => m.id));
        const unknown = rows.find((row) => !known.has(row.id));
        if (unknown) {
          throw new PlatformError("MIGRATION_FAILED", {
            message: `${set.namespace}/${unknown.id} is applied but not in this version's list`,
          });
        }
        if (rows.some((row) => row.id === migration.id)) return false;
        const later = rows.find((row) => row.position >= position);
        if (later) {
          throw new PlatformError("MIGRATION_FAILED", {
            message: `${set.namespace}/${migration.id} is new but sits before applied ${later.id}`,
          });
        }
        try {
          await migration.up(trx);
        } catch (error) {
          throw new PlatformError("MIGRATION_FAILED", {
            message: `${set.namespace}/${migration.id}: ${error instanceof Error ? error.message : String(error)}`,
            cause: error,
          });
        }
        await trx
          .insertInto("ward_migrations")
          .values({ namespace: set.namespace, id: migration.id, position, applied_at: toTokyoIso(clock()) })
          .execute();
        return true;
      });
      if (done) applied.push({ namespace: set.namespace, id: migration.id });
    }
  }
  return applied;
}
