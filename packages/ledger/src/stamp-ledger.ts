import { z } from "zod";
import { mismatch } from "./balance.js";
import { LedgerError } from "./errors.js";
import { assertSafe } from "./internal/safe-int.js";
import { type Money, yen } from "./money.js";

/** One line of a stamp ledger (郵券受払簿): stamps of one face value received or used. */
export interface StampMovement {
  readonly date?: string;
  readonly description?: string;
  /** Face value in yen, e.g. 110. */
  readonly denomination: number;
  /** Stamps received (受). */
  readonly received?: number;
  /** Stamps used or sent (払). */
  readonly used?: number;
  /** The count on hand recorded after this line (残); checked against the computed one. */
  readonly expectedRemaining?: number;
}

/** The balance of one denomination. */
export interface StampBalance {
  readonly denomination: number;
  readonly opening: number;
  readonly received: number;
  readonly used: number;
  /** opening + received − used, for this denomination. */
  readonly remaining: number;
  /** remaining × face value. */
  readonly value: Money<"JPY">;
}

/** One computed line: the denomination's balance after it. */
export interface StampLine extends StampBalance {
  readonly index: number;
  readonly date?: string;
  readonly description?: string;
}

/** The result of {@link stampLedger}. */
export interface StampLedger {
  readonly lines: readonly StampLine[];
  /** Per denomination, ascending face value. */
  readonly balances: readonly StampBalance[];
  /** Value of every stamp on hand. */
  readonly totalValue: Money<"JPY">;
}

/** Input of {@link stampLedger}. */
export interface StampLedgerInput {
  /** Stamps on hand before the first line, by face value (`{ 110: 20, 84: 5 }`). */
  readonly opening?: Readonly<Record<number, number>>;
  readonly movements: readonly StampMovement[];
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const inputSchema = z.object({
  opening: z.record(z.string().regex(/^[1-9]\d*$/), count).optional(),
  movements: z.array(
    z.object({
      date: z.string().optional(),
      description: z.string().optional(),
      denomination: z.number().int().positive(),
      received: count.optional(),
      used: count.optional(),
      expectedRemaining: count.optional(),
    }),
  ),
});

/**
 * Keeps the postage stamp ledger (郵券受払簿) per face value: opening + received − used = remaining on
 * every line, never below zero, with the yen value on hand.
 *
 * @param input - opening counts by face value and the movements in order
 * @returns lines, balances per denomination and the total value
 * @throws {LedgerError} `INVALID_ENTRY` for malformed input; `INSUFFICIENT_STOCK` when more stamps are used
 *   than are on hand; `BALANCE_MISMATCH` when a recorded `expectedRemaining` disagrees (expected, actual,
 *   difference in stamps)
 * @example
 * const ledger = stampLedger({ opening: { 110: 10 }, movements: [{ denomination: 110, used: 3 }, { denomination: 110, received: 5, expectedRemaining: 12 }] });
 * ledger.balances[0].remaining; // => 12
 * toMinorUnits(ledger.totalValue); // => 1320
 */
export function stampLedger(input: StampLedgerInput): StampLedger {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    throw new LedgerError("INVALID_ENTRY", `invalid stamp ledger: ${z.prettifyError(parsed.error)}`, {
      details: { issues: parsed.error.issues },
    });
  }
  const state = new Map<number, { opening: number; received: number; used: number; remaining: number }>();
  const of = (denomination: number) => {
    let s = state.get(denomination);
    if (s === undefined) {
      s = { opening: 0, received: 0, used: 0, remaining: 0 };
      state.set(denomination, s);
    }
    return s;
  };
  for (const [face, n] of Object.entries(parsed.data.opening ?? {})) {
    const s = of(Number(face));
    s.opening = n;
    s.remaining = n;
  }
  const value = (face: number, n: number): Money<"JPY"> => yen(assertSafe(face * n, "stamp value"));
  const lines = parsed.data.movements.map((m, index): StampLine => {
    const s = of(m.denomination);
    const received = m.received ?? 0;
    const used = m.used ?? 0;
    const opening = s.remaining;
    const remaining = assertSafe(opening + received - used, "stamp count");
    const label = `${m.denomination}円切手 line ${index + 1}${m.date === undefined ? "" : ` (${m.date})`}`;
    if (remaining < 0) {
      throw new LedgerError(
        "INSUFFICIENT_STOCK",
        `${label}: using ${used} with only ${opening + received} on hand`,
        {
          messageJa: `${m.denomination}円切手の残数が足りません（${index + 1}行目：使用 ${used}枚、手持ち ${opening + received}枚）`,
          details: { index, denomination: m.denomination, onHand: opening + received, used },
        },
      );
    }
    if (m.expectedRemaining !== undefined && m.expectedRemaining !== remaining) {
      throw mismatch(label, remaining, m.expectedRemaining, "枚");
    }
    s.received += received;
    s.used += used;
    s.remaining = remaining;
    return Object.freeze({
      index,
      ...(m.date === undefined ? {} : { date: m.date }),
      ...(m.description === undefined ? {} : { description: m.description }),
      denomination: m.denomination,
      opening,
      received,
      used,
      remaining,
      value: value(m.denomination, remaining),
    });
  });
  const balances = [...state.entries()]
    .sort(([a], [b]) => a - b)
    .map(([denomination, s]) =>
      Object.freeze({ denomination, ...s, value: value(denomination, s.remaining) }),
    );
  const total = balances.reduce((sum, b) => assertSafe(sum + b.denomination * b.remaining, "stamp value"), 0);
  return Object.freeze({
    lines: Object.freeze(lines),
    balances: Object.freeze(balances),
    totalValue: yen(total),
  });
}
