import { z } from "zod";
import { type Bm25Options, countTerms, defaultBm25 } from "./bm25-score.js";
import {
  type IndexedChunk,
  indexedChunkSchema,
  type SearchHit,
  type SearchOptions,
} from "./indexed-chunk.js";
import { topK } from "./internal/top-k.js";
import { SearchError } from "./search-error.js";
import type { SearchIndex } from "./search-index.js";
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

/**
 * A BM25 index over {@link tokenize} terms with per-document add/remove. Search takes the folders
 * the user may read and ignores every other chunk before scoring: document frequencies, average
 * length and the number of chunks are computed over the readable chunks only, so results do not
 * even depend on what unreadable folders contain.
 */
export interface Bm25Index extends SearchIndex {
  /** Number of chunks in the index. */
  readonly size: number;
  /** Adds chunks (tokenising them). @throws SearchError `DUPLICATE_CHUNK` when a chunk id is already present. */
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
  /** The chunks in the index, in insertion order, without their terms (cheap: nothing is joined). */
  chunks(): IndexedChunk[];
  /** The index as one JSON value. */
  toJSON(): Bm25Snapshot;
  /** The same as {@link Bm25Index.toJSON}, for the {@link SearchIndex} contract. */
  snapshot(): Bm25Snapshot;
  /**
   * The index in a compact binary form (term dictionary, per-chunk term ids and frequencies, chunks
   * as JSON): {@link decodeBm25Index} loads it without tokenising or splitting term strings.
   */
  encode(): Uint8Array;
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
  return buildBm25Index(options);
}

interface Preloaded {
  readonly terms: readonly string[];
  readonly chunks: readonly IndexedChunk[];
  readonly offsets: Uint32Array;
  readonly ids: Int32Array;
  readonly tfs: Uint16Array;
}

function buildBm25Index(options: Bm25Options, preloaded?: Preloaded): Bm25Index {
  const k1 = options.k1 ?? defaultBm25.k1;
  const b = options.b ?? defaultBm25.b;
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
    const ids = new Int32Array(counts.size);
    const tfs = new Uint16Array(counts.size);
    let i = 0;
    for (const [term, tf] of counts) {
      ids[i] = termId(term);
      tfs[i] = Math.min(tf, 65535);
      i += 1;
    }
    insertIds(chunk, ids, tfs);
  };

  const insertIds = (chunk: IndexedChunk, ids: Int32Array, tfs: Uint16Array): void => {
    if (slotsByChunk.has(chunk.chunkId)) {
      throw new SearchError("DUPLICATE_CHUNK", `chunk ${chunk.chunkId} is already in the index`);
    }
    const slot = records.length;
    ensureSlotCapacity(slot);
    let length = 0;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] as number;
      const clamped = tfs[i] as number;
      length += clamped;
      const list = postings[id] as Postings;
      if (list.length === list.slots.length) {
        const grownSlots = new Int32Array(Math.max(4, list.slots.length * 2));
        grownSlots.set(list.slots);
        list.slots = grownSlots;
        const grownTfs = new Uint16Array(Math.max(4, list.tfs.length * 2));
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
    for (const record of kept) insertIds(record.chunk, record.termIds, record.tfs);
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
      // Check every id first: a batch with one duplicate adds nothing.
      const ids = new Set<string>();
      for (const chunk of chunks) {
        if (slotsByChunk.has(chunk.chunkId) || ids.has(chunk.chunkId)) {
          throw new SearchError("DUPLICATE_CHUNK", `chunk ${chunk.chunkId} is already in the index`);
        }
        ids.add(chunk.chunkId);
      }
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
        throw new SearchError(
          "FOREIGN_CHUNK",
          `chunk ${duplicate.chunkId} does not belong to document ${documentId}`,
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
    chunks() {
      return records
        .filter((record): record is SlotRecord => record !== undefined)
        .map((record) => record.chunk);
    },
    toJSON() {
      return { format: "ward-bm25@1", k1, b, rows: index.rows() };
    },
    snapshot() {
      return index.toJSON();
    },
    encode() {
      const live = records.filter((record): record is SlotRecord => record !== undefined);
      return encodeParts({ k1, b }, terms, live);
    },
  };

  const isOf = (chunkId: string, documentId: string): boolean => {
    const slot = slotsByChunk.get(chunkId);
    return slot !== undefined && records[slot]?.chunk.documentId === documentId;
  };

  if (preloaded !== undefined) {
    // Postings sized exactly up front, as views of two shared buffers: no growth, no per-term allocation.
    const { ids } = preloaded;
    const frequencies = new Int32Array(preloaded.terms.length);
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] as number;
      frequencies[id] = (frequencies[id] as number) + 1;
    }
    const allSlots = new Int32Array(ids.length);
    const allTfs = new Uint16Array(ids.length);
    let offset = 0;
    preloaded.terms.forEach((term, id) => {
      const frequency = frequencies[id] as number;
      termIds.set(term, id);
      terms.push(term);
      postings.push({
        slots: allSlots.subarray(offset, offset + frequency),
        tfs: allTfs.subarray(offset, offset + frequency),
        length: 0,
      });
      offset += frequency;
    });
    ensureSlotCapacity(preloaded.chunks.length);
    preloaded.chunks.forEach((chunk, i) => {
      const from = preloaded.offsets[i] as number;
      const to = preloaded.offsets[i + 1] as number;
      insertIds(chunk, preloaded.ids.subarray(from, to), preloaded.tfs.subarray(from, to));
    });
  }
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

