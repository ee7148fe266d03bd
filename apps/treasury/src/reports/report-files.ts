import { type CsvExportEncoding, csvBytes } from "../internal/csv-bytes.js";
import { openTreasuryPdf } from "../internal/treasury-pdf.js";
import { writeClerkWorkbook } from "../internal/xlsx-sheet.js";
import type { ReportSection } from "./work-report.js";

/** A titled set of tables, written as Excel or PDF. */
export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
}

const cell = (v: string | number | null, kind: string | undefined) =>
  v === null ? "" : typeof v === "number" && kind !== "text" ? v.toLocaleString("ja-JP") : String(v);

/**
 * The report as a workbook: one clerk sheet per section (title, subtitle, bordered table, `#,##0`, A4).
 *
 * @example
 * await writeFile("nippo.xlsx", await writeReportWorkbook(workReport(data, "daily")));
 */
export async function writeReportWorkbook(report: ReportDocument): Promise<Uint8Array> {
  return writeClerkWorkbook(
    report.sections.map((s) => ({
      name: s.name,
      title: `${report.title}　${s.caption}`,
      subtitle: report.subtitle,
      columns: s.columns,
      rows: s.rows,
    })),
  );
}

/**
 * The report as an A4 PDF (the bundled Noto Sans JP, or `fontPath` / `WARD_PDF_FONT`, embedded as a
 * subset): title, subtitle, each section as a table; Excel widths (characters) become points.
 *
 * @throws TreasuryError `PDF_FONT_UNREADABLE` when `fontPath` (or `WARD_PDF_FONT`) is missing or not a font
 * @example
 * await writeFile("nippo.pdf", await writeReportPdf(workReport(data, "daily")));
 */
export async function writeReportPdf(
  report: ReportDocument,
  options: { readonly fontPath?: string } = {},
): Promise<Uint8Array> {
  const doc = await openTreasuryPdf({ title: report.title, ...options });
  doc.text(report.title, { size: 18, center: true, gap: 30 });
  doc.text(report.subtitle, { size: 9, right: true, gap: 24 });
  for (const s of report.sections) {
    doc.text(s.caption, { size: 12, gap: 20 });
    const total = s.columns.reduce((sum, c) => sum + c.width, 0);
    doc.table(
      s.columns.map((c) => ({
        header: c.header,
        width: (c.width / total) * 480,
        align: c.kind === undefined || c.kind === "text" ? "left" : "right",
      })),
      s.rows.map((r) => r.values.map((v, i) => cell(v, s.columns[i]?.kind))),
    );
  }
  return doc.save();
}

/**
 * One section as CSV (UTF-8 with BOM or Shift_JIS; a character Shift_JIS lacks is a `CsvError`, never `?`).
 *
 * @example
 * writeSectionCsv(failedTransferReport(list).sections[0], "shift_jis");
 */
export function writeSectionCsv(section: ReportSection, encoding: CsvExportEncoding = "utf-8"): Uint8Array {
  return csvBytes(
    section.columns.map((c) => c.header),
    section.rows.map((r) => r.values),
    encoding,
  );
}
