import { z } from "zod";
import {
  type IndexedChunk,
  indexedChunkSchema,
  type SearchHit,
  type SearchOptions,
} from "./indexed-chunk.js";
import { topK } from "./internal/top-k.js";
import { tokenize } from "./tokenize.js";

/**
 * A chunk with its terms: one row of the index as storage keeps it, so loading needs no
 * re-tokenising. `terms` lists every term occurrence separated by single spaces (terms never
 * contain whitespace), e.g. `"窓口 |窓口 |口は"`.
 */
export interface Bm25Row extends IndexedChunk {
  readonly terms: string;
}

/** zod schema of a {@link Bm25Row}. */
export const bm25RowSchema = indexedChunkSchema.extend({
  terms: z.string(),
});

/** zod schema of a {@link Bm25Snapshot}. */
export const bm25SnapshotSchema = z.object({
  format: z.literal("ward-bm25@1"),
  k1: z.number().positive(),
  b: z.number().min(0).max(1),
  rows: z.array(bm25RowSchema),
});

/** The whole index as JSON. */
export type Bm25Snapshot = z.infer<typeof bm25SnapshotSchema>;

/** BM25 parameters. */
export interface Bm25Options {
  readonly k1?: number;
  readonly b?: number;
}

/**
 * A BM25 index over {@link tokenize} terms with per-document add/remove. Search takes the folders
 * the user may read and ignores every other chunk before scoring: document frequencies, average
 * length and the number of chunks are computed over the readable chunks only, so results do not
 * even depend on what unreadable folders contain.
 */
export interface Bm25Index {
  /** Number of chunks in the index. */
  readonly size: number;
  /** Adds chunks (tokenising them). @throws Error when a chunk id is already present. */
  add(chunks: readonly IndexedChunk[]): void;
  /** Adds rows whose terms are already counted (from storage). */
  addRows(rows: readonly Bm25Row[]): void;
  /** Removes every chunk of a document; returns how many were removed. */
  removeDocument(documentId: string): number;
  /** Swaps a document's chunks for new ones in one step: no search sees a mix of versions. */
  replaceDocument(documentId: string, chunks: readonly IndexedChunk[]): void;
  /** Ranks the readable chunks for a query, best first. */
  search(query: string, options: SearchOptions): SearchHit[];
  /** The index as rows for storage, in insertion order. */
  rows(): Bm25Row[];
  /** The index as one JSON value. */
  toJSON(): Bm25Snapshot;
}

interface Postings {
  slots: Int32Array;
  tfs: Uint16Array;
  length: number;
}

