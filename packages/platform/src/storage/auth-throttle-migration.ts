import { sql } from "kysely";
import type { Migration } from "./migrations.js";

/**
 * Login throttling state in the database, so several app instances on one PostgreSQL share it:
 * one row per client address (`scope = 'client'`, `login_id = ''`) and one per login id tried
 * from a client address (`scope = 'account'`), for real and unknown login ids alike.
 *
 * @example
 * ```ts
 * const set: MigrationSet = { namespace: "platform", migrations: [...earlier, loginThrottleMigration] };
 * ```
 */
export const loginThrottleMigration: Migration = {
  id: "004_auth_login_throttle",
  async up(trx) {
    await sql`create table login_throttle (
      scope text not null check (scope in ('client', 'account')),
      login_id text not null,
      client text not null,
      attempts integer not null default 0,
      locks integer not null default 0,
      window_start timestamptz not null,
      locked_until timestamptz,
      updated_at timestamptz not null,
      primary key (scope, login_id, client)
    )`.execute(trx);
    await sql`create index login_throttle_updated_idx on login_throttle (updated_at)`.execute(trx);
    await sql`create index login_throttle_login_idx on login_throttle (login_id) where scope = 'account'`.execute(
      trx,
    );
  },
};
