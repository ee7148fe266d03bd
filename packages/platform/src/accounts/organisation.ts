import { z } from "zod";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import { sqlState, UNIQUE_VIOLATION } from "../internal/db-errors.js";
import type { Actor } from "./actor.js";
import { can } from "./roles.js";

/** A department (所属). */
export interface Department {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

/** A group of users (e.g. a team with access to one folder). */
export interface Group {
  readonly id: number;
  readonly name: string;
  readonly departmentId: number | null;
}

const departmentInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "所属コードは半角英数字で32文字以内にしてください。"),
  name: z.string().trim().min(1, "所属名を入力してください。").max(100),
});

const groupInput = z.object({
  name: z.string().trim().min(1, "グループ名を入力してください。").max(100),
  departmentId: z.number().int().positive().nullable(),
});

async function requireAdmin(
  ctx: PlatformContext,
  actor: Actor,
  action: string,
  departmentId?: number | null,
) {
  const by = actor.user;
  if (by === null || can(by, "manage_departments")) return;
  if (departmentId !== undefined && can(by, "manage_department_users") && departmentId === by.departmentId)
    return;
  await appendAudit(ctx.db, actor, { action, result: "denied" }, { clock: ctx.clock });
  throw new PlatformError("FORBIDDEN", { message: action });
}

function conflict(error: unknown, what: string): never {
  if (sqlState(error) === UNIQUE_VIOLATION) {
    throw new PlatformError("CONFLICT", { message: `${what} exists`, cause: error });
  }
  throw error;
}

/**
 * Creates a department (system admins only), audited in the same transaction.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `FORBIDDEN`, `CONFLICT`
 * @example
 * ```ts
 * const dept = await createDepartment(platform, actor, { code: "kaikei", name: "会計管理室" });
 * ```
 */
export async function createDepartment(
  ctx: PlatformContext,
  actor: Actor,
  input: { code: string; name: string },
): Promise<Department> {
  const parsed = departmentInput.safeParse(input);
  if (!parsed.success) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  await requireAdmin(ctx, actor, "department.create");
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("departments")
        .values(parsed.data)
        .returning(["id"])
        .executeTakeFirstOrThrow();
      await appendAudit(
        trx,
        actor,
        { action: "department.create", targetType: "department", targetId: row.id, detail: parsed.data },
        { clock: ctx.clock },
      );
      return { id: row.id, ...parsed.data };
    });
  } catch (error) {
    return conflict(error, `department ${parsed.data.code}`);
  }
}

/**
 * Lists departments.
 *
 * @example
 * ```ts
 * (await listDepartments(platform)).map((d) => d.name); // ["会計管理室"]
 * ```
 */
export async function listDepartments(ctx: PlatformContext): Promise<Department[]> {
  return ctx.db.selectFrom("departments").select(["id", "code", "name"]).orderBy("id").execute();
}

/**
 * Creates a group (system admins; department admins inside their department), audited.
 *
 * @example
 * ```ts
 * const group = await createGroup(platform, actor, { name: "収納係", departmentId: 1 });
 * ```
 */
export async function createGroup(
  ctx: PlatformContext,
  actor: Actor,
  input: { name: string; departmentId: number | null },
): Promise<Group> {
  const parsed = groupInput.safeParse(input);
  if (!parsed.success) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  await requireAdmin(ctx, actor, "group.create", parsed.data.departmentId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("groups")
        .values({ name: parsed.data.name, department_id: parsed.data.departmentId })
        .returning(["id"])
        .executeTakeFirstOrThrow();
      await appendAudit(
        trx,
        actor,
        { action: "group.create", targetType: "group", targetId: row.id, detail: parsed.data },
        { clock: ctx.clock },
      );
      return { id: row.id, ...parsed.data };
    });
  } catch (error) {
    return conflict(error, `group ${parsed.data.name}`);
  }
}

/**
 * Adds a user to a group (idempotent), audited.
 *
 * @example
 * ```ts
 * await addGroupMember(platform, actor, group.id, user.id);
 * ```
 */
export async function addGroupMember(
  ctx: PlatformContext,
  actor: Actor,
  groupId: number,
  userId: number,
): Promise<void> {
  const group = await ctx.db
    .selectFrom("groups")
    .select("department_id")
    .where("id", "=", groupId)
    .executeTakeFirst();
  if (!group) throw new PlatformError("NOT_FOUND", { message: `group ${groupId}` });
  await requireAdmin(ctx, actor, "group.add_member", group.department_id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("group_members")
      .values({ group_id: groupId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await appendAudit(
      trx,
      actor,
      { action: "group.add_member", targetType: "group", targetId: groupId, detail: { userId } },
      { clock: ctx.clock },
    );
  });
}

/**
 * Lists groups with their member ids.
 *
 * @example
 * ```ts
 * await listGroups(platform); // [{ id: 1, name: "収納係", departmentId: 1, memberIds: [2, 3] }]
 * ```
 */
export async function listGroups(ctx: PlatformContext): Promise<Array<Group & { memberIds: number[] }>> {
  const groups = await ctx.db
    .selectFrom("groups")
    .select(["id", "name", "department_id"])
    .orderBy("id")
    .execute();
  const members = await ctx.db
    .selectFrom("group_members")
    .select(["group_id", "user_id"])
    .orderBy("user_id")
    .execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    departmentId: g.department_id,
    memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.user_id),
  }));
}
