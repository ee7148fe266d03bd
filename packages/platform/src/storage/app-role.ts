import { type Kysely, sql } from "kysely";

/**
 * On PostgreSQL with a separate owner connection: lets the app's role use every table of the
 * schema but gives it only SELECT and INSERT on `audit_log`, SELECT and UPDATE on `audit_head`
 * and only SELECT on `ward_keyring` and
 * `ward_migrations`. The owner keeps ownership, so the app's role can neither update, delete nor
 * truncate audit records nor `ALTER TABLE … DISABLE TRIGGER`. Run on every start, after the
 * migrations, so new tables are covered.
 *
 * @param owner - the owner connection
 * @param appRole - the role the app connects as
 * @param schema - the schema the tables live in
 * @example
 * ```ts
 * await grantAppRole(owner.db, "ward_treasury_app", "public");
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: any database
export async function grantAppRole(owner: Kysely<any>, appRole: string, schema: string): Promise<void> {
  const role = sql.id(appRole);
  const s = sql.id(schema);
  await owner.transaction().execute(async (trx) => {
    await sql`grant usage on schema ${s} to ${role}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema ${s} to ${role}`.execute(trx);
    await sql`grant usage, select on all sequences in schema ${s} to ${role}`.execute(trx);
    await sql`revoke update, delete, truncate, references, trigger on ${s}.audit_log from ${role}`.execute(
      trx,
    );
    await sql`revoke insert, delete, truncate, references, trigger on ${s}.audit_head from ${role}`.execute(
      trx,
    );
    await sql`revoke insert, update, delete, truncate, references, trigger on ${s}.ward_keyring, ${s}.ward_migrations from ${role}`.execute(
      trx,
    );
  });
}
