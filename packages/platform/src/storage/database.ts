import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PlatformError } from "../errors.js";
import { pgliteDialect } from "../internal/pglite-dialect.js";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import type { PlatformTables } from "./schema.js";

/** Which engine a {@link PlatformDatabase} runs on. */
export type DatabaseKind = "pglite" | "postgres";

/** Where the data lives: a PGlite data directory (or memory), or a PostgreSQL URL. */
export type DatabaseOptions =
  | {
      readonly dataDir: string;
      /** Who opens it, written in the data directory's one-owner lock (e.g. `treasury`). */
      readonly owner?: string;
    }
  | { readonly memory: true }
  | {
      readonly databaseUrl: string;
      /** PostgreSQL schema to use (created if missing); default `public`. */
      readonly schema?: string;
      /** Pool size; default 10. */
      readonly poolSize?: number;
    };

/** An open database: the Kysely instance plus how to close it. */
export interface PlatformDatabase {
  readonly db: Kysely<PlatformTables>;
  readonly kind: DatabaseKind;
  /** The PostgreSQL schema in use (`public` on PGlite). */
  readonly schema: string;
  /** The one-owner lock of a PGlite data directory (absent in memory and on PostgreSQL). */
  readonly lock?: DataDirLock;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens PGlite (a data directory on disk, or memory) or PostgreSQL behind one Kysely interface.
 * Run {@link runMigrations} (or use `createPlatform`, which does) before using the tables.
 * A data directory is opened by one process at a time: its lock is taken before PGlite starts
 * and released on close (see {@link acquireDataDirLock}).
 *
 * @param options - `{ dataDir }`, `{ memory: true }` or `{ databaseUrl, schema? }`
 * @returns the open database
 * @throws PlatformError `CONFIG_INVALID` for a bad schema name, `DATA_DIR_LOCKED` when another
 * process owns the data directory
 * @example
 * ```ts
 * const database = await openDatabase({ dataDir: ".data/demo" });
 * await database.close();
 * ```
 */
export async function openDatabase(options: DatabaseOptions): Promise<PlatformDatabase> {
  if ("databaseUrl" in options) {
    const schema = options.schema ?? "public";
    if (!SCHEMA_NAME.test(schema))
      throw new PlatformError("CONFIG_INVALID", { message: `bad schema ${schema}` });
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: `-c search_path=${schema} -c TimeZone=Asia/Tokyo`,
    });
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    try {
      // An app role without CREATE on the database (see DATABASE_OWNER_URL) may use an existing schema.
      const found = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
      if (found.rows.length === 0) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return { db, kind: "postgres", schema, close: () => db.destroy() };
  }
  if (!("dataDir" in options)) {
    const client = await PGlite.create();
    await client.exec("set TimeZone = 'Asia/Tokyo'");
    const db = new Kysely<PlatformTables>({ dialect: pgliteDialect(client) });
    return { db, kind: "pglite", schema: "public", close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const lock = acquireDataDirLock(options.dataDir, { app: options.owner ?? "ward" });
  let db: Kysely<PlatformTables>;
  try {
    const client = await PGlite.create(options.dataDir);
    await client.exec("set TimeZone = 'Asia/Tokyo'");
    db = new Kysely<PlatformTables>({ dialect: pgliteDialect(client) });
  } catch (error) {
    lock.release();
    throw error;
  }
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      lock.release();
    }
  };
  return { db, kind: "pglite", schema: "public", lock, close };
}
