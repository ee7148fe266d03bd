import { randomBytes } from "node:crypto";
import pg from "pg";
import { TEST_DATABASE_URL } from "./test-defaults.js";

// Schemas this test file created, per database URL, so one afterAll can drop them.
const created = new Map<string, Set<string>>();

/**
 * Names a fresh `ward_test_<hex>` PostgreSQL schema and remembers it for {@link dropTestSchemas}.
 * The platform creates the schema when it opens the database.
 *
 * @param url - The database the schema will live in; default {@link TEST_DATABASE_URL}.
 * @returns The schema name.
 * @example
 * ```ts
 * createTestSchema(); // "ward_test_9f2c41d07ab3"
 * ```
 */
export function createTestSchema(url: string = TEST_DATABASE_URL): string {
  const name = `ward_test_${randomBytes(6).toString("hex")}`;
  const schemas = created.get(url) ?? new Set<string>();
  schemas.add(name);
  created.set(url, schemas);
  return name;
}

/**
 * Drops every schema {@link createTestSchema} named in this module instance (call it in `afterAll`).
 *
 * @returns When all are dropped; does nothing when none were created.
 * @example
 * ```ts
 * afterAll(dropTestSchemas);
 * ```
 */
export async function dropTestSchemas(): Promise<void> {
  for (const [url, schemas] of created) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
    created.delete(url);
  }
}
