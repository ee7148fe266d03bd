import { LedgerError } from "./errors.js";
import { assertSafe } from "./internal/safe-int.js";
import { showUnits } from "./internal/show-units.js";
import { type Money, money } from "./money.js";
import type { Tally, TallyCell } from "./tally.js";
import { sameShape } from "./tally-schema.js";

/** Count and amount of one side of a cell. */
export interface CellFigures<TCode extends string = string> {
  readonly count: number;
  readonly units: number;
  readonly amount: Money<TCode>;
}

/** One cell that does not match. */
export interface CellDifference<TCode extends string = string> {
  /** The leaf cell key. */
  readonly key: string;
  /** Values by dimension name. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** `"differs"`: on both sides with different count or amount; `"missing-in-actual"` / `"missing-in-expected"`: on one side only. */
  readonly status: "differs" | "missing-in-actual" | "missing-in-expected";
  readonly expected: CellFigures<TCode>;
  readonly actual: CellFigures<TCode>;
  /** actual − expected. */
  readonly difference: CellFigures<TCode>;
}

/** The result of {@link reconcile}. */
export interface Reconciliation<TCode extends string = string> {
  /** True only when every cell matches in count and amount. */
  readonly balanced: boolean;
  /** Every non-matching leaf cell, in print order of the expected tally (cells only in actual last). */
  readonly differences: readonly CellDifference<TCode>[];
  readonly summary: {
    /** Cells compared (union of both sides). */
    readonly cells: number;
    readonly matched: number;
    readonly differing: number;
    readonly missingInActual: number;
    readonly missingInExpected: number;
    readonly expected: CellFigures<TCode>;
    readonly actual: CellFigures<TCode>;
    readonly difference: CellFigures<TCode>;
    /** `"balanced"`, or what is wrong, in English. */
    readonly message: string;
    /** The same in Japanese (for clerks). */
    readonly messageJa: string;
  };
}

const figures = <TCode extends string>(
  cell: TallyCell<TCode> | undefined,
  zero: Money<TCode>,
): CellFigures<TCode> =>
  cell === undefined
    ? { count: 0, units: 0, amount: zero }
    : { count: cell.count, units: cell.units, amount: cell.amount };

/**
 * Reconciles two tallies cell by cell (the notices against what was entered in the accounting system).
 * A cell present on one side with zero count and zero amount (fully reversed) matches an absent one.
 *
 * @param expected - the reference tally (e.g. from the payment notices)
 * @param actual - the tally to check (e.g. from the accounting-system export)
 * @returns every differing cell with expected, actual, difference and counts, and a summary
 * @throws {LedgerError} `SCHEMA_MISMATCH` when the tallies have different currencies or dimensions
 * @example
 * reconcile(notices, accounting).summary.message; // => "balanced"
 */
export function reconcile<TCode extends string>(
  expected: Tally<TCode>,
  actual: Tally<TCode>,
): Reconciliation<TCode> {
  if (!sameShape(expected.schema, actual.schema)) {
    throw new LedgerError(
      "SCHEMA_MISMATCH",
      "cannot reconcile tallies with different currencies or dimensions",
      {
        messageJa: "通貨または集計項目が異なる集計表は照合できません",
        details: {
          expected: expected.schema.levels.map((l) => l.name),
          actual: actual.schema.levels.map((l) => l.name),
        },
      },
    );
  }
  const currency = expected.schema.currency;
  const zero = money(0, currency);
  const differences: CellDifference<TCode>[] = [];
  let matched = 0;
  let missingInActual = 0;
  let missingInExpected = 0;
  const compare = (key: string, e: TallyCell<TCode> | undefined, a: TallyCell<TCode> | undefined): void => {
    const ef = figures(e, zero);
    const af = figures(a, zero);
    if (ef.count === af.count && ef.units === af.units) {
      matched++;
      return;
    }
    const status =
      e === undefined ? "missing-in-expected" : a === undefined ? "missing-in-actual" : "differs";
    if (status === "missing-in-expected") missingInExpected++;
    if (status === "missing-in-actual") missingInActual++;
    const units = assertSafe(af.units - ef.units, "difference");
    differences.push(
      Object.freeze({
        key,
        dimensions: (e ?? a)?.dimensions ?? {},
        status,
        expected: Object.freeze(ef),
        actual: Object.freeze(af),
        difference: Object.freeze({ count: af.count - ef.count, units, amount: money(units, currency) }),
      }),
    );
  };
  for (const cell of expected.cells) compare(cell.key, cell, actual.cell(cell.key));
  for (const cell of actual.cells)
    if (expected.cell(cell.key) === undefined) compare(cell.key, undefined, cell);
  const cells = matched + differences.length;
  const balanced = differences.length === 0;
  const total = (t: Tally<TCode>): CellFigures<TCode> => figures(t.total, zero);
  const diffUnits = assertSafe(actual.total.units - expected.total.units, "difference");
  const show = (n: number): string => showUnits(n, currency.code);
  const message = balanced
    ? "balanced"
    : `not balanced: ${differences.length} of ${cells} cells differ (${missingInActual} missing in actual, ${missingInExpected} missing in expected); total difference ${show(diffUnits)}, count difference ${actual.total.count - expected.total.count}`;
  const messageJa = balanced
    ? "一致しています"
    : `不一致：${cells}件中${differences.length}件の区分が一致しません（入力側なし ${missingInActual}件、集計表側なし ${missingInExpected}件）。合計の差額 ${show(diffUnits)}、件数の差 ${actual.total.count - expected.total.count}件`;
  return Object.freeze({
    balanced,
    differences: Object.freeze(differences),
    summary: Object.freeze({
      cells,
      matched,
      differing: differences.length,
      missingInActual,
      missingInExpected,
      expected: total(expected),
      actual: total(actual),
      difference: {
        count: actual.total.count - expected.total.count,
        units: diffUnits,
        amount: money(diffUnits, currency),
      },
      message,
      messageJa,
    }),
  });
}
