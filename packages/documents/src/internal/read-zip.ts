import { Inflate } from "fflate";
import { ArchiveLimitError, type ArchiveLimits } from "../archive-limits.js";
import { IngestError } from "../ingest-error.js";

/** One entry of a zip's central directory. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** What the directory claims; a bomb may lie, so it only lets honest ones fail early. */
  readonly declaredSize: number;
  readonly localOffset: number;
}

/** Watches the inflated bytes of one entry as they come; throws to stop inflating. */
export type ChunkObserver = (chunk: Uint8Array) => void;

/** Options of {@link readZip}. */
export interface ReadZipOptions {
  readonly fileName: string;
  readonly limits: ArchiveLimits;
  /** Entries to inflate and return; the others are never inflated (so they cannot bomb). */
  readonly wanted: (name: string) => boolean;
  /** A per-entry observer of the inflated chunks (cell counting), or `undefined`. */
  readonly observe?: (name: string) => ChunkObserver | undefined;
}

// Compressed bytes pushed at a time: DEFLATE expands at most ~1032:1, so one push yields ≤ ~8.5 MB.
const PUSH_BYTES = 8 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads the wanted entries of a zip (stored or deflated), enforcing the limits while inflating:
 * entry count from the central directory before anything is inflated; per-entry bytes, total
 * bytes and compression ratio after every pushed chunk, so inflation stops as soon as one is
 * passed and memory stays bounded by the limits.
 *
 * @returns the inflated wanted entries by name
 * @throws ArchiveLimitError past a limit; IngestError `CORRUPT` for a damaged or encrypted zip
 */
export function readZip(bytes: Uint8Array, options: ReadZipOptions): Map<string, Uint8Array> {
  const { fileName, limits } = options;
  const corrupt = (detail: string): never => {
    throw new IngestError({ code: "CORRUPT", fileName, detail: `zip: ${detail}` });
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : corrupt("truncated"));
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : corrupt("truncated"));
  const u64 = (at: number) => {
    const value = u32(at) + u32(at + 4) * 2 ** 32;
    return Number.isSafeInteger(value) ? value : corrupt("size out of range");
  };

  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) corrupt("no end of central directory");
  let count = u16(eocd + 10);
  let centralOffset = u32(eocd + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) corrupt("no zip64 locator");
    const record = u64(locator + 8);
    if (u32(record) !== ZIP64_EOCD) corrupt("no zip64 end record");
    count = u64(record + 32);
    centralOffset = u64(record + 48);
  }
  if (count > limits.maxEntries) {
    throw new ArchiveLimitError({ fileName, limit: "entries", value: limits.maxEntries });
  }

  const entries = new Map<string, ZipEntry>();
  let at = centralOffset;
  for (let index = 0; index < count; index += 1) {
    if (u32(at) !== CENTRAL) corrupt("bad central directory");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(nameBytes);
    // Zip64 sizes and offset live in extra field 0x0001, in this order, for those set to 0xFFFFFFFF.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(field);
      }
      extra += 4 + length;
    }
    if (entries.has(name)) corrupt(`duplicate entry ${name}`);
    entries.set(name, { name, method, flags, compressedSize, declaredSize: size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries.values()) {
    if (!options.wanted(entry.name) || entry.name.endsWith("/")) continue;
    if (entry.flags & 0x1) corrupt(`encrypted entry ${entry.name}`);
    if (entry.declaredSize > limits.maxEntryBytes) {
      throw new ArchiveLimitError({ fileName, limit: "entryBytes", value: limits.maxEntryBytes });
    }
    if (u32(entry.localOffset) !== LOCAL) corrupt(`bad local header for ${entry.name}`);
    const start = entry.localOffset + 30 + u16(entry.localOffset + 26) + u16(entry.localOffset + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) corrupt(`entry ${entry.name} runs past the end`);
    const data = bytes.subarray(start, end);
    const observe = options.observe?.(entry.name);
    const parts: Uint8Array[] = [];
    let size = 0;
    let pushed = 0;
    const accept = (chunk: Uint8Array) => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) {
        throw new ArchiveLimitError({ fileName, limit: "entryBytes", value: limits.maxEntryBytes });
      }
      if (total > limits.maxTotalBytes) {
        throw new ArchiveLimitError({ fileName, limit: "totalBytes", value: limits.maxTotalBytes });
      }
      if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(pushed, 1)) {
        throw new ArchiveLimitError({ fileName, limit: "ratio", value: limits.maxRatio });
      }
      observe?.(chunk);
      if (chunk.length > 0) parts.push(chunk);
    };
    if (entry.method === 0) {
      pushed = data.length;
      accept(data);
    } else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => accept(chunk));
      try {
        do {
          const next = data.subarray(pushed, pushed + PUSH_BYTES);
          pushed += next.length;
          inflater.push(next, pushed >= data.length);
        } while (pushed < data.length);
      } catch (error) {
        if (error instanceof IngestError) throw error;
        corrupt(`entry ${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      corrupt(`entry ${entry.name} uses compression method ${entry.method}`);
    }
    out.set(entry.name, concat(parts, size));
  }
  return out;
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
