import type { Locator } from "@ward/search-ja";
import type { ParsedSection } from "../parsed-document.js";

export interface TableRow {
  /** 1-based row number as the spreadsheet (or the CSV record count) shows it. */
  readonly row: number;
  readonly cells: readonly string[];
}

function line(cells: readonly string[]): string {
  return cells.map((cell) => cell.replace(/\s+/g, " ").trim()).join(" | ");
}

/**
 * Groups table rows into sections of at most `maxChars` characters (a longer single row stands
 * alone), each starting with the header row so every chunk can be read on its own.
 */
export function tableSections(options: {
  readonly header: TableRow | undefined;
  readonly rows: readonly TableRow[];
  readonly maxChars: number;
  readonly locate: (fromRow: number, toRow: number) => Locator;
}): ParsedSection[] {
  const { header, rows, maxChars, locate } = options;
  const headerLine = header === undefined ? "" : line(header.cells);
  const sections: ParsedSection[] = [];
  let lines: string[] = [];
  let size = headerLine.length;
  let fromRow = 0;
  let toRow = 0;
  const flush = (): void => {
    if (lines.length === 0) return;
    const text = headerLine === "" ? lines.join("\n") : `${headerLine}\n${lines.join("\n")}`;
    sections.push({ text, locator: locate(fromRow, toRow), noTextLayer: false });
    lines = [];
    size = headerLine.length;
  };
  for (const row of rows) {
    const rowLine = line(row.cells);
    if (rowLine.replace(/[ |]/g, "") === "") continue;
    if (lines.length > 0 && size + 1 + rowLine.length > maxChars) flush();
    if (lines.length === 0) fromRow = row.row;
    lines.push(rowLine);
    size += 1 + rowLine.length;
    toRow = row.row;
  }
  flush();
  if (sections.length === 0 && header !== undefined && headerLine.replace(/[ |]/g, "") !== "") {
    sections.push({ text: headerLine, locator: locate(header.row, header.row), noTextLayer: false });
  }
  return sections;
}
