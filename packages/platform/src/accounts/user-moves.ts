import type { Transaction } from "kysely";
import { z } from "zod";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import { type PlatformTables, ROLES, type Role } from "../storage/schema.js";
import { type Actor, SYSTEM } from "./actor.js";
import { noteScheduledMove } from "./due-moves.js";
import { can } from "./roles.js";
import { startOfTokyoDay } from "./tokyo-day.js";

type Trx = Transaction<PlatformTables>;
type MovesContext = Pick<PlatformContext, "db" | "clock">;

/** An effective-dated move (異動) or retirement (退職). */
export interface UserMove {
  readonly id: number;
  readonly userId: number;
  readonly loginId: string;
  readonly displayName: string;
  readonly kind: "move" | "retire";
  /** `YYYY-MM-DD`; the move applies at 00:00 JST that day. */
  readonly effectiveDate: string;
  readonly effectiveAt: Date;
  readonly departmentId: number | null;
  readonly role: Role | null;
  readonly status: "pending" | "applied" | "cancelled";
  readonly fromDepartmentId: number | null;
  readonly fromRole: Role | null;
  readonly appliedAt: Date | null;
  readonly reviewedAt: Date | null;
}

/** Input of {@link scheduleMove}. */
export const moveInput = z
  .object({
    userId: z.number().int().positive(),
    kind: z.enum(["move", "retire"], "区分は「異動」か「退職」を選んでください。"),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "発令日は YYYY-MM-DD 形式で入力してください。"),
    departmentId: z.number().int().positive().nullable().optional(),
    role: z.enum(ROLES, "権限を選択してください。").optional(),
  })
  .refine((m) => m.kind === "retire" || m.departmentId !== undefined || m.role !== undefined, {
    path: ["departmentId"],
    message: "異動先の所属か権限を指定してください。",
  });
/** Input of {@link scheduleMove}. */
export type MoveInput = z.input<typeof moveInput>;

type TargetRow = { id: number; login_id: string; role: Role; department_id: number | null };

/**
 * Whether `actor` may schedule this move: system admins any; a department admin only for staff and
 * read-only users of their department who stay in it with such a role (role changes, retirements).
 */
export function mayScheduleMove(actor: Actor, target: TargetRow, move: z.output<typeof moveInput>): boolean {
  const by = actor.user;
  if (by === null || can(by, "manage_all_users")) return true;
  if (!can(by, "manage_department_users") || by.departmentId === null) return false;
  if (target.department_id !== by.departmentId || !["staff", "read_only"].includes(target.role)) return false;
  if (move.kind === "retire") return true;
  const stays = move.departmentId === undefined || move.departmentId === by.departmentId;
  const role = move.role === undefined || move.role === "staff" || move.role === "read_only";
  return stays && role;
}

/**
 * Records a move inside the caller's transaction (the account import uses it), with its audit record.
 * The caller checks permission and applies moves already due afterwards.
 */
