// An append-only string → index table for a million idempotency keys.
//
// Two stores, so that nothing is allocated per key:
// - Numbered keys (`N00012345`, `2025-000123`: a prefix and up to 9 trailing digits) live in dense
//   chunks of 4,096 slots per prefix, indexed by the number. Notice numbers come in runs, so an import
//   walks each chunk in order instead of jumping around a 16+ MiB hash table (that random access was
//   most of the time of a million-notice tally). A prefix, digit count and number give back exactly one
//   string, so a filled chunk slot needs no string comparison.
// - Every other key, and numbered keys once chunks would cost more than 4 slots per key, go to an
//   open-addressing table over one Int32Array of [index + 1, hash] pairs: a probe reads one cache line
//   and compares strings only when hashes match.
// A key is looked up in its chunk first; a chunk made after its family already spilled keys into the
// hash table also asks the table, so a key is found wherever it went.

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // int32, as stored in the table (the seed alone, for "", is not).
  return h | 0;
}

export interface KeyTable {
  /** Keys in insertion order; index = entry index. Append-only, so a snapshot may share it. */
  readonly keys: readonly string[];
  /** The index of a key, or a negative number that `push` of the same key accepts. */
  find(key: string): number;
  /** Appends `key`, just reported absent by `find(key)`, and returns its index. */
  push(key: string, found: number): number;
}

/** Tuning for tests; the defaults suit a million keys. */
export interface KeyTableOptions {
  /** log2 of the slots per chunk. */
  readonly chunkBits?: number;
  /** Most prefixes that get chunks. */
  readonly maxFamilies?: number;
}

interface Chunk {
  readonly slots: Int32Array;
  /** Made after its family spilled keys into the hash table: a miss must ask the table too. */
  readonly legacy: boolean;
}

interface Family {
  readonly prefix: string;
  readonly digits: number;
  /** By chunk id (number >>> chunkBits); V8 keeps a sparse one as a dictionary. */
  readonly chunks: (Chunk | undefined)[];
  spilled: boolean;
  lastChunkId: number;
  lastChunk: Chunk | undefined;
}

const MAX_DIGITS = 9;
/** Chunk memory allowed: this many slots per key so far, plus the free chunks below. */
const SLOTS_PER_KEY = 4;
const FREE_CHUNKS = 16;

export function createKeyTable(options: KeyTableOptions = {}): KeyTable {
  const chunkBits = options.chunkBits ?? 12;
  const chunkSize = 1 << chunkBits;
  const chunkMask = chunkSize - 1;
  const maxFamilies = options.maxFamilies ?? 64;
  let slots = new Int32Array(2 << 10);
  let mask = (slots.length >> 1) - 1;
  const keys: string[] = [];
  // Few, so a scan of their prefix hashes finds one without slicing the key.
  const families: Family[] = [];
  const familyHashes = new Int32Array(maxFamilies);
  let chunkCount = 0;
  let lastFamily: Family | undefined;
  // What the last `find` saw, for `push`: typed arrays, as closure numbers would be boxed per call.
  const lastHash = new Int32Array(1);
  const pendingOffset = new Int32Array(1);
  let pendingChunk: Chunk | undefined;

  // Quadruple: fewer rehashes of a large table. Each pair already holds its hash, so rehashing reads
  // the old table in order and no per-key hash array is kept.
  const grow = (): void => {
    const old = slots;
    const next = new Int32Array(old.length * 4);
    const nextMask = (next.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const v = old[j] as number;
      if (v === 0) continue;
      const h = old[j + 1] as number;
      let i = h & nextMask;
      while ((next[i << 1] as number) !== 0) i = (i + 1) & nextMask;
      next[i << 1] = v;
      next[(i << 1) + 1] = h;
    }
    slots = next;
    mask = nextMask;
  };

  const findHashed = (key: string): number => {
    const h = hashOf(key);
    lastHash[0] = h;
    let i = h & mask;
    for (;;) {
      const v = slots[i << 1] as number;
      if (v === 0) return -1 - i;
      if (slots[(i << 1) + 1] === h && keys[v - 1] === key) return v - 1;
      i = (i + 1) & mask;
    }
  };

  // Once `maxFamilies` prefixes have chunks no other gets any, so a key of an unknown prefix is
  // never in a chunk.
  const familyOf = (key: string, start: number): Family | undefined => {
    const digits = key.length - start;
    let h = 0x811c9dc5 ^ digits;
    for (let i = 0; i < start; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h |= 0;
    for (let f = 0; f < families.length; f++) {
      if (familyHashes[f] !== h) continue;
      const family = families[f] as Family;
      if (family.digits === digits && family.prefix.length === start && key.startsWith(family.prefix)) {
        lastFamily = family;
        return family;
      }
    }
    if (families.length >= maxFamilies) return undefined;
    const family: Family = {
      prefix: key.slice(0, start),
      digits,
      chunks: [],
      spilled: false,
      lastChunkId: -1,
      lastChunk: undefined,
    };
    familyHashes[families.length] = h;
    families.push(family);
    lastFamily = family;
    return family;
  };

  const chunkOf = (family: Family, id: number): Chunk | undefined => {
    let chunk = family.chunks[id];
    if (chunk === undefined) {
      if ((chunkCount + 1 - FREE_CHUNKS) * chunkSize > SLOTS_PER_KEY * keys.length) return undefined;
      chunk = { slots: new Int32Array(chunkSize), legacy: family.spilled };
      family.chunks[id] = chunk;
      chunkCount++;
    }
    family.lastChunkId = id;
    family.lastChunk = chunk;
    return chunk;
  };

  const spill = (family: Family | undefined, key: string): number => {
    if (family !== undefined) family.spilled = true;
    return findHashed(key);
  };

  const find = (key: string): number => {
    pendingChunk = undefined;
    const length = key.length;
    let start = length;
    let n = 0;
    let scale = 1;
    while (start > 0 && length - start < MAX_DIGITS) {
      const c = key.charCodeAt(start - 1) - 48;
      if (c < 0 || c > 9) break;
      n += c * scale;
      scale *= 10;
      start--;
    }
    if (start === length) return findHashed(key);
    let family = lastFamily;
    if (
      family === undefined ||
      family.digits !== length - start ||
      family.prefix.length !== start ||
      !key.startsWith(family.prefix)
    ) {
      family = familyOf(key, start);
      if (family === undefined) return findHashed(key);
    }
    const id = n >>> chunkBits;
    const chunk = family.lastChunkId === id ? family.lastChunk : chunkOf(family, id);
    if (chunk === undefined) return spill(family, key);
    const offset = n & chunkMask;
    const v = chunk.slots[offset] as number;
    if (v !== 0) return v - 1;
    if (chunk.legacy) {
      const found = findHashed(key);
      if (found >= 0) return found;
    }
    pendingChunk = chunk;
    pendingOffset[0] = offset;
    return -1;
  };

  return {
    keys,
    find,
    push(key, found) {
      const index = keys.length;
      keys.push(key);
      const chunk = pendingChunk;
      if (chunk !== undefined) {
        chunk.slots[pendingOffset[0] as number] = index + 1;
        pendingChunk = undefined;
        return index;
      }
      const i = -1 - found;
      slots[i << 1] = index + 1;
      slots[(i << 1) + 1] = lastHash[0] as number;
      if (keys.length * 2 > mask + 1) grow();
      return index;
    },
  };
}
