import { money } from "../money.js";
import type { Tally, TallyCell, TallyEntryRecord, TallyRow, TallyRowsOptions } from "../tally.js";
import type { TallySchema } from "../tally-schema.js";
import { compareCodes } from "./compare-codes.js";
import { assertSafe, bigToSafe } from "./safe-int.js";

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
  readonly parent: Node | undefined;
  readonly codes: readonly string[];
  /** Its dimension's value so far: the code, or the path down to this level. */
  readonly value: string;
  /** The stable key, built from the parent's so that no node joins its whole path. */
  readonly key: string;
  count: number;
  units: number;
  /** Set when a running sum left the safe range: the node's sum is then redone exactly. */
  inexact: boolean;
  /** Range of its leaves in print order, for that exact sum. */
  first: number;
  last: number;
  readonly children: Node[];
  cell: TallyCell | undefined;
  labels: readonly string[] | undefined;
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

// Cells are ordered once by value rank (a few distinct codes per level, so compareCodes runs on
// those only), then the tree is laid out in one pass over the ordered cells: no Map per node and no
// code comparisons per cell, which made the snapshot of a 5,400-cell tally cost more than its adds.
export function makeSnapshot<TCode extends string>(raw: RawTally): Tally<TCode> {
  const schema = raw.schema as TallySchema<TCode>;
  const { levels, dimensions, currency } = schema;
  const ranks = dimensions.map((d) => (d.order ? new Map(d.order.map((code, i) => [code, i])) : undefined));
  const splitValues = raw.values.map((ids, d) =>
    ids.map((v) => (dimensions[d]?.levels ? v.split("/") : [v])),
  );
  // Per dimension, each value id's position in print order (lexicographic over its level codes).
  const valueOrder = splitValues.map((parts, d) => {
    const depth = dimensions[d]?.levels?.length ?? 1;
    const rank = ranks[d];
    const codeRank: Map<string, number>[] = [];
    for (let level = 0; level < depth; level++) {
      const codes = [...new Set(parts.map((p) => p[level] as string))];
      codes.sort((a, b) => compareCodes(a, b, rank));
      codeRank.push(new Map(codes.map((code, i) => [code, i])));
    }
    const ids = parts.map((_, id) => id);
    ids.sort((a, b) => {
      const pa = parts[a] as string[];
      const pb = parts[b] as string[];
      for (let level = 0; level < depth; level++) {
        const ra = codeRank[level]?.get(pa[level] as string) as number;
        const rb = codeRank[level]?.get(pb[level] as string) as number;
        if (ra !== rb) return ra - rb;
      }
      return 0;
    });
    const order = new Int32Array(parts.length);
    ids.forEach((id, position) => {
      order[id] = position;
    });
    return order;
  });
  const cellCount = raw.cellIds.length;
  const sorted = Array.from({ length: cellCount }, (_, i) => i);
  sorted.sort((a, b) => {
    const ia = raw.cellIds[a] as readonly number[];
    const ib = raw.cellIds[b] as readonly number[];
    for (let d = 0; d < ia.length; d++) {
      const order = valueOrder[d] as Int32Array;
      const diff = (order[ia[d] as number] as number) - (order[ib[d] as number] as number);
      if (diff !== 0) return diff;
    }
    return 0;
  });

  const newNode = (
    parent: Node | undefined,
    codes: readonly string[],
    value: string,
    key: string,
    first: number,
  ): Node => ({
    parent,
    codes,
    value,
    key,
    count: 0,
    units: 0,
    inexact: false,
    first,
    last: first,
    children: [],
    cell: undefined,
    labels: undefined,
  });
  const root = newNode(undefined, [], "", "", 0);
  const leafOfCell: Node[] = new Array(cellCount);
  const leafOrder: Node[] = new Array(cellCount);
  const open: Node[] = [root];
  let previous: string[] = [];
  for (let position = 0; position < cellCount; position++) {
    const cellIndex = sorted[position] as number;
    const ids = raw.cellIds[cellIndex] as readonly number[];
    const codes: string[] = [];
    for (let d = 0; d < ids.length; d++) {
      for (const code of splitValues[d]?.[ids[d] as number] ?? []) codes.push(code);
    }
    let same = 0;
    while (same < codes.length && same < open.length - 1 && codes[same] === previous[same]) same++;
    open.length = same + 1;
    for (let level = same; level < codes.length; level++) {
      const parent = open[level] as Node;
      const inner = levels[level]?.depth !== 0;
      const sep = level === 0 ? "" : inner ? "/" : "|";
      const code = codes[level] as string;
      const child = newNode(
        parent,
        codes.slice(0, level + 1),
        inner ? `${parent.value}/${code}` : code,
        `${parent.key}${sep}${code}`,
        position,
      );
      parent.children.push(child);
      open.push(child);
    }
    const count = raw.cellCount[cellIndex] ?? 0;
    const units = raw.cellUnits[cellIndex] ?? 0;
    for (let level = 0; level < open.length; level++) {
      const node = open[level] as Node;
      node.count += count;
      const sum = node.units + units;
      if (sum > Number.MAX_SAFE_INTEGER || sum < -Number.MAX_SAFE_INTEGER) node.inexact = true;
      node.units = sum;
      node.last = position;
    }
    const leaf = open[open.length - 1] as Node;
    leafOfCell[cellIndex] = leaf;
    leafOrder[position] = leaf;
    previous = codes;
  }
  // Exact again, through bigint, where a running sum left the safe range: only the final sum counts.
  const settle = (node: Node, what: string): void => {
    if (node.inexact) {
      let exact = 0n;
      for (let p = node.first; p <= node.last; p++) {
        exact += BigInt(raw.cellUnits[sorted[p] as number] ?? 0);
      }
      node.units = bigToSafe(exact, what);
      node.inexact = false;
    }
    for (const child of node.children) settle(child, "subtotal");
  };
  settle(root, "total");
  assertSafe(root.units, "total");

  let nodes: Map<string, Node> | undefined;
  const nodeOf = (key: string): Node | undefined => {
    if (nodes === undefined) {
      const index = new Map<string, Node>();
      const visit = (node: Node): void => {
        index.set(node.key, node);
        for (const child of node.children) visit(child);
      };
      visit(root);
      nodes = index;
    }
    return nodes.get(key);
  };

  const cellOf = (node: Node): TallyCell<TCode> => {
    if (node.cell === undefined) {
      // The parent's dimensions plus this level's: a copy of a small object, not a rebuild per key.
      const level = node.codes.length;
      const dims: Readonly<Record<string, string>> =
        node.parent === undefined
          ? {}
          : { ...cellOf(node.parent).dimensions, [levels[level - 1]?.dimension as string]: node.value };
      node.cell = Object.freeze({
        key: node.key,
        level: node.codes.length,
        codes: Object.freeze(node.codes),
        dimensions: Object.freeze(dims),
        count: node.count,
        units: node.units === 0 ? 0 : node.units,
        amount: money(node.units, currency),
      });
    }
    return node.cell as TallyCell<TCode>;
  };

  let leaves: readonly TallyCell<TCode>[] | undefined;
  const cells = (): readonly TallyCell<TCode>[] => {
    leaves ??= Object.freeze(leafOrder.map(cellOf));
    return leaves;
  };

  // The parent's labels plus this level's: the label of a path prefix is looked up once per node.
  const labelsOf = (node: Node): readonly string[] => {
    if (node.labels === undefined) {
      const level = node.codes.length;
      if (node.parent === undefined) node.labels = Object.freeze([]);
      else {
        const code = node.codes[level - 1] as string;
        const label = dimensions[levels[level - 1]?.dimensionIndex ?? 0]?.labels?.[node.value] ?? code;
        node.labels = Object.freeze([...labelsOf(node.parent), label]);
      }
    }
    return node.labels;
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
        labels: labelsOf(node),
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
      for (const child of node.children) walk(child);
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
    // Made on first read: a snapshot taken only for its rows or total never builds them.
    get cells() {
      return cells();
    },
    total: cellOf(root),
    cell: (key: string) => {
      const node = nodeOf(key);
      return node === undefined ? undefined : cellOf(node);
    },
    entries,
    rows,
  });
}