export async function insertMove(
  trx: Trx,
  ctx: MovesContext,
  actor: Actor,
  target: TargetRow,
  move: z.output<typeof moveInput>,
): Promise<number> {
  const effectiveAt = startOfTokyoDay(move.effectiveDate);
  if (move.departmentId != null) {
    const dept = await trx
      .selectFrom("departments")
      .select("id")
      .where("id", "=", move.departmentId)
      .executeTakeFirst();
    if (!dept) {
      throw new PlatformError("VALIDATION_FAILED", {
        issues: [{ path: "departmentId", message: "異動先の所属が見つかりません。" }],
      });
    }
  }
  const row = await trx
    .insertInto("user_moves")
    .values({
      user_id: target.id,
      kind: move.kind,
      effective_date: move.effectiveDate,
      effective_at: effectiveAt,
      department_id: move.departmentId ?? null,
      role: move.role ?? null,
      created_by: actor.user?.id ?? null,
      created_at: ctx.clock(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await appendAudit(
    trx,
    actor,
    {
      action: move.kind === "retire" ? "user.retire.schedule" : "user.move.schedule",
      targetType: "user",
      targetId: target.id,
      detail: {
        moveId: row.id,
        loginId: target.login_id,
        effectiveDate: move.effectiveDate,
        ...(move.departmentId !== undefined ? { departmentId: move.departmentId } : {}),
        ...(move.role !== undefined ? { role: move.role } : {}),
      },
    },
    { clock: ctx.clock },
  );
  noteScheduledMove(ctx, effectiveAt);
  return row.id;
}

/**
 * Schedules a move (異動: department and/or role) or a retirement (退職: disabled, sessions ended)
 * to take effect at 00:00 JST on `effectiveDate`; a date already begun applies at once. Audited.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `FORBIDDEN` (audited `denied`), `NOT_FOUND`
 * @example
 * ```ts
 * await scheduleMove(platform, actor, { userId: 7, kind: "move", effectiveDate: "2027-04-01", departmentId: 3 });
 * ```
 */
export async function scheduleMove(ctx: PlatformContext, actor: Actor, input: MoveInput): Promise<number> {
  const parsed = moveInput.safeParse(input);
  if (!parsed.success) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const move = parsed.data;
  startOfTokyoDay(move.effectiveDate);
  const target = await ctx.db
    .selectFrom("users")
    .select(["id", "login_id", "role", "department_id"])
    .where("id", "=", move.userId)
    .executeTakeFirst();
  if (!target) throw new PlatformError("NOT_FOUND", { message: `user ${move.userId}` });
  if (!mayScheduleMove(actor, target, move)) {
    await appendAudit(
      ctx.db,
      actor,
      { action: "user.move.schedule", targetType: "user", targetId: target.id, result: "denied" },
      { clock: ctx.clock },
    );
    throw new PlatformError("FORBIDDEN", { message: `move of user ${target.id}` });
  }
  if (move.kind === "retire" && actor.user?.id === target.id) {
    throw new PlatformError("VALIDATION_FAILED", {
      messageJa: "自分自身の退職は登録できません。",
      issues: [{ path: "kind", message: "自分自身の退職は登録できません。" }],
    });
  }
  const id = await ctx.db.transaction().execute((trx) => insertMove(trx, ctx, actor, target, move));
  await applyDueMoves(ctx);
  return id;
}

/**
 * Applies every pending move whose day has begun in Tokyo, oldest first, in one transaction: a
 * move sets the department and role (remembering the old ones for the grant review); a retirement
 * disables the account and ends its sessions. Audited as the system (`user.move.apply`,
 * `user.retire.apply`). Safe to call concurrently: rows are locked and re-checked.
 *
 * @returns how many moves it applied
 * @example
 * ```ts
 * await applyDueMoves(platform); // 0 before 2027-04-01 00:00 JST, 1 from then on
 * ```
 */
export async function applyDueMoves(ctx: MovesContext): Promise<number> {
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("user_moves")
      .selectAll()
      .where("status", "=", "pending")
      .where("effective_at", "<=", now)
      .orderBy("effective_at")
      .orderBy("id")
      .forUpdate()
      .execute();
    for (const move of due) {
      const user = await trx
        .selectFrom("users")
        .select(["id", "login_id", "role", "department_id"])
        .where("id", "=", move.user_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      let endedSessions = 0;
      if (move.kind === "retire") {
        await trx.updateTable("users").set({ disabled: true }).where("id", "=", user.id).execute();
        const ended = await trx.deleteFrom("sessions").where("user_id", "=", user.id).executeTakeFirst();
        endedSessions = Number(ended.numDeletedRows);
      } else {
        await trx
          .updateTable("users")
          .set({
            ...(move.department_id !== null ? { department_id: move.department_id } : {}),
            ...(move.role !== null ? { role: move.role } : {}),
          })
          .where("id", "=", user.id)
          .execute();
      }
      await trx
        .updateTable("user_moves")
        .set({
          status: "applied",
          applied_at: now,
          from_department_id: user.department_id,
          from_role: user.role,
        })
        .where("id", "=", move.id)
        .execute();
      await appendAudit(
        trx,
        SYSTEM,
        {
          action: move.kind === "retire" ? "user.retire.apply" : "user.move.apply",
          targetType: "user",
          targetId: user.id,
          detail: {
            moveId: move.id,
            loginId: user.login_id,
            effectiveDate: move.effective_date,
            from: { departmentId: user.department_id, role: user.role },
            to: { departmentId: move.department_id ?? user.department_id, role: move.role ?? user.role },
            ...(move.kind === "retire" ? { endedSessions } : {}),
          },
        },
        { clock: ctx.clock },
      );
    }
    return due.length;
  });
}

function toMove(r: {
  id: number;
  user_id: number;
  login_id: string;
  display_name: string;
  kind: "move" | "retire";
  effective_date: string;
  effective_at: Date;
  department_id: number | null;
  role: Role | null;
  status: "pending" | "applied" | "cancelled";
  from_department_id: number | null;
  from_role: Role | null;
  applied_at: Date | null;
  reviewed_at: Date | null;
}): UserMove {
  return {
    id: r.id,
    userId: r.user_id,
    loginId: r.login_id,
    displayName: r.display_name,
    kind: r.kind,
    effectiveDate: r.effective_date,
    effectiveAt: r.effective_at,
    departmentId: r.department_id,
    role: r.role,
    status: r.status,
    fromDepartmentId: r.from_department_id,
    fromRole: r.from_role,
    appliedAt: r.applied_at,
    reviewedAt: r.reviewed_at,
  };
}

/**
 * Lists moves, newest effective date first: all for system admins; for a department admin those
 * into, out of or within their department.
 *
 * @param filter - `status`, or `unreviewed` (applied moves whose grants nobody has reviewed yet)
 * @example
 * ```ts
 * await listMoves(platform, actor, { unreviewed: true });
 * ```
 */
export async function listMoves(
  ctx: MovesContext,
  actor: Actor,
  filter: { status?: UserMove["status"]; unreviewed?: boolean; id?: number } = {},
): Promise<UserMove[]> {
  let q = ctx.db
    .selectFrom("user_moves as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select([
      "m.id",
      "m.user_id",
      "u.login_id",
      "u.display_name",
      "m.kind",
      "m.effective_date",
      "m.effective_at",
      "m.department_id",
      "m.role",
      "m.status",
      "m.from_department_id",
      "m.from_role",
      "m.applied_at",
      "m.reviewed_at",
    ])
    .orderBy("m.effective_at", "desc")
    .orderBy("m.id", "desc")
    .limit(2000);
  if (filter.status) q = q.where("m.status", "=", filter.status);
  if (filter.id !== undefined) q = q.where("m.id", "=", filter.id);
  if (filter.unreviewed) q = q.where("m.status", "=", "applied").where("m.reviewed_at", "is", null);
  const by = actor.user;
  if (by !== null && !can(by, "manage_all_users")) {
    const dept = by.departmentId ?? -1;
    q = q.where((eb) =>
      eb.or([
        eb("u.department_id", "=", dept),
        eb("m.department_id", "=", dept),
        eb("m.from_department_id", "=", dept),
      ]),
    );
  }
  return (await q.execute()).map(toMove);
}

async function visibleMove(ctx: MovesContext, actor: Actor, moveId: number): Promise<UserMove> {
  const [move] = await listMoves(ctx, actor, { id: moveId });
  if (!move) throw new PlatformError("NOT_FOUND", { message: `move ${moveId}` });
  return move;
}

/**
 * Cancels a pending move. Audited as `user.move.cancel`.
 *
 * @throws PlatformError `NOT_FOUND`, `CONFLICT` (already applied or cancelled), `FORBIDDEN`
 * @example
 * ```ts
 * await cancelMove(platform, actor, 3);
 * ```
 */
export async function cancelMove(ctx: MovesContext, actor: Actor, moveId: number): Promise<void> {
  const move = await visibleMove(ctx, actor, moveId);
  const target = await ctx.db
    .selectFrom("users")
    .select(["id", "login_id", "role", "department_id"])
    .where("id", "=", move.userId)
    .executeTakeFirstOrThrow();
  // Whoever could not have scheduled it (e.g. a department admin, for a move into their department) may not cancel it.
  const asScheduled = {
    userId: move.userId,
    kind: move.kind,
    effectiveDate: move.effectiveDate,
    ...(move.departmentId !== null ? { departmentId: move.departmentId } : {}),
    ...(move.role !== null ? { role: move.role } : {}),
  };
  if (!mayScheduleMove(actor, target, asScheduled)) {
    await appendAudit(
      ctx.db,
      actor,
      {
        action: "user.move.cancel",
        targetType: "user",
        targetId: move.userId,
        result: "denied",
        detail: { moveId },
      },
      { clock: ctx.clock },
    );
    throw new PlatformError("FORBIDDEN", { message: `cancel move ${moveId}` });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("user_moves")
      .set({ status: "cancelled" })
      .where("id", "=", moveId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      throw new PlatformError("CONFLICT", {
        message: `move ${moveId} is not pending`,
        messageJa: "この異動は既に反映済みか取消済みです。",
      });
    }
    await appendAudit(
      trx,
      actor,
      { action: "user.move.cancel", targetType: "user", targetId: move.userId, detail: { moveId } },
      { clock: ctx.clock },
    );
  });
}

/**
 * Marks the personal grants of a moved user as reviewed. Audited as `user.move.review` with the
 * grants seen, so the trail shows what the reviewer kept.
 *
 * @throws PlatformError `NOT_FOUND`, `CONFLICT` (not applied yet)
 * @example
 * ```ts
 * await markMoveReviewed(platform, actor, 3, ["フォルダ「予算」: 編集"]);
 * ```
 */
export async function markMoveReviewed(
  ctx: MovesContext,
  actor: Actor,
  moveId: number,
  grantsSeen: readonly string[],
): Promise<void> {
  const move = await visibleMove(ctx, actor, moveId);
  if (move.status !== "applied") {
    throw new PlatformError("CONFLICT", {
      message: `move ${moveId} is not applied`,
      messageJa: "反映前の異動は確認済みにできません。",
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("user_moves")
      .set({ reviewed_at: ctx.clock(), reviewed_by: actor.user?.id ?? null })
      .where("id", "=", moveId)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "user.move.review",
        targetType: "user",
        targetId: move.userId,
        detail: { moveId, grants: [...grantsSeen] },
      },
      { clock: ctx.clock },
    );
  });
}
