import ExcelJS from "exceljs";

/** A column of a clerk's sheet. */
export interface SheetColumn {
  readonly header: string;
  readonly width: number;
  /** `yen` and `count` columns get `#,##0` and right alignment. */
  readonly kind?: "text" | "yen" | "count";
}

/** One printed row; `emphasis` marks subtotal (light fill, bold) and total (darker fill, bold) rows. */
export interface SheetRow {
  readonly values: readonly (string | number | null)[];
  readonly emphasis?: "subtotal" | "total";
}

/** Options of {@link addClerkSheet}. */
export interface ClerkSheetOptions {
  readonly name: string;
  readonly title: string;
  /** Right under the title: period, creation date. */
  readonly subtitle: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
}

const YEN_FORMAT = "#,##0";
const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SUBTOTAL_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF2F2F2" } };
const TOTAL_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFD9D9D9" } };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFDDEBF7" } };

/**
 * Adds a sheet laid out the way clerks print it: title and subtitle rows, a header row, bordered
 * cells, `#,##0` amounts, bold shaded subtotal/total rows; A4 landscape, fit to one page wide,
 * rows 1–3 repeated on every printed page, header frozen.
 */
function addClerkSheet(workbook: ExcelJS.Workbook, o: ClerkSheetOptions): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(o.name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:3",
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&P / &N ページ" },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  sheet.columns = o.columns.map((c) => ({ width: c.width }));
  const last = o.columns.length;
  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = o.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, last);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = o.subtitle;
  subtitle.alignment = { horizontal: "right" };
  const header = sheet.getRow(3);
  o.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  for (const r of o.rows) {
    const row = sheet.addRow([...r.values]);
    for (let i = 0; i < last; i += 1) {
      const cell = row.getCell(i + 1);
      const kind = o.columns[i]?.kind ?? "text";
      cell.border = BORDER;
      if (kind !== "text") {
        cell.numFmt = YEN_FORMAT;
        cell.alignment = { horizontal: "right" };
      }
      if (r.emphasis) {
        cell.font = { bold: true };
        cell.fill = r.emphasis === "total" ? TOTAL_FILL : SUBTOTAL_FILL;
      }
    }
  }
  return sheet;
}

/**
 * A workbook (creator `@ward/treasury`) of one {@link addClerkSheet} per entry, as .xlsx bytes.
 *
 * @example
 * await writeClerkWorkbook([{ name: "集計", title: "集計表", subtitle: "作成日 令和7年7月2日", columns, rows }]);
 */
export async function writeClerkWorkbook(sheets: readonly ClerkSheetOptions[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "@ward/treasury";
  for (const sheet of sheets) addClerkSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