const MAGIC = "WARDBM25";
const FORMAT_VERSION = 1;
const HEADER_WORDS = 6;

function encodeParts(
  params: { k1: number; b: number },
  terms: readonly string[],
  records: readonly SlotRecord[],
): Uint8Array {
  const encoder = new TextEncoder();
  const header = encoder.encode(JSON.stringify(params));
  // Terms never contain whitespace (see tokenize), so one space separates them.
  const termBytes = encoder.encode(terms.join(" "));
  const chunkBytes = encoder.encode(JSON.stringify(records.map((record) => record.chunk)));
  let postingCount = 0;
  for (const record of records) postingCount += record.termIds.length;
  const textEnd = 8 + HEADER_WORDS * 4 + header.length + termBytes.length + chunkBytes.length;
  const offsetsAt = Math.ceil(textEnd / 4) * 4;
  const idsAt = offsetsAt + (records.length + 1) * 4;
  const tfsAt = idsAt + postingCount * 4;
  const bytes = new Uint8Array(tfsAt + postingCount * 2);
  const view = new DataView(bytes.buffer);
  bytes.set(encoder.encode(MAGIC), 0);
  const words = [
    FORMAT_VERSION,
    header.length,
    termBytes.length,
    chunkBytes.length,
    records.length,
    postingCount,
  ];
  for (const [i, value] of words.entries()) view.setUint32(8 + i * 4, value, true);
  let at = 8 + HEADER_WORDS * 4;
  for (const part of [header, termBytes, chunkBytes]) {
    bytes.set(part, at);
    at += part.length;
  }
  const offsets = new Uint32Array(bytes.buffer, offsetsAt, records.length + 1);
  const ids = new Int32Array(bytes.buffer, idsAt, postingCount);
  const tfs = new Uint16Array(bytes.buffer, tfsAt, postingCount);
  let cursor = 0;
  records.forEach((record, i) => {
    offsets[i] = cursor;
    ids.set(record.termIds, cursor);
    tfs.set(record.tfs, cursor);
    cursor += record.termIds.length;
  });
  offsets[records.length] = cursor;
  return bytes;
}

const encodedParamsSchema = z.object({ k1: z.number().positive(), b: z.number().min(0).max(1) });

/**
 * Loads an index from {@link Bm25Index.encode}'s bytes: no tokenising, no splitting of term
 * strings, so 100,000 chunks load in about a second instead of the minute a rebuild takes.
 *
 * @param bytes - the encoded index (e.g. read back from a snapshot file)
 * @returns the index, with the same chunks, terms and scores as the one encoded
 * @throws SearchError `INVALID_SNAPSHOT` when the bytes are not an encoded index; ZodError when its chunks are malformed
 * @example
 * const copy = decodeBm25Index(index.encode());
 * copy.search("住民票", { readableFolderIds: ["総務課"] }); // the same hits as index.search(…)
 */
export function decodeBm25Index(bytes: Uint8Array): Bm25Index {
  const fail = (why: string): never => {
    throw new SearchError("INVALID_SNAPSHOT", `not an encoded BM25 index (${why})`);
  };
  if (bytes.length < 8 + HEADER_WORDS * 4) fail("too short");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  if (decoder.decode(bytes.subarray(0, 8)) !== MAGIC) fail("bad magic");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const word = (i: number): number => view.getUint32(8 + i * 4, true);
  if (word(0) !== FORMAT_VERSION) fail(`format version ${word(0)}`);
  const [headerLength, termsLength, chunksLength, recordCount, postingCount] = [1, 2, 3, 4, 5].map(word) as [
    number,
    number,
    number,
    number,
    number,
  ];
  let at = 8 + HEADER_WORDS * 4;
  const text = (length: number): string => {
    if (at + length > bytes.length) fail("truncated");
    const value = decoder.decode(bytes.subarray(at, at + length));
    at += length;
    return value;
  };
  const params = encodedParamsSchema.parse(JSON.parse(text(headerLength)));
  const termText = text(termsLength);
  const chunks = z.array(indexedChunkSchema).parse(JSON.parse(text(chunksLength)));
  if (chunks.length !== recordCount) fail("chunk count");
  const offsetsAt = Math.ceil(at / 4) * 4;
  const idsAt = offsetsAt + (recordCount + 1) * 4;
  const tfsAt = idsAt + postingCount * 4;
  if (tfsAt + postingCount * 2 !== bytes.length) fail("length");
  // Copy into fresh buffers: the input may sit at any byte offset.
  const aligned = bytes.slice(offsetsAt).buffer;
  const offsets = new Uint32Array(aligned, 0, recordCount + 1);
  const ids = new Int32Array(aligned, idsAt - offsetsAt, postingCount);
  const tfs = new Uint16Array(aligned, tfsAt - offsetsAt, postingCount);
  const terms = termText === "" ? [] : termText.split(" ");
  if (offsets[recordCount] !== postingCount) fail("offsets");
  for (let i = 0; i < recordCount; i += 1) {
    if ((offsets[i] as number) > (offsets[i + 1] as number)) fail("offsets");
  }
  for (const id of ids) if (id < 0 || id >= terms.length) fail("term id");
  return buildBm25Index(params, { terms, chunks, offsets, ids, tfs });
}