interface SlotRecord {
  readonly chunk: IndexedChunk;
  readonly termIds: Int32Array;
  readonly tfs: Uint16Array;
  readonly length: number;
  readonly folder: number;
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Creates an empty BM25 index (k1 = 1.2, b = 0.75 unless given).
 *
 * @param options - BM25 parameters
 * @returns the index
 * @example
 * const index = createBm25Index();
 * index.add([{ chunkId: "c1", documentId: "d1", folderId: "総務課", ordinal: 0, text: "住民票の写しの交付", locator: { kind: "page", page: 1 } }]);
 * index.search("住民票", { readableFolderIds: ["総務課"] })[0]?.chunkId; // => "c1"
 */
export function createBm25Index(options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  let postings: Postings[] = [];
  let records: (SlotRecord | undefined)[] = [];
  let folderOf = new Int32Array(1024);
  let lengthOf = new Int32Array(1024);
  const folderNumbers = new Map<string, number>();
  const folderCount: number[] = [];
  const folderLength: number[] = [];
  const slotsByChunk = new Map<string, number>();
  const slotsByDocument = new Map<string, number[]>();
  let live = 0;
  let scores = new Float64Array(1024);

  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
      postings.push({ slots: new Int32Array(4), tfs: new Uint16Array(4), length: 0 });
    }
    return id;
  };

  const folderNumber = (folderId: string): number => {
    let number = folderNumbers.get(folderId);
    if (number === undefined) {
      number = folderCount.length;
      folderNumbers.set(folderId, number);
      folderCount.push(0);
      folderLength.push(0);
    }
    return number;
  };

  const ensureSlotCapacity = (slot: number): void => {
    if (slot < folderOf.length) return;
    const capacity = Math.max(slot + 1, folderOf.length * 2);
    const grownFolders = new Int32Array(capacity);
    grownFolders.set(folderOf);
    folderOf = grownFolders;
    const grownLengths = new Int32Array(capacity);
    grownLengths.set(lengthOf);
    lengthOf = grownLengths;
    scores = new Float64Array(capacity);
  };

  const insert = (chunk: IndexedChunk, counts: ReadonlyMap<string, number>): void => {
    if (slotsByChunk.has(chunk.chunkId)) {
      throw new Error(`@ward/support-desk: chunk ${chunk.chunkId} is already in the index`);
    }
    const slot = records.length;
    ensureSlotCapacity(slot);
    const ids = new Int32Array(counts.size);
    const tfs = new Uint16Array(counts.size);
    let length = 0;
    let i = 0;
    for (const [term, tf] of counts) {
      const id = termId(term);
      const clamped = Math.min(tf, 65535);
      ids[i] = id;
      tfs[i] = clamped;
      length += tf;
      i += 1;
      const list = postings[id] as Postings;
      if (list.length === list.slots.length) {
        const grownSlots = new Int32Array(list.slots.length * 2);
        grownSlots.set(list.slots);
        list.slots = grownSlots;
        const grownTfs = new Uint16Array(list.tfs.length * 2);
        grownTfs.set(list.tfs);
        list.tfs = grownTfs;
      }
      list.slots[list.length] = slot;
      list.tfs[list.length] = clamped;
      list.length += 1;
    }
    const folder = folderNumber(chunk.folderId);
    records.push({ chunk, termIds: ids, tfs, length, folder });
    folderOf[slot] = folder;
    lengthOf[slot] = length;
    folderCount[folder] = (folderCount[folder] ?? 0) + 1;
    folderLength[folder] = (folderLength[folder] ?? 0) + length;
    slotsByChunk.set(chunk.chunkId, slot);
    const documentSlots = slotsByDocument.get(chunk.documentId) ?? [];
    documentSlots.push(slot);
    slotsByDocument.set(chunk.documentId, documentSlots);
    live += 1;
  };

  const remove = (documentId: string): number => {
    const slots = slotsByDocument.get(documentId);
    if (slots === undefined) return 0;
    for (const slot of slots) {
      const record = records[slot];
      if (record === undefined) continue;
      records[slot] = undefined;
      folderCount[record.folder] = (folderCount[record.folder] ?? 0) - 1;
      folderLength[record.folder] = (folderLength[record.folder] ?? 0) - record.length;
      slotsByChunk.delete(record.chunk.chunkId);
      live -= 1;
    }
    slotsByDocument.delete(documentId);
    // Dead slots stay in the postings (skipped by search) until they outnumber the live ones.
    if (records.length > 1024 && live < records.length / 2) compact();
    return slots.length;
  };

  const compact = (): void => {
    const kept = records.filter((record): record is SlotRecord => record !== undefined);
    records = [];
    postings = postings.map(() => ({ slots: new Int32Array(4), tfs: new Uint16Array(4), length: 0 }));
    slotsByChunk.clear();
    slotsByDocument.clear();
    folderCount.fill(0);
    folderLength.fill(0);
    live = 0;
    for (const record of kept) insert(record.chunk, recordCounts(record));
  };

  const recordCounts = (record: SlotRecord): Map<string, number> => {
    const counts = new Map<string, number>();
    record.termIds.forEach((id, i) => {
      counts.set(terms[id] as string, record.tfs[i] as number);
    });
    return counts;
  };

  const toRow = (record: SlotRecord): Bm25Row => {
    const occurrences: string[] = [];
    record.termIds.forEach((id, i) => {
      const term = terms[id] as string;
      for (let n = record.tfs[i] as number; n > 0; n -= 1) occurrences.push(term);
    });
    return { ...record.chunk, terms: occurrences.join(" ") };
  };

  const index: Bm25Index = {
    get size() {
      return live;
    },
    add(chunks) {
      for (const chunk of chunks) insert(chunk, countTerms(tokenize(chunk.text)));
    },
    addRows(rows) {
      for (const row of rows) {
        const { terms: rowTerms, ...chunk } = row;
        insert(chunk, countTerms(rowTerms === "" ? [] : rowTerms.split(" ")));
      }
    },
    removeDocument: remove,
    replaceDocument(documentId, chunks) {
      const counted = chunks.map((chunk) => [chunk, countTerms(tokenize(chunk.text))] as const);
      const duplicate = chunks.find(
        (chunk) =>
          chunk.documentId !== documentId ||
          (slotsByChunk.has(chunk.chunkId) && !isOf(chunk.chunkId, documentId)),
      );
      if (duplicate !== undefined) {
        throw new Error(
          `@ward/support-desk: chunk ${duplicate.chunkId} does not belong to document ${documentId}`,
        );
      }
      remove(documentId);
      for (const [chunk, counts] of counted) insert(chunk, counts);
    },
    search(query, searchOptions) {
      const limit = searchOptions.limit ?? 10;
      const readable = new Uint8Array(folderCount.length);
      let chunkCount = 0;
      let totalLength = 0;
      for (const folderId of searchOptions.readableFolderIds) {
        const number = folderNumbers.get(folderId);
        if (number === undefined || readable[number] === 1) continue;
        readable[number] = 1;
        chunkCount += folderCount[number] ?? 0;
        totalLength += folderLength[number] ?? 0;
      }
      if (chunkCount === 0 || limit <= 0) return [];
      const averageLength = totalLength / chunkCount;
      const touched: number[] = [];
      const queryTerms = new Set(tokenize(query));
      for (const term of queryTerms) {
        const id = termIds.get(term);
        if (id === undefined) continue;
        const list = postings[id] as Postings;
        let documentFrequency = 0;
        for (let i = 0; i < list.length; i += 1) {
          const slot = list.slots[i] as number;
          if (readable[folderOf[slot] as number] === 1 && records[slot] !== undefined) documentFrequency += 1;
        }
        if (documentFrequency === 0) continue;
        const idf = Math.log(1 + (chunkCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
        for (let i = 0; i < list.length; i += 1) {
          const slot = list.slots[i] as number;
          if (readable[folderOf[slot] as number] !== 1 || records[slot] === undefined) continue;
          const tf = list.tfs[i] as number;
          const norm = k1 * (1 - b + (b * (lengthOf[slot] as number)) / averageLength);
          if (scores[slot] === 0) touched.push(slot);
          scores[slot] = (scores[slot] as number) + (idf * tf * (k1 + 1)) / (tf + norm);
        }
      }
      const best = topK(touched, scores, limit);
      const hits = best.map((slot) => ({
        ...(records[slot] as SlotRecord).chunk,
        score: scores[slot] as number,
      }));
      for (const slot of touched) scores[slot] = 0;
      return hits;
    },
    rows() {
      return records.filter((record): record is SlotRecord => record !== undefined).map(toRow);
    },
    toJSON() {
      return { format: "ward-bm25@1", k1, b, rows: index.rows() };
    },
  };

  const isOf = (chunkId: string, documentId: string): boolean => {
    const slot = slotsByChunk.get(chunkId);
    return slot !== undefined && records[slot]?.chunk.documentId === documentId;
  };

  return index;
}

/**
 * Rebuilds an index from a JSON snapshot ({@link Bm25Index.toJSON}) without re-tokenising.
 *
 * @param snapshot - the parsed JSON
 * @returns the index
 * @throws ZodError when the snapshot is malformed
 * @example
 * const copy = loadBm25Index(JSON.parse(JSON.stringify(index)));
 * copy.size === index.size; // => true
 */
export function loadBm25Index(snapshot: unknown): Bm25Index {
  const parsed = bm25SnapshotSchema.parse(snapshot);
  const index = createBm25Index({ k1: parsed.k1, b: parsed.b });
  index.addRows(parsed.rows);
  return index;
}
