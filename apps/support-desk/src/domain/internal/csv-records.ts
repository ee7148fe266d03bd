/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes as `""` and line
 * breaks). Each record keeps its 1-based record number, which is the row a spreadsheet shows.
 */
export function csvRecords(text: string): { row: number; cells: string[] }[] {
  const records: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endRecord = (): void => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0] === "")) records.push({ row: records.length + 1, cells });
    else records.push({ row: records.length + 1, cells: [] });
    cells = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        field += char;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ",") {
      cells.push(field);
      field = "";
      fieldStarted = false;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== "" || cells.length > 0 || fieldStarted) endRecord();
  return records;
}
