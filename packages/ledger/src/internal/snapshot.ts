import { money } from "../money.js";
import type { Tally, TallyCell, TallyEntryRecord, TallyRow, TallyRowsOptions } from "../tally.js";
import type { TallySchema } from "../tally-schema.js";
import { compareCodes } from "./compare-codes.js";
import { assertSafe } from "./safe-int.js";

/** The builder's state, copied, from which a snapshot is made. */
export interface RawTally {
  readonly schema: TallySchema;
  /** Per dimension, id → value string (a path for hierarchical dimensions). */
  readonly values: readonly (readonly string[])[];
  /** Per cell, the value id of each dimension. */
  readonly cellIds: readonly (readonly number[])[];
  readonly cellCount: readonly number[];
  readonly cellUnits: readonly number[];
  /** Entries below this index belong to the snapshot; the buffers are append-only and shared. */
  readonly entryCount: number;
  readonly entryKeys: readonly string[];
  readonly entryCell: ArrayLike<number>;
  readonly entryUnits: ArrayLike<number>;
  /** Entry index → index of the entry it reverses (append-only, shared). */
  readonly entryReverses: ReadonlyMap<number, number>;
}

interface Node {
  readonly codes: readonly string[];
  count: number;
  units: number;
  readonly children: Map<string, Node>;
  sorted: Node[];
  cell: TallyCell | undefined;
}

/** Builds the stable string key of a path of level codes. */
export function keyOf(schema: TallySchema, codes: readonly string[]): string {
  let key = "";
  for (let i = 0; i < codes.length; i++) {
    if (i > 0) key += schema.levels[i]?.depth === 0 ? "|" : "/";
    key += codes[i];
  }
  return key;
}

export function makeSnapshot<TCode extends string>(raw: RawTally): Tally<TCode> {
  const schema = raw.schema as TallySchema<TCode>;
  const { levels, dimensions, currency } = schema;
  const ranks = dimensions.map((d) => (d.order ? new Map(d.order.map((code, i) => [code, i])) : undefined));
  const splitValues = raw.values.map((ids, d) =>
    ids.map((v) => (dimensions[d]?.levels ? v.split("/") : [v])),
  );

  const root: Node = { codes: [], count: 0, units: 0, children: new Map(), sorted: [], cell: undefined };
  const leafOfCell: Node[] = [];
  const nodes = new Map<string, Node>([["", root]]);
  raw.cellIds.forEach((ids, cellIndex) => {
    const count = raw.cellCount[cellIndex] ?? 0;
    const units = raw.cellUnits[cellIndex] ?? 0;
    let node = root;
    node.count += count;
    node.units = assertSafe(node.units + units, "total");
    const codes: string[] = [];
    ids.forEach((id, d) => {
      for (const code of splitValues[d]?.[id] ?? []) {
        codes.push(code);
        let child = node.children.get(code);
        if (child === undefined) {
          child = { codes: [...codes], count: 0, units: 0, children: new Map(), sorted: [], cell: undefined };
          node.children.set(code, child);
          nodes.set(keyOf(schema, codes), child);
        }
        child.count += count;
        child.units = assertSafe(child.units + units, "subtotal");
        node = child;
      }
    });
    leafOfCell[cellIndex] = node;
  });
  const sortNode = (node: Node): void => {
    const level = levels[node.codes.length];
    const rank = level === undefined ? undefined : ranks[level.dimensionIndex];
    node.sorted = [...node.children.values()].sort((a, b) =>
      compareCodes(a.codes[a.codes.length - 1] as string, b.codes[b.codes.length - 1] as string, rank),
    );
    for (const child of node.sorted) sortNode(child);
  };
  sortNode(root);

  const cellOf = (node: Node): TallyCell<TCode> => {
    if (node.cell === undefined) {
      const dims: Record<string, string> = {};
      node.codes.forEach((code, i) => {
        const name = levels[i]?.dimension as string;
        dims[name] = dims[name] === undefined ? code : `${dims[name]}/${code}`;
      });
      node.cell = Object.freeze({
        key: keyOf(schema, node.codes),
        level: node.codes.length,
        codes: Object.freeze([...node.codes]),
        dimensions: Object.freeze(dims),
        count: node.count,
        units: node.units === 0 ? 0 : node.units,
        amount: money(node.units, currency),
      });
    }
    return node.cell as TallyCell<TCode>;
  };

  const leaves: TallyCell<TCode>[] = [];
  const collect = (node: Node): void => {
    if (node.codes.length === levels.length) leaves.push(cellOf(node));
    for (const child of node.sorted) collect(child);
  };
  collect(root);
  Object.freeze(leaves);

  const labelsOf = (codes: readonly string[]): string[] => {
    let path = "";
    return codes.map((code, i) => {
      const level = levels[i];
      path = level?.depth === 0 ? code : `${path}/${code}`;
      return dimensions[level?.dimensionIndex ?? 0]?.labels?.[path] ?? code;
    });
  };
  const rowCache = new Map<string, readonly TallyRow<TCode>[]>();
  const rows = (options: TallyRowsOptions = {}): readonly TallyRow<TCode>[] => {
    const depth = Math.min(Math.max(options.depth ?? levels.length, 1), levels.length);
    const placement = options.subtotals ?? "after";
    const subtotalLevels = new Set(
      placement === "none"
        ? []
        : (options.subtotalLevels ?? Array.from({ length: depth - 1 }, (_, i) => i + 1)),
    );
    const cacheKey = JSON.stringify([depth, placement, [...subtotalLevels].sort()]);
    const cached = rowCache.get(cacheKey);
    if (cached) return cached;
    const out: TallyRow<TCode>[] = [];
    const row = (node: Node, kind: TallyRow["kind"]): TallyRow<TCode> => {
      const cell = cellOf(node);
      return Object.freeze({
        ...cell,
        kind,
        levelName: cell.level === 0 ? "total" : (levels[cell.level - 1]?.name as string),
        labels: Object.freeze(labelsOf(cell.codes)),
      });
    };
    const walk = (node: Node): void => {
      const level = node.codes.length;
      if (level === depth) {
        out.push(row(node, "detail"));
        return;
      }
      const subtotal = level > 0 && subtotalLevels.has(level);
      if (subtotal && placement === "before") out.push(row(node, "subtotal"));
      for (const child of node.sorted) walk(child);
      if (subtotal && placement === "after") out.push(row(node, "subtotal"));
    };
    walk(root);
    out.push(row(root, "total"));
    const frozen = Object.freeze(out);
    rowCache.set(cacheKey, frozen);
    return frozen;
  };

  const entries = function* (): IterableIterator<TallyEntryRecord<TCode>> {
    for (let i = 0; i < raw.entryCount; i++) {
      const units = raw.entryUnits[i] as number;
      const reverses = raw.entryReverses.get(i);
      const leaf = leafOfCell[raw.entryCell[i] as number] as Node;
      const record: TallyEntryRecord<TCode> = {
        key: raw.entryKeys[i] as string,
        cell: cellOf(leaf).key,
        units,
        amount: money(units, currency),
        ...(reverses === undefined ? {} : { reverses: raw.entryKeys[reverses] as string }),
      };
      yield Object.freeze(record);
    }
  };

  return Object.freeze({
    schema,
    entryCount: raw.entryCount,
    cells: leaves,
    total: cellOf(root),
    cell: (key: string) => {
      const node = nodes.get(key);
      return node === undefined ? undefined : cellOf(node);
    },
    entries,
    rows,
  });
}
