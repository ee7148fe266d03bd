import type { Transaction } from "kysely";
import type { LockoutSettings, PlatformContext } from "../context.js";
import type { PlatformTables } from "../storage/schema.js";

/** Throttle state of one client address or one (login id, client address) pair. */
export interface ThrottleState {
  readonly attempts: number;
  readonly locks: number;
  readonly windowStart: Date;
  readonly lockedUntil: Date | null;
  readonly updatedAt: Date;
}

/** What {@link reserveLoginAttempt} decided. */
export type LoginReservation =
  | { readonly allowed: false; readonly reason: "locked" | "client_blocked"; readonly until: Date }
  | {
      readonly allowed: true;
      /** Attempts of this login id from this client, this one included. */
      readonly attempt: number;
      /** This attempt locked the login id for this client (it is still checked). */
      readonly locked: { readonly minutes: number; readonly until: Date; readonly lockCount: number } | null;
      /** This attempt blocked the client address. */
      readonly clientBlocked: boolean;
    };

const DAY_MS = 86_400_000;

function fresh(now: Date): ThrottleState {
  return { attempts: 0, locks: 0, windowStart: now, lockedUntil: null, updatedAt: now };
}

/**
 * The next state of a (login id, client) pair for one attempt: refused while locked (without
 * extending the lock), else counted; reaching `maxFailures` locks it for `lockMinutes`, doubled for
 * every earlier lock, at most `maxLockMinutes`. A day without attempts forgets everything.
 *
 * @example
 * ```ts
 * accountStep(undefined, now, { ...settings, maxFailures: 1 }).state.lockedUntil; // now + 15 min
 * ```
 */
export function accountStep(
  previous: ThrottleState | undefined,
  now: Date,
  s: LockoutSettings,
): { state: ThrottleState; refused: boolean; lockMinutes: number | null } {
  let state = previous ?? fresh(now);
  if (state.lockedUntil !== null && state.lockedUntil > now)
    return { state, refused: true, lockMinutes: null };
  const quietSince = state.lockedUntil ?? state.updatedAt;
  if (now.getTime() - quietSince.getTime() >= Math.max(DAY_MS, s.maxLockMinutes * 60_000)) state = fresh(now);
  else if (state.lockedUntil !== null) state = { ...state, attempts: 0, lockedUntil: null, windowStart: now };
  const attempts = state.attempts + 1;
  if (attempts < s.maxFailures)
    return { state: { ...state, attempts, updatedAt: now }, refused: false, lockMinutes: null };
  const minutes = Math.min(s.lockMinutes * 2 ** Math.min(state.locks, 30), s.maxLockMinutes);
  return {
    state: {
      ...state,
      attempts,
      locks: state.locks + 1,
      lockedUntil: new Date(now.getTime() + minutes * 60_000),
      updatedAt: now,
    },
    refused: false,
    lockMinutes: minutes,
  };
}

/**
 * The next state of a client address for one attempt: refused while blocked, else counted within
 * a window of `clientWindowMinutes`; reaching `clientMaxFailures` blocks it for one window.
 *
 * @example
 * ```ts
 * clientStep(undefined, now, settings).refused; // false
 * ```
 */
export function clientStep(
  previous: ThrottleState | undefined,
  now: Date,
  s: LockoutSettings,
): { state: ThrottleState; refused: boolean; blocked: boolean } {
  let state = previous ?? fresh(now);
  if (state.lockedUntil !== null && state.lockedUntil > now) return { state, refused: true, blocked: false };
  const windowMs = s.clientWindowMinutes * 60_000;
  if (state.lockedUntil !== null || now.getTime() - state.windowStart.getTime() >= windowMs)
    state = fresh(now);
  const attempts = state.attempts + 1;
  const blocked = attempts >= s.clientMaxFailures;
  return {
    state: {
      ...state,
      attempts,
      lockedUntil: blocked ? new Date(now.getTime() + windowMs) : null,
      updatedAt: now,
    },
    refused: false,
    blocked,
  };
}

type Trx = Transaction<PlatformTables>;
type Key = { scope: "client" | "account"; login_id: string; client: string };

async function lockRow(trx: Trx, key: Key, now: Date): Promise<ThrottleState> {
  await trx
    .insertInto("login_throttle")
    .values({ ...key, attempts: 0, locks: 0, window_start: now, locked_until: null, updated_at: now })
    .onConflict((oc) => oc.columns(["scope", "login_id", "client"]).doNothing())
    .execute();
  const row = await trx
    .selectFrom("login_throttle")
    .selectAll()
    .where("scope", "=", key.scope)
    .where("login_id", "=", key.login_id)
    .where("client", "=", key.client)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    attempts: row.attempts,
    locks: row.locks,
    windowStart: row.window_start,
    lockedUntil: row.locked_until,
    updatedAt: row.updated_at,
  };
}

