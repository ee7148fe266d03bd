import type { PGlite } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";

/** PGlite has one connection: a promise chain hands it to one holder (query or transaction) at a time. */
function createMutex(): { lock: () => Promise<() => void> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    lock() {
      let release: () => void = () => undefined;
      const next = new Promise<void>((resolve) => {
        release = resolve;
      });
      const acquired = tail.then(() => release);
      tail = tail.then(() => next);
      return acquired;
    },
  };
}

function createConnection(client: PGlite): DatabaseConnection {
  return {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      const result = await client.query<R>(compiled.sql, [...compiled.parameters]);
      const isWrite = /^\s*(insert|update|delete|merge)\b/i.test(compiled.sql);
      return isWrite
        ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
        : { rows: result.rows };
    },
    // biome-ignore lint/correctness/useYield: streaming is not supported on PGlite
    async *streamQuery() {
      throw new Error("@ward/platform: streaming queries are not supported on PGlite");
    },
  };
}

/** A Kysely dialect over one PGlite instance (kept in-house: kysely-pglite pulls in a CLI and codegen). */
export function pgliteDialect(client: PGlite): Dialect {
  const mutex = createMutex();
  const connection = createConnection(client);
  const releases: (() => void)[] = [];
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      releases.push(await mutex.lock());
      return connection;
    },
    async beginTransaction(conn) {
      await conn.executeQuery({ sql: "begin", parameters: [] } as unknown as CompiledQuery);
    },
    async commitTransaction(conn) {
      await conn.executeQuery({ sql: "commit", parameters: [] } as unknown as CompiledQuery);
    },
    async rollbackTransaction(conn) {
      await conn.executeQuery({ sql: "rollback", parameters: [] } as unknown as CompiledQuery);
    },
    async releaseConnection() {
      releases.shift()?.();
    },
    async destroy() {
      await client.close();
    },
  };
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}
