import { z } from "zod";
import { LedgerError } from "./errors.js";
import { createKeyTable } from "./internal/key-table.js";
import { makeSnapshot } from "./internal/snapshot.js";
import { assertSameCurrency, currencyOf, type Money, toMinorUnits } from "./money.js";
import type { Tally } from "./tally.js";
import { codePattern, type TallySchema } from "./tally-schema.js";

/** A dimension value: a code, or for a hierarchical dimension a path `"01/02/03/04"` or its parts. */
export type DimensionValue = string | readonly string[];

/** An entry to add to a tally. */
export interface TallyEntry<TCode extends string = string> {
  /** Idempotency key, e.g. the notice number: adding the same key twice never counts twice. */
  readonly key: string;
  /** The amount, in the tally's currency. */
  readonly amount: Money<TCode>;
  /** One value per dimension of the schema, by dimension name. */
  readonly dimensions: Readonly<Record<string, DimensionValue>>;
}

/** A correction: a new entry that cancels an earlier one (amount negated, count −1). */
export interface ReversingEntry {
  /** Idempotency key of the reversing entry itself. */
  readonly key: string;
  /** Key of the entry being reversed. */
  readonly reverses: string;
}

/** What adding an entry did: `"added"`, or `"duplicate"` when an identical entry already had the key. */
export type AddResult = "added" | "duplicate";

/** Accumulates entries; hand out immutable {@link Tally} snapshots with `snapshot()`. */
export interface TallyBuilder<TCode extends string = string> {
  readonly schema: TallySchema<TCode>;
  /** Number of entries added so far. */
  readonly size: number;
  /** Adds an entry with a dinero.js amount. */
  add(entry: TallyEntry<TCode>): AddResult;
  /**
   * The fast path for bulk imports: integer minor units and values in dimension order.
   * Values are validated once per distinct value, not per entry.
   */
  addUnits(key: string, units: number, values: readonly DimensionValue[]): AddResult;
  /** Adds a reversing entry for an earlier entry. */
  reverse(entry: ReversingEntry): AddResult;
  /** True when an entry with this key was added. */
  has(key: string): boolean;
  /** An immutable snapshot of the tally as it stands. */
  snapshot(): Tally<TCode>;
}

const entrySchema = z.object({
  key: z.string().min(1),
  amount: z.custom<Money>(
    (v) => typeof v === "object" && v !== null && "calculator" in v,
    "a dinero.js value",
  ),
  dimensions: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});
const reversingSchema = z.object({ key: z.string().min(1), reverses: z.string().min(1) });

/** Most bits of a packed cell key indexed directly (a 4 MiB table). */
const DENSE_BITS = 20;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Creates a tally builder for a schema. Entries are immutable once added; correct them with
 * `reverse`. Re-adding an identical entry under a known key returns `"duplicate"` and changes nothing
 * (with `onDuplicate: "error"` it throws `DUPLICATE_KEY`); a different entry under a known key throws
 * `KEY_CONFLICT`.
 *
 * @param schema - from {@link defineTally}
 * @returns a builder
 * @throws {LedgerError} from its methods: `INVALID_ENTRY`, `INVALID_CODE`, `CURRENCY_MISMATCH`,
 *   `DUPLICATE_KEY`, `KEY_CONFLICT`, `UNKNOWN_ENTRY`, `OVERFLOW`
 * @example
 * const builder = createTally(schema);
 * builder.add({ key: "N-1", amount: yen(1200), dimensions: { channel: "bank", account: "01", subject: "01/01/01/01", department: "D10" } }); // => "added"
 * builder.addUnits("N-1", 1200, ["bank", "01", "01/01/01/01", "D10"]); // => "duplicate"
 * builder.snapshot().total.units; // => 1200
 */
