import { z } from "zod";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import type { Actor } from "./actor.js";
import { can, type Permission, type SessionUser } from "./roles.js";

/** Permissions that can be granted to one user on top of the role. */
export const GRANTABLE_PERMISSIONS = ["personal_data"] as const satisfies readonly Permission[];
/** A permission {@link grantPermission} accepts. */
export type GrantablePermission = (typeof GRANTABLE_PERMISSIONS)[number];

/** Japanese names of grantable permissions, for screens and CLI output. */
export const GRANT_LABELS: Record<GrantablePermission, string> = { personal_data: "個人情報の閲覧" };

const grantInput = z.object({
  userId: z.number().int().positive(),
  permission: z.enum(GRANTABLE_PERMISSIONS),
});

async function change(
  ctx: PlatformContext,
  actor: Actor,
  input: { userId: number; permission: string },
  grant: boolean,
): Promise<void> {
  const action = grant ? "permission.grant" : "permission.revoke";
  const parsed = grantInput.safeParse(input);
  if (!parsed.success) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const { userId, permission } = parsed.data;
  // A CLI run by the OS account that owns the data (no platform user) is the operator.
  if (actor.user !== null && !can(actor.user, "manage_all_users")) {
    await appendAudit(
      ctx.db,
      actor,
      { action, targetType: "user", targetId: userId, result: "denied" },
      {
        clock: ctx.clock,
      },
    );
    throw new PlatformError("FORBIDDEN", { message: action });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
    if (!user) throw new PlatformError("NOT_FOUND", { message: `user ${userId}` });
    if (grant) {
      await trx
        .insertInto("user_permissions")
        .values({ user_id: userId, permission, granted_by: actor.user?.id ?? null })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom("user_permissions")
        .where("user_id", "=", userId)
        .where("permission", "=", permission)
        .execute();
    }
    await appendAudit(
      trx,
      actor,
      { action, targetType: "user", targetId: userId, detail: { permission } },
      {
        clock: ctx.clock,
      },
    );
  });
}

/**
 * Grants one user a permission beyond the role (only `manage_all_users`, or the OS operator on
 * the CLI), audited in the same transaction. Takes effect on the user's next request.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `FORBIDDEN`, `NOT_FOUND`
 * @example
 * ```ts
 * await grantPermission(platform, actor, { userId: 7, permission: "personal_data" });
 * ```
 */
export function grantPermission(
  ctx: PlatformContext,
  actor: Actor,
  input: { userId: number; permission: GrantablePermission },
): Promise<void> {
  return change(ctx, actor, input, true);
}

/**
 * Takes a granted permission back, audited in the same transaction.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `FORBIDDEN`, `NOT_FOUND`
 * @example
 * ```ts
 * await revokePermission(platform, actor, { userId: 7, permission: "personal_data" });
 * ```
 */
export function revokePermission(
  ctx: PlatformContext,
  actor: Actor,
  input: { userId: number; permission: GrantablePermission },
): Promise<void> {
  return change(ctx, actor, input, false);
}

/**
 * A session user with the permissions granted to them filled in (`grants`), so {@link can}
 * sees them; the platform calls it for every signed-in request.
 *
 * @example
 * ```ts
 * can(await withGrants(platform, user), "personal_data"); // true after grantPermission
 * ```
 */
export async function withGrants(ctx: Pick<PlatformContext, "db">, user: SessionUser): Promise<SessionUser> {
  const rows = await ctx.db
    .selectFrom("user_permissions")
    .select("permission")
    .where("user_id", "=", user.id)
    .execute();
  const known = new Set<string>(GRANTABLE_PERMISSIONS);
  return { ...user, grants: rows.map((r) => r.permission).filter((p): p is Permission => known.has(p)) };
}
