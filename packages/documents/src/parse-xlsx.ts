import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS, workbookCellCounter } from "./archive-limits.js";
import { IngestError } from "./ingest-error.js";
import { readZip } from "./internal/read-zip.js";
import { type TableRow, tableSections } from "./internal/table-sections.js";
import type { ParsedSection } from "./parsed-document.js";

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
}

/** The text a clerk sees in a cell: formula results, rich text, hyperlinks' text, dates as ISO dates. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ("hyperlink" in value) return String(value.text ?? value.hyperlink);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * Parses an Excel .xlsx workbook (exceljs) into sections per sheet of consecutive rows, each
 * starting with the sheet's header row (its first non-empty row), sized to at most `maxChars`.
 *
 * @param bytes - the .xlsx file
 * @param options - `fileName` for errors, `maxChars`: the largest section (usually the folder's
 * chunk size), `limits`: what the zip may expand to and the cells and rows it may hold, checked
 * while inflating ({@link DEFAULT_ARCHIVE_LIMITS})
 * @returns sections with `{ kind: "sheet", sheet, fromRow, toRow }` locators in sheet row numbers
 * @throws IngestError `CORRUPT` when the workbook cannot be read; ArchiveLimitError
 * (`ARCHIVE_LIMIT`) when it would expand past a limit
 * @example
 * await parseXlsx(bytes, { fileName: "名簿.xlsx", maxChars: 800 });
 * // => [{ text: "課 | 内線\n総務課 | 1001", locator: { kind: "sheet", sheet: "内線表", fromRow: 2, toRow: 2 }, … }]
 */
export async function parseXlsx(
  bytes: Uint8Array,
  options: { fileName: string; maxChars: number; limits?: ArchiveLimits },
): Promise<ParsedSection[]> {
  const limits = options.limits ?? DEFAULT_ARCHIVE_LIMITS;
  // exceljs inflates and loads everything with no limit: it gets only the XML parts, inflated
  // within the limits (cells and rows counted on the way) and stored uncompressed.
  const parts = readZip(bytes, {
    fileName: options.fileName,
    limits,
    wanted: (name) => name.endsWith(".xml") || name.endsWith(".rels"),
    observe: workbookCellCounter(options.fileName, limits),
  });
  const stored = zipSync(Object.fromEntries(parts), { level: 0 });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) as never);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError({ code: "CORRUPT", fileName: options.fileName, detail, cause: error });
  }
  const sections: ParsedSection[] = [];
  for (const sheet of workbook.worksheets) {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1)
        cells.push(cellText(row.getCell(column).value));
      rows.push({ row: rowNumber, cells });
    });
    const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cell.trim() !== ""));
    sections.push(
      ...tableSections({
        header: rows[headerIndex],
        rows: headerIndex < 0 ? [] : rows.slice(headerIndex + 1),
        maxChars: options.maxChars,
        locate: (fromRow, toRow) => ({ kind: "sheet", sheet: sheet.name, fromRow, toRow }),
      }),
    );
  }
  return sections;
}