async function saveRow(trx: Trx, key: Key, state: ThrottleState): Promise<void> {
  await trx
    .updateTable("login_throttle")
    .set({
      attempts: state.attempts,
      locks: state.locks,
      window_start: state.windowStart,
      locked_until: state.lockedUntil,
      updated_at: state.updatedAt,
    })
    .where("scope", "=", key.scope)
    .where("login_id", "=", key.login_id)
    .where("client", "=", key.client)
    .execute();
}

/** The key of a client address (`unknown` when the address is not known). */
export const clientKey = (client: string | null): string => client ?? "unknown";

/**
 * Reserves one password check for a login id from a client address, before the password is
 * looked at: the rows are locked (`for update`) and counted in one transaction, so parallel
 * requests queue and at most `maxFailures` passwords are checked before the lock. The same for
 * real and unknown login ids.
 *
 * @example
 * ```ts
 * const r = await reserveLoginAttempt(platform, "sato", "203.0.113.7");
 * if (!r.allowed) throw new PlatformError("ACCOUNT_LOCKED");
 * ```
 */
export async function reserveLoginAttempt(
  ctx: PlatformContext,
  loginId: string,
  client: string | null,
): Promise<LoginReservation> {
  const now = ctx.clock();
  const clientRow: Key = { scope: "client", login_id: "", client: clientKey(client) };
  const accountRow: Key = { scope: "account", login_id: loginId, client: clientKey(client) };
  return ctx.db.transaction().execute(async (trx) => {
    // Always the client row first, then the account row: one lock order, no deadlocks.
    const c = clientStep(await lockRow(trx, clientRow, now), now, ctx.lockout);
    if (c.refused) return { allowed: false, reason: "client_blocked", until: c.state.lockedUntil ?? now };
    const a = accountStep(await lockRow(trx, accountRow, now), now, ctx.lockout);
    if (a.refused) return { allowed: false, reason: "locked", until: a.state.lockedUntil ?? now };
    await saveRow(trx, clientRow, c.state);
    await saveRow(trx, accountRow, a.state);
    return {
      allowed: true,
      attempt: a.state.attempts,
      locked:
        a.lockMinutes === null || a.state.lockedUntil === null
          ? null
          : { minutes: a.lockMinutes, until: a.state.lockedUntil, lockCount: a.state.locks },
      clientBlocked: c.blocked,
    };
  });
}

/**
 * Deletes throttle rows untouched for longer than the longest lock and a day (they would be
 * forgotten anyway), so login ids sprayed by an attacker do not pile up. Returns how many went.
 *
 * @example
 * ```ts
 * await purgeLoginThrottle(platform, new Date()); // 0
 * ```
 */
export async function purgeLoginThrottle(
  ctx: Pick<PlatformContext, "db" | "lockout">,
  now: Date,
): Promise<number> {
  const keepMs = Math.max(DAY_MS, ctx.lockout.maxLockMinutes * 60_000) + DAY_MS;
  const result = await ctx.db
    .deleteFrom("login_throttle")
    .where("updated_at", "<", new Date(now.getTime() - keepMs))
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * After a successful login: forgets the pair's failures and lock, and gives the client its
 * attempt back (lifting a block this attempt caused). Call it in the login's transaction.
 *
 * @example
 * ```ts
 * await settleSuccessfulLogin(trx, "sato", "203.0.113.7", reservation.clientBlocked);
 * ```
 */
export async function settleSuccessfulLogin(
  trx: Trx,
  loginId: string,
  client: string | null,
  liftClientBlock: boolean,
): Promise<void> {
  await trx
    .deleteFrom("login_throttle")
    .where("scope", "=", "account")
    .where("login_id", "=", loginId)
    .where("client", "=", clientKey(client))
    .execute();
  let q = trx
    .updateTable("login_throttle")
    .set((eb) => ({ attempts: eb.fn("greatest", [eb("attempts", "-", 1), eb.lit(0)]) }))
    .where("scope", "=", "client")
    .where("login_id", "=", "")
    .where("client", "=", clientKey(client));
  if (liftClientBlock) q = q.set({ locked_until: null });
  await q.execute();
}

/**
 * Lifts every lock of a login id (all client addresses); returns how many were active.
 *
 * @example
 * ```ts
 * await clearAccountLocks(trx, "admin", new Date()); // 1
 * ```
 */
export async function clearAccountLocks(trx: Trx, loginId: string, now: Date): Promise<number> {
  const rows = await trx
    .deleteFrom("login_throttle")
    .where("scope", "=", "account")
    .where("login_id", "=", loginId)
    .returning(["locked_until"])
    .execute();
  return rows.filter((r) => r.locked_until !== null && r.locked_until > now).length;
}

/**
 * Lifts the block of a client address (break-glass); returns whether it was blocked.
 *
 * @example
 * ```ts
 * await clearClientBlock(trx, "192.0.2.10", new Date()); // true
 * ```
 */
export async function clearClientBlock(trx: Trx, client: string, now: Date): Promise<boolean> {
  const rows = await trx
    .deleteFrom("login_throttle")
    .where("scope", "=", "client")
    .where("login_id", "=", "")
    .where("client", "=", client)
    .returning(["locked_until"])
    .execute();
  return rows.some((r) => r.locked_until !== null && r.locked_until > now);
}
