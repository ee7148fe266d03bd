import { z } from "zod";
import { LedgerError } from "./errors.js";
import { assertDecimalCurrency, type Currency } from "./money.js";

/** One dimension of a tally, e.g. the channel, the account (会計) or the subject (科目). */
export interface DimensionDefinition {
  /** Identifier used in entries and cell dimensions, e.g. `"subject"`. */
  readonly name: string;
  /** Display label, e.g. `"科目"`. */
  readonly label?: string;
  /** Level names of a hierarchical dimension, outermost first, e.g. `["款", "項", "目", "節"]`; its values are paths `"01/02/03/04"`. */
  readonly levels?: readonly string[];
  /** Codes in the order they print (e.g. bank, Japan Post Bank, branch counter); unlisted codes follow, sorted by code. */
  readonly order?: readonly string[];
  /** Display labels by code, or by path prefix (`"01/02"`) for a hierarchical dimension. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** What to do when an entry's idempotency key was already added. */
export type DuplicatePolicy = "ignore" | "error";

/** Input of {@link defineTally}. */
export interface TallySchemaInput<TCode extends string> {
  /** The currency of every entry, e.g. `JPY` from `dinero.js/currencies`. */
  readonly currency: Currency<TCode>;
  /** Dimensions, outermost first: they nest in this order in rows and cell keys. */
  readonly dimensions: readonly DimensionDefinition[];
  /**
   * `"ignore"` (default): re-adding an identical entry under a known key is a no-op reported as
   * `"duplicate"` (a re-import never counts twice), and a different entry under a known key throws
   * `KEY_CONFLICT`. `"error"`: any known key throws `DUPLICATE_KEY`.
   */
  readonly onDuplicate?: DuplicatePolicy;
}

/** One level of a tally's flattened hierarchy: a flat dimension is one level, 科目 is four. */
export interface TallyLevel {
  /** Position in the flattened path, 0-based. */
  readonly index: number;
  /** The level's name: the hierarchical level name (`"款"`), else the dimension's label or name. */
  readonly name: string;
  /** The dimension this level belongs to. */
  readonly dimension: string;
  /** Index of that dimension. */
  readonly dimensionIndex: number;
  /** Depth inside the dimension (0 for a flat dimension). */
  readonly depth: number;
}

/** A validated, frozen tally schema made by {@link defineTally}. */
export interface TallySchema<TCode extends string = string> {
  readonly currency: Currency<TCode>;
  readonly dimensions: readonly DimensionDefinition[];
  readonly levels: readonly TallyLevel[];
  readonly onDuplicate: DuplicatePolicy;
}

/** A code may not be empty nor contain the key separators `|` and `/`. */
export const codePattern = /^[^|/]+$/;

const codeSchema = z.string().regex(codePattern, "a code must be non-empty and contain neither | nor /");
const dimensionSchema = z.object({
  name: z.string().regex(/^[^|/]+$/),
  label: z.string().optional(),
  levels: z.array(z.string().min(1)).min(1).optional(),
  order: z.array(codeSchema).optional(),
  labels: z.record(z.string(), z.string()).optional(),
});
const schemaInput = z.object({
  dimensions: z
    .array(dimensionSchema)
    .min(1)
    .refine(
      (dims) => new Set(dims.map((d) => d.name)).size === dims.length,
      "dimension names must be unique",
    ),
  onDuplicate: z.enum(["ignore", "error"]).optional(),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Declares a tally: its currency and its ordered dimensions, some hierarchical.
 *
 * @param input - currency, dimensions (outermost first), duplicate policy
 * @returns a frozen schema to pass to {@link createTally}
 * @throws {LedgerError} `INVALID_SCHEMA` for duplicate or malformed dimensions
 * @example
 * const schema = defineTally({
 *   currency: JPY,
 *   dimensions: [
 *     { name: "channel", label: "収納区分", order: ["bank", "post", "counter"] },
 *     { name: "account", label: "会計" },
 *     { name: "subject", label: "科目", levels: ["款", "項", "目", "節"] },
 *     { name: "department", label: "所属" },
 *   ],
 * });
 * schema.levels.length; // => 7
 */
export function defineTally<TCode extends string>(input: TallySchemaInput<TCode>): TallySchema<TCode> {
  const parsed = schemaInput.safeParse(input);
  if (!parsed.success) {
    throw new LedgerError("INVALID_SCHEMA", `invalid tally schema: ${z.prettifyError(parsed.error)}`, {
      details: { issues: parsed.error.issues },
    });
  }
  assertDecimalCurrency(input.currency);
  const dimensions: DimensionDefinition[] = parsed.data.dimensions.map((d) => {
    const out: { -readonly [K in keyof DimensionDefinition]: DimensionDefinition[K] } = { name: d.name };
    if (d.label !== undefined) out.label = d.label;
    if (d.levels !== undefined) out.levels = [...d.levels];
    if (d.order !== undefined) out.order = [...d.order];
    if (d.labels !== undefined) out.labels = { ...d.labels };
    return out;
  });
  const levels: TallyLevel[] = [];
  dimensions.forEach((d, dimensionIndex) => {
    const names = d.levels ?? [d.label ?? d.name];
    names.forEach((name, depth) => {
      levels.push({ index: levels.length, name, dimension: d.name, dimensionIndex, depth });
    });
  });
  const { code, base, exponent } = input.currency;
  return deepFreeze({
    currency: { code, base, exponent } as Currency<TCode>,
    dimensions,
    levels,
    onDuplicate: parsed.data.onDuplicate ?? "ignore",
  });
}

/** True when two schemas describe the same dimensions and levels (labels and order may differ). */
export function sameShape(a: TallySchema, b: TallySchema): boolean {
  return (
    a.currency.code === b.currency.code &&
    a.levels.length === b.levels.length &&
    a.levels.every((level, i) => {
      const other = b.levels[i];
      return other !== undefined && other.dimension === level.dimension && other.depth === level.depth;
    })
  );
}
