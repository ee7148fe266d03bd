import ExcelJS from "exceljs";
import { IngestError } from "./ingest-error.js";
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
 * @param options - `fileName` for errors, `maxChars`: the largest section (usually the folder's chunk size)
 * @returns sections with `{ kind: "sheet", sheet, fromRow, toRow }` locators in sheet row numbers
 * @throws IngestError `CORRUPT` when the workbook cannot be read
 * @example
 * await parseXlsx(bytes, { fileName: "名簿.xlsx", maxChars: 800 });
 * // => [{ text: "課 | 内線\n総務課 | 1001", locator: { kind: "sheet", sheet: "内線表", fromRow: 2, toRow: 2 }, … }]
 */
export async function parseXlsx(
  bytes: Uint8Array,
  options: { fileName: string; maxChars: number },
): Promise<ParsedSection[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
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
