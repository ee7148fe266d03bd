import type { PlatformContext } from "../context.js";

type MovesContext = Pick<PlatformContext, "db" | "clock">;

/** How long a process trusts its idea of the next due move before asking the database again. */
const REFRESH_MS = 30_000;

interface NextDue {
  at: Date | null;
  refreshedAt: number;
}

// Per platform (by its database handle): the earliest pending move's instant.
const nextDue = new WeakMap<object, NextDue>();

/** Tells this process's cache about a move just scheduled (so an earlier one is not missed). */
export function noteScheduledMove(ctx: MovesContext, at: Date): void {
  const known = nextDue.get(ctx.db);
  if (known && (known.at === null || at < known.at)) known.at = at;
}

/**
 * Applies due moves when one is due, cheaply enough to run before every request: it keeps the
 * earliest pending move's instant in memory (refreshed every 30 s, so moves scheduled by another
 * process are seen) and touches the database only when that instant has passed.
 *
 * @param apply - applies the due moves (`applyDueMoves`)
 * @returns how many moves were applied
 * @example
 * ```ts
 * await applyMovesWhenDue(platform, applyDueMoves);
 * ```
 */
export async function applyMovesWhenDue(
  ctx: MovesContext,
  apply: (ctx: MovesContext) => Promise<number>,
): Promise<number> {
  let known = nextDue.get(ctx.db);
  const tick = performance.now();
  if (!known || tick - known.refreshedAt > REFRESH_MS) {
    const row = await ctx.db
      .selectFrom("user_moves")
      .select((eb) => eb.fn.min("effective_at").as("at"))
      .where("status", "=", "pending")
      .executeTakeFirst();
    known = { at: row?.at ? new Date(row.at as Date) : null, refreshedAt: tick };
    nextDue.set(ctx.db, known);
  }
  if (known.at === null || known.at > ctx.clock()) return 0;
  const applied = await apply(ctx);
  nextDue.delete(ctx.db);
  return applied;
}