export function createTally<TCode extends string>(schema: TallySchema<TCode>): TallyBuilder<TCode> {
  const { dimensions } = schema;
  const dimCount = dimensions.length;
  const dimIndex = new Map(dimensions.map((d, i) => [d.name, i]));
  const intern: Map<string, number>[] = dimensions.map(() => new Map());
  const values: string[][] = dimensions.map(() => []);
  const cellIds: number[][] = [];
  const cellCount: number[] = [];
  const cellUnits: number[] = [];
  const keyTable = createKeyTable();
  const entryKeys = keyTable.keys;
  // Entries are append-only: snapshots share these buffers and read below their own length.
  let entryCell = new Int32Array(1024);
  let entryUnits = new Float64Array(1024);
  const entryReverses = new Map<number, number>();
  const reversedBy = new Map<number, number>();

  const checkValue = (d: number, text: string): void => {
    const dim = dimensions[d];
    const parts = dim?.levels ? text.split("/") : [text];
    const ok = parts.length === (dim?.levels?.length ?? 1) && parts.every((p) => codePattern.test(p));
    if (!ok) {
      throw new LedgerError(
        "INVALID_CODE",
        dim?.levels
          ? `dimension ${dim.name} needs ${dim.levels.length} codes joined by "/" (${dim.levels.join(" > ")}), got ${JSON.stringify(text)}`
          : `dimension ${dim?.name} needs one non-empty code without "|" or "/", got ${JSON.stringify(text)}`,
        {
          messageJa: `${dim?.label ?? dim?.name} のコードが正しくありません：「${text}」`,
          details: { dimension: dim?.name, value: text },
        },
      );
    }
  };
  // A cell is found by its value ids packed into one integer, each dimension in as many bits as its
  // ids need so far: a direct index into an Int32Array while the packed key has at most DENSE_BITS bits
  // (5,400 cells of 3 × 5 × 120 × 40 values take 18), else a Map by that number (exact below 2^53), else
  // by the ids as text. A new value that needs one more bit re-packs the few cells there are.
  const idBits = new Int32Array(dimCount).fill(1);
  const ids = new Int32Array(dimCount);
  let totalBits = dimCount;
  let dense: Int32Array | undefined = new Int32Array(1 << totalBits);
  let sparse: Map<number | string, number> | undefined;
  let packings = 0;
  const packOf = (of: ArrayLike<number>): number | string => {
    if (totalBits > 53) return Array.from(of).join(",");
    let key = 0;
    for (let d = 0; d < dimCount; d++) key = key * 2 ** (idBits[d] as number) + (of[d] as number);
    return key;
  };
  const repack = (): void => {
    packings++;
    totalBits = idBits.reduce((a, b) => a + b, 0);
    if (totalBits <= DENSE_BITS) {
      const table = new Int32Array(1 << totalBits);
      cellIds.forEach((of, cell) => {
        table[packOf(of) as number] = cell + 1;
      });
      dense = table;
      sparse = undefined;
    } else {
      sparse = new Map(cellIds.map((of, cell) => [packOf(of), cell]));
      dense = undefined;
    }
  };

  const registerValue = (d: number, text: string): number => {
    checkValue(d, text);
    const id = values[d]?.length ?? 0;
    intern[d]?.set(text, id);
    values[d]?.push(text);
    if (id >= 1 << (idBits[d] as number)) {
      idBits[d] = (idBits[d] as number) + 1;
      repack();
    }
    return id;
  };
  const internSlow = (d: number, value: DimensionValue): number => {
    const text = typeof value === "string" ? value : value.join("/");
    const known = (intern[d] as Map<string, number>).get(text);
    const id = known === undefined ? registerValue(d, text) : known;
    return id;
  };
  const newCell = (): number => {
    const index = cellIds.length;
    cellIds.push(Array.from(ids));
    cellCount.push(0);
    cellUnits.push(0);
    const key = packOf(ids);
    if (dense !== undefined) dense[key as number] = index + 1;
    else sparse?.set(key, index);
    return index;
  };
  // The cell of `ids`, or -1.
  const lookUp = (): number => {
    if (dense !== undefined) {
      let key = 0;
      for (let d = 0; d < dimCount; d++) key = (key << (idBits[d] as number)) | (ids[d] as number);
      return (dense[key] as number) - 1;
    }
    return sparse?.get(packOf(ids)) ?? -1;
  };
  // One loop interns, records and packs the ids; a value that re-packs the table (packing changes)
  // sends the lookup down the slow path.
  const cellOf = (vals: readonly DimensionValue[]): number => {
    const packing = packings;
    let key = 0;
    for (let d = 0; d < dimCount; d++) {
      const value = vals[d] as DimensionValue;
      let id = typeof value === "string" ? (intern[d] as Map<string, number>).get(value) : undefined;
      if (id === undefined) id = internSlow(d, value);
      ids[d] = id;
      key = (key << (idBits[d] as number)) | id;
    }
    if (dense !== undefined && packing === packings) {
      const cell = (dense[key] as number) - 1;
      if (cell >= 0) return cell;
    }
    const cell = lookUp();
    return cell >= 0 ? cell : newCell();
  };
  // The cell of these values if it exists, else -1, creating nothing (values are still validated).
  const peekCell = (vals: readonly DimensionValue[]): number => {
    for (let d = 0; d < dimCount; d++) {
      const value = vals[d] as DimensionValue;
      const text = typeof value === "string" ? value : value.join("/");
      const id = (intern[d] as Map<string, number>).get(text);
      if (id === undefined) {
        checkValue(d, text);
        return -1;
      }
      ids[d] = id;
    }
    return lookUp();
  };

  const overflow = (key: string): never => {
    throw new LedgerError("OVERFLOW", `cell total would pass Number.MAX_SAFE_INTEGER at entry ${key}`, {
      messageJa: "集計額が大きすぎます（計算できる範囲を超えています）",
      details: { key },
    });
  };
  const growEntries = (): void => {
    const cells = new Int32Array(entryCell.length * 2);
    cells.set(entryCell);
    entryCell = cells;
    const amounts = new Float64Array(entryUnits.length * 2);
    amounts.set(entryUnits);
    entryUnits = amounts;
  };
  // Hot: error and growth paths are out of line so that this stays small enough to inline.
  const record = (key: string, found: number, cell: number, units: number, countDelta: 1 | -1): void => {
    const next = (cellUnits[cell] as number) + units;
    if (next > MAX || next < -MAX) overflow(key);
    const index = keyTable.push(key, found);
    if (index === entryCell.length) growEntries();
    entryCell[index] = cell;
    entryUnits[index] = units;
    cellUnits[cell] = next;
    cellCount[cell] = (cellCount[cell] as number) + countDelta;
  };

  const duplicate = (key: string, existing: number, same: boolean): AddResult => {
    if (schema.onDuplicate === "error") {
      throw new LedgerError("DUPLICATE_KEY", `entry ${JSON.stringify(key)} was already added`, {
        messageJa: `同じ番号の明細がすでに登録されています：「${key}」`,
        details: { key, entry: existing },
      });
    }
    if (!same) {
      throw new LedgerError(
        "KEY_CONFLICT",
        `entry ${JSON.stringify(key)} was already added with different content`,
        {
          messageJa: `同じ番号で内容の異なる明細があります：「${key}」`,
          details: { key, entry: existing },
        },
      );
    }
    return "duplicate";
  };

  const badEntry = (key: unknown, units: number): never => {
    if (typeof key !== "string" || key.length === 0) {
      throw new LedgerError("INVALID_ENTRY", "an entry needs a non-empty idempotency key");
    }
    throw new LedgerError(
      Number.isInteger(units) ? "OVERFLOW" : "NOT_AN_INTEGER",
      `entry ${key}: amount ${units} is not a safe integer of minor units`,
      { details: { key, units } },
    );
  };
  const badCount = (vals: readonly DimensionValue[]): never => {
    throw new LedgerError("INVALID_ENTRY", `expected ${dimCount} dimension values, got ${vals.length}`);
  };
  const addUnits = (key: string, units: number, vals: readonly DimensionValue[]): AddResult => {
    if (typeof key !== "string" || key.length === 0 || !Number.isSafeInteger(units)) badEntry(key, units);
    if (vals.length !== dimCount) badCount(vals);
    const found = keyTable.find(key);
    if (found >= 0) {
      // A conflicting re-add must leave no empty cell behind, so the cell is only looked up here.
      const same =
        entryCell[found] === peekCell(vals) && entryUnits[found] === units && !entryReverses.has(found);
      return duplicate(key, found, same);
    }
    // Nothing may touch the key table between `find` and `record`'s `push`.
    const cell = cellOf(vals);
    record(key, found, cell, units === 0 ? 0 : units, 1);
    return "added";
  };

  const builder: TallyBuilder<TCode> = {
    schema,
    get size() {
      return entryKeys.length;
    },
    add(entry) {
      const parsed = entrySchema.safeParse(entry);
      if (!parsed.success) {
        throw new LedgerError("INVALID_ENTRY", `invalid entry: ${z.prettifyError(parsed.error)}`, {
          details: { issues: parsed.error.issues },
        });
      }
      assertSameCurrency(schema.currency, currencyOf(entry.amount));
      const vals: DimensionValue[] = new Array(dimCount);
      for (const [name, value] of Object.entries(entry.dimensions)) {
        const d = dimIndex.get(name);
        if (d === undefined)
          throw new LedgerError("INVALID_ENTRY", `entry ${entry.key}: unknown dimension ${name}`);
        vals[d] = value;
      }
      const missing = dimensions.filter((_, d) => vals[d] === undefined).map((d) => d.name);
      if (missing.length > 0) {
        throw new LedgerError(
          "INVALID_ENTRY",
          `entry ${entry.key}: missing dimension(s) ${missing.join(", ")}`,
          {
            details: { key: entry.key, missing },
          },
        );
      }
      return addUnits(entry.key, toMinorUnits(entry.amount), vals);
    },
    addUnits,
    reverse(entry) {
      const parsed = reversingSchema.safeParse(entry);
      if (!parsed.success) {
        throw new LedgerError("INVALID_ENTRY", `invalid reversing entry: ${z.prettifyError(parsed.error)}`);
      }
      const { key, reverses } = parsed.data;
      const original = keyTable.find(reverses);
      if (original < 0) {
        throw new LedgerError("UNKNOWN_ENTRY", `cannot reverse unknown entry ${JSON.stringify(reverses)}`, {
          messageJa: `取り消す明細が見つかりません：「${reverses}」`,
          details: { key, reverses },
        });
      }
      const found = keyTable.find(key);
      if (found >= 0) return duplicate(key, found, entryReverses.get(found) === original);
      if (entryReverses.has(original)) {
        throw new LedgerError(
          "INVALID_ENTRY",
          `entry ${JSON.stringify(reverses)} is itself a reversal; add a new entry instead`,
        );
      }
      const previous = reversedBy.get(original);
      if (previous !== undefined) {
        throw new LedgerError(
          "KEY_CONFLICT",
          `entry ${JSON.stringify(reverses)} was already reversed by ${JSON.stringify(entryKeys[previous])}`,
          {
            messageJa: `この明細はすでに取り消されています：「${reverses}」`,
            details: { key, reverses, reversedBy: entryKeys[previous] },
          },
        );
      }
      const units = -(entryUnits[original] as number);
      record(key, found, entryCell[original] as number, units === 0 ? 0 : units, -1);
      entryReverses.set(entryKeys.length - 1, original);
      reversedBy.set(original, entryKeys.length - 1);
      return "added";
    },
    has: (key) => keyTable.find(key) >= 0,
    snapshot: () =>
      makeSnapshot<TCode>({
        schema,
        values: values.map((v) => v.slice()),
        cellIds: cellIds.map((ids) => ids.slice()),
        cellCount: cellCount.slice(),
        cellUnits: cellUnits.slice(),
        entryCount: entryKeys.length,
        entryKeys,
        entryCell,
        entryUnits,
        entryReverses,
      }),
  };
  return builder;
}
