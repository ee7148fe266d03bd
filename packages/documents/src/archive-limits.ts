import { IngestError } from "./ingest-error.js";

/** Limits on what a zip-based upload (.docx, .pptx, .xlsx) may expand to; checked while inflating. */
export interface ArchiveLimits {
  /** Entries in the archive's central directory. */
  readonly maxEntries: number;
  /** Inflated bytes of any one entry that is read. */
  readonly maxEntryBytes: number;
  /** Inflated bytes of all entries read together. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed bytes of an entry, once it has passed `ratioFloorBytes`. */
  readonly maxRatio: number;
  /** Below this many inflated bytes an entry's ratio is not judged (tiny XML parts compress well). */
  readonly ratioFloorBytes: number;
  /** Cells (`<c>`) over all sheets of a workbook. */
  readonly maxCells: number;
  /** Rows (`<row>`) over all sheets of a workbook. */
  readonly maxRows: number;
}

const MiB = 1024 * 1024;

/**
 * The default limits: generous for office files staff write (a 20 MB upload of ordinary XML
 * inflates 5–20 times), far below what would exhaust the ingestion worker's memory.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 160 * MiB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxCells: 400_000,
  maxRows: 200_000,
};

/** Which limit an archive passed. */
export type ArchiveLimit = "entries" | "entryBytes" | "totalBytes" | "ratio" | "cells" | "rows";

const describe: Record<ArchiveLimit, (limit: number) => { en: string; ja: string }> = {
  entries: (n) => ({
    en: `more than ${n} entries`,
    ja: `ファイル内の要素が${n.toLocaleString("ja-JP")}個を超えています`,
  }),
  entryBytes: (n) => ({
    en: `an entry expands past ${n} bytes`,
    ja: `展開後の要素が${n / MiB}MBを超えています`,
  }),
  totalBytes: (n) => ({
    en: `expands past ${n} bytes in total`,
    ja: `展開後の合計が${n / MiB}MBを超えています`,
  }),
  ratio: (n) => ({
    en: `an entry is compressed more than ${n}:1`,
    ja: `圧縮率が異常に高い要素があります（${n}倍超）`,
  }),
  cells: (n) => ({ en: `more than ${n} cells`, ja: `セルが${n.toLocaleString("ja-JP")}個を超えています` }),
  rows: (n) => ({ en: `more than ${n} rows`, ja: `行が${n.toLocaleString("ja-JP")}行を超えています` }),
};

/**
 * An upload that would expand past an {@link ArchiveLimits} value; inflation stopped when it was
 * passed. An {@link IngestError} with code `ARCHIVE_LIMIT`, so the job's file status shows
 * `messageJa`.
 *
 * @example
 * const error = new ArchiveLimitError({ fileName: "名簿.xlsx", limit: "cells", value: 400_000 });
 * error.messageJa; // => "名簿.xlsx: 展開すると上限を超える…（セルが400,000個を超えています）"
 */
export class ArchiveLimitError extends IngestError {
  readonly limit: ArchiveLimit;
  /** The limit's value that was passed. */
  readonly value: number;

  constructor(options: { fileName: string; limit: ArchiveLimit; value: number }) {
    const text = describe[options.limit](options.value);
    super({ code: "ARCHIVE_LIMIT", fileName: options.fileName, detail: text.en, detailJa: text.ja });
    this.limit = options.limit;
    this.value = options.value;
  }
}

const LT = 0x3c;
const C = 0x63;
const ROW = (0x72 << 16) | (0x6f << 8) | 0x77;

/**
 * Counts the cells and rows of a workbook's sheet parts as they are inflated, throwing
 * {@link ArchiveLimitError} as soon as either passes its limit: a sheet of millions of tiny cells
 * stays under the byte limits but would still take gigabytes once loaded. Tags may carry a
 * namespace prefix (`<x:c>`); a tag split across two chunks is counted once.
 *
 * @param fileName - for the error
 * @param limits - `maxCells`, `maxRows`
 * @returns an observer factory for `readZip`: one counter per sheet part, totals shared
 * @example
 * const observe = workbookCellCounter("名簿.xlsx", DEFAULT_ARCHIVE_LIMITS);
 * observe("xl/worksheets/sheet1.xml")?.(bytes); // throws past 400,000 cells
 */
export function workbookCellCounter(
  fileName: string,
  limits: Pick<ArchiveLimits, "maxCells" | "maxRows">,
): (name: string) => ((chunk: Uint8Array) => void) | undefined {
  let cells = 0;
  let rows = 0;
  return (name) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return undefined;
    let inName = false;
    let local = 0;
    let localLength = 0;
    return (chunk) => {
      let i = 0;
      while (i < chunk.length) {
        if (!inName) {
          const next = chunk.indexOf(LT, i);
          if (next < 0) return;
          inName = true;
          local = 0;
          localLength = 0;
          i = next + 1;
          continue;
        }
        const b = chunk[i] ?? 0;
        i += 1;
        if (b === 0x3a) {
          local = 0;
          localLength = 0;
        } else if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) {
          inName = false;
          if (localLength === 1 && local === C) {
            cells += 1;
            if (cells > limits.maxCells)
              throw new ArchiveLimitError({ fileName, limit: "cells", value: limits.maxCells });
          } else if (localLength === 3 && local === ROW) {
            rows += 1;
            if (rows > limits.maxRows)
              throw new ArchiveLimitError({ fileName, limit: "rows", value: limits.maxRows });
          }
        } else {
          local = ((local << 8) | b) & 0xffffff;
          localLength += 1;
        }
      }
    };
  };
}
