import type { Money } from "./money.js";
import type { TallySchema } from "./tally-schema.js";

/** Totals of one cell of a tally: a leaf (every level fixed), a subtotal, or the grand total. */
export interface TallyCell<TCode extends string = string> {
  /**
   * Stable string key, safe for JSON: dimension values joined by `|`, hierarchical levels by `/`,
   * truncated for subtotals (`"bank|01|01/02"`); `""` is the grand total.
   */
  readonly key: string;
  /** How many levels are fixed: 0 for the grand total, `schema.levels.length` for a leaf. */
  readonly level: number;
  /** The fixed codes, one per level. */
  readonly codes: readonly string[];
  /** The fixed values by dimension name; a hierarchical value is its path (`"01/02"`). */
  readonly dimensions: Readonly<Record<string, string>>;
  /** Net number of entries: +1 per entry, −1 per reversing entry. */
  readonly count: number;
  /** The total as an integer of minor units (yen). */
  readonly units: number;
  /** The total as a dinero.js value. */
  readonly amount: Money<TCode>;
}

/** A row for printing or export, in print order. */
export interface TallyRow<TCode extends string = string> extends TallyCell<TCode> {
  /** `"detail"` rows carry the finest level shown; `"subtotal"` and `"total"` rows sum them. */
  readonly kind: "detail" | "subtotal" | "total";
  /** Name of the row's deepest fixed level (`"款"`, `"会計"`), or `"total"` for the grand total. */
  readonly levelName: string;
  /** Display label per fixed code (the schema's label, else the code). */
  readonly labels: readonly string[];
}

/** One immutable entry of a tally. Corrections are new, reversing entries. */
export interface TallyEntryRecord<TCode extends string = string> {
  /** The idempotency key. */
  readonly key: string;
  /** Key of the leaf cell it was tallied into. */
  readonly cell: string;
  /** Amount in minor units (negative for the reversal of a positive entry). */
  readonly units: number;
  /** The amount as a dinero.js value. */
  readonly amount: Money<TCode>;
  /** For a reversing entry, the key of the entry it reverses. */
  readonly reverses?: string;
}

/** An immutable snapshot of a tally, made by `TallyBuilder.snapshot()` or {@link tallyFromJSON}. */
export interface Tally<TCode extends string = string> {
  readonly schema: TallySchema<TCode>;
  /** Number of entries, reversing entries included. */
  readonly entryCount: number;
  /** Leaf cells in print order (sorted by code at every level). */
  readonly cells: readonly TallyCell<TCode>[];
  /** The grand total. */
  readonly total: TallyCell<TCode>;
  /** Any cell by key, at any level (leaf, subtotal or `""` for the grand total). */
  readonly cell: (key: string) => TallyCell<TCode> | undefined;
  /** The entries in the order they were added. */
  readonly entries: () => IterableIterator<TallyEntryRecord<TCode>>;
  /** Rows in print order; see {@link tallyRows}. */
  readonly rows: (options?: TallyRowsOptions) => readonly TallyRow<TCode>[];
}

/** Options of {@link tallyRows}. */
export interface TallyRowsOptions {
  /** Where subtotal rows go relative to their detail rows; default `"after"`. `"none"` prints details and the grand total only. */
  readonly subtotals?: "after" | "before" | "none";
  /** Finest level printed as detail rows (1..levels); default every level. E.g. 3 stops 科目 at 款. */
  readonly depth?: number;
  /** Levels (1-based counts of fixed levels) that get subtotal rows; default all from 1 to depth − 1. */
  readonly subtotalLevels?: readonly number[];
}

/**
 * Rows of a tally in print order, with subtotal rows marked by level and the grand total last:
 * the shape of the 済通集計表.
 *
 * @param tally - a tally snapshot
 * @param options - subtotal placement, depth, which subtotal levels to print
 * @returns frozen rows
 * @example
 * tallyRows(tally).map((r) => `${r.kind}:${r.key}`);
 * // => ["detail:bank|01|…", …, "subtotal:bank|01", "subtotal:bank", "total:"]
 */
export function tallyRows<TCode extends string>(
  tally: Tally<TCode>,
  options: TallyRowsOptions = {},
): readonly TallyRow<TCode>[] {
  return tally.rows(options);
}
