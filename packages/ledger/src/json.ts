import { z } from "zod";
import { LedgerError } from "./errors.js";
import { currencyFromCode, currencyOf, type Money, money, toMinorUnits } from "./money.js";
import type { Tally } from "./tally.js";
import { createTally } from "./tally-builder.js";
import { defineTally } from "./tally-schema.js";

/** A money value in JSON: the amount in minor units as a decimal integer string, never a float. */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: string;
}

/** A tally in JSON: its schema, its entries, and the cells and total they produce (checked on reading). */
export interface TallyJSON {
  readonly format: "@ward/ledger/tally";
  readonly version: 1;
  readonly currency: string;
  readonly dimensions: readonly {
    readonly name: string;
    readonly label?: string;
    readonly levels?: readonly string[];
    readonly order?: readonly string[];
    readonly labels?: Readonly<Record<string, string>>;
  }[];
  readonly onDuplicate: "ignore" | "error";
  readonly entries: readonly {
    readonly key: string;
    readonly cell: string;
    readonly amount: string;
    readonly reverses?: string;
  }[];
  readonly cells: readonly { readonly key: string; readonly count: number; readonly amount: string }[];
  readonly total: { readonly count: number; readonly amount: string };
}

const integerString = z.string().regex(/^-?\d+$/, "an integer string of minor units");
const moneySchema = z.object({
  amount: z.union([integerString, z.number().int().refine(Number.isSafeInteger, "a safe integer")]),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
const tallySchema = z.object({
  format: z.literal("@ward/ledger/tally"),
  version: z.literal(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  dimensions: z.array(
    z.object({
      name: z.string(),
      label: z.string().optional(),
      levels: z.array(z.string()).optional(),
      order: z.array(z.string()).optional(),
      labels: z.record(z.string(), z.string()).optional(),
    }),
  ),
  onDuplicate: z.enum(["ignore", "error"]),
  entries: z.array(
    z.object({ key: z.string(), cell: z.string(), amount: integerString, reverses: z.string().optional() }),
  ),
  cells: z.array(z.object({ key: z.string(), count: z.number().int(), amount: integerString })),
  total: z.object({ count: z.number().int(), amount: integerString }),
});

function invalid(what: string, issues?: unknown): never {
  throw new LedgerError("INVALID_JSON", `invalid ${what}`, {
    details: issues === undefined ? {} : { issues },
  });
}

/**
 * Money to JSON: `{ amount: "1234", currency: "JPY" }` (a string, so no float and no precision loss).
 *
 * @param value - a money value
 * @returns the JSON object
 * @example
 * moneyToJSON(yen(-1234)); // => { amount: "-1234", currency: "JPY" }
 */
export function moneyToJSON(value: Money): MoneyJSON {
  return { amount: String(toMinorUnits(value)), currency: currencyOf(value).code };
}

/**
 * Money from JSON made by {@link moneyToJSON} (an integer number of minor units is accepted too).
 *
 * @param json - parsed JSON
 * @returns the money value
 * @throws {LedgerError} `INVALID_JSON`, `UNKNOWN_CURRENCY`, `OVERFLOW`
 * @example
 * toMinorUnits(moneyFromJSON({ amount: "1234", currency: "JPY" })); // => 1234
 */
export function moneyFromJSON(json: unknown): Money {
  const parsed = moneySchema.safeParse(json);
  if (!parsed.success) invalid(`money JSON: ${z.prettifyError(parsed.error)}`, parsed.error.issues);
  return money(parsed.data.amount, currencyFromCode(parsed.data.currency));
}

/**
 * A tally to JSON: schema, entries (so that it can be extended and audited), cells and total, with
 * every amount a string of minor units.
 *
 * @param tally - a tally snapshot
 * @returns a JSON-safe object for `JSON.stringify`
 * @example
 * JSON.stringify(tallyToJSON(tally)); // => '{"format":"@ward/ledger/tally","version":1,…}'
 */
export function tallyToJSON(tally: Tally): TallyJSON {
  const { schema } = tally;
  return {
    format: "@ward/ledger/tally",
    version: 1,
    currency: schema.currency.code,
    dimensions: schema.dimensions,
    onDuplicate: schema.onDuplicate,
    entries: Array.from(tally.entries(), (e) => ({
      key: e.key,
      cell: e.cell,
      amount: String(e.units),
      ...(e.reverses === undefined ? {} : { reverses: e.reverses }),
    })),
    cells: tally.cells.map((c) => ({ key: c.key, count: c.count, amount: String(c.units) })),
    total: { count: tally.total.count, amount: String(tally.total.units) },
  };
}

/**
 * A tally from JSON made by {@link tallyToJSON}: the entries are replayed and must reproduce the stored
 * cells and total exactly, so a tampered or truncated file is refused.
 *
 * @param json - parsed JSON
 * @returns the tally snapshot
 * @throws {LedgerError} `INVALID_JSON` (malformed, or cells that the entries do not reproduce), and the
 *   errors of adding the entries
 * @example
 * tallyFromJSON(JSON.parse(JSON.stringify(tallyToJSON(tally)))).total.units === tally.total.units; // => true
 */
export function tallyFromJSON(json: unknown): Tally {
  const parsed = tallySchema.safeParse(json);
  if (!parsed.success) invalid(`tally JSON: ${z.prettifyError(parsed.error)}`, parsed.error.issues);
  const data = parsed.data;
  const schema = defineTally({
    currency: currencyFromCode(data.currency),
    dimensions: data.dimensions.map((d) => ({
      name: d.name,
      ...(d.label === undefined ? {} : { label: d.label }),
      ...(d.levels === undefined ? {} : { levels: d.levels }),
      ...(d.order === undefined ? {} : { order: d.order }),
      ...(d.labels === undefined ? {} : { labels: d.labels }),
    })),
    onDuplicate: data.onDuplicate,
  });
  const builder = createTally(schema);
  for (const entry of data.entries) {
    const units = Number(entry.amount);
    if (entry.reverses !== undefined) {
      builder.reverse({ key: entry.key, reverses: entry.reverses });
    } else {
      builder.addUnits(entry.key, units, entry.cell.split("|"));
    }
  }
  const tally = builder.snapshot();
  const stored = JSON.stringify([data.entries.map((e) => [e.key, e.cell, e.amount]), data.cells, data.total]);
  const replayed = tallyToJSON(tally);
  const again = JSON.stringify([
    replayed.entries.map((e) => [e.key, e.cell, e.amount]),
    replayed.cells,
    replayed.total,
  ]);
  if (stored !== again) invalid("tally JSON: the entries do not reproduce the stored cells and totals");
  return tally;
}
