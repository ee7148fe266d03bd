import { LedgerError } from "./errors.js";
import type { Tally } from "./tally.js";
import { createTally } from "./tally-builder.js";
import { type DimensionDefinition, defineTally } from "./tally-schema.js";

/** A dimension to keep: its name, or for a hierarchical dimension its name and how many levels to keep. */
export type RollUpDimension = string | { readonly name: string; readonly depth: number };

/**
 * Projects a tally onto fewer dimensions, or shallower hierarchies, in any order: the 公金収納集計表
 * (account × 款) from the same entries as the 済通集計表, or both sides of a reconciliation brought to
 * the granularity the accounting system keeps. Entries, keys and reversals carry over.
 *
 * @param tally - a tally snapshot
 * @param keep - the dimensions of the result, outermost first
 * @returns a new tally snapshot over those dimensions
 * @throws {LedgerError} `INVALID_SCHEMA` for an unknown or repeated dimension, or a depth out of range
 * @example
 * const summary = rollUp(tally, ["account", { name: "subject", depth: 1 }]);
 * summary.rows().map((r) => r.key); // => ["01|10", "01", "02|2", "02", ""]
 */
export function rollUp<TCode extends string>(
  tally: Tally<TCode>,
  keep: readonly RollUpDimension[],
): Tally<TCode> {
  const { schema } = tally;
  const picks = keep.map((k) => {
    const name = typeof k === "string" ? k : k.name;
    const index = schema.dimensions.findIndex((d) => d.name === name);
    const dim = schema.dimensions[index];
    if (dim === undefined)
      throw new LedgerError("INVALID_SCHEMA", `rollUp: unknown dimension ${JSON.stringify(name)}`);
    const full = dim.levels?.length ?? 1;
    const depth = typeof k === "string" ? full : k.depth;
    if (!Number.isInteger(depth) || depth < 1 || depth > full) {
      throw new LedgerError("INVALID_SCHEMA", `rollUp: depth of ${name} must be 1..${full}, got ${depth}`);
    }
    return { index, dim, depth };
  });
  const dimensions = picks.map(({ dim, depth }): DimensionDefinition => {
    if (dim.levels === undefined || depth === dim.levels.length) return dim;
    const labels = Object.fromEntries(
      Object.entries(dim.labels ?? {}).filter(([path]) => path.split("/").length <= depth),
    );
    return { ...dim, levels: dim.levels.slice(0, depth), labels };
  });
  const builder = createTally(
    defineTally({ currency: schema.currency, dimensions, onDuplicate: schema.onDuplicate }),
  );
  for (const entry of tally.entries()) {
    if (entry.reverses !== undefined) {
      builder.reverse({ key: entry.key, reverses: entry.reverses });
      continue;
    }
    const values = entry.cell.split("|");
    builder.addUnits(
      entry.key,
      entry.units,
      picks.map(({ index, dim, depth }) => {
        const value = values[index] as string;
        return dim.levels === undefined ? value : value.split("/").slice(0, depth).join("/");
      }),
    );
  }
  return builder.snapshot();
}
