/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** A structural CSV error (RFC 4180). */
export interface CsvSyntaxError {
  readonly line: number;
  readonly message: string;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" escapes a quote,
 * quoted fields may hold commas and line breaks), records ended by CRLF (LF alone is tolerated).
 * Empty lines are skipped. A quote inside an unquoted field or text after a closing quote is an error.
 */
export function parseCsv(text: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const length = text.length;
  let line = 1;
  let i = 0;
  while (i < length) {
    const startLine = line;
    const fields: string[] = [];
    let broken = false;
    // Skip an empty line.
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    for (;;) {
      if (i < length && text.charCodeAt(i) === QUOTE) {
        i++;
        let value = "";
        let chunk = i;
        for (;;) {
          if (i >= length) {
            errors.push({ line: startLine, message: '引用符（"）が閉じられていません' });
            broken = true;
            break;
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(chunk, i + 1);
              i += 2;
              chunk = i;
              continue;
            }
            value += text.slice(chunk, i);
            i++;
            break;
          }
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
          i++;
        }
        if (broken) break;
        fields.push(value);
        const next = i < length ? text.charCodeAt(i) : LF;
        if (next !== COMMA && next !== CR && next !== LF) {
          errors.push({ line: startLine, message: "引用符で囲まれた項目の後に余分な文字があります" });
          broken = true;
          break;
        }
      } else {
        const start = i;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) {
            errors.push({ line: startLine, message: '引用符で囲まれていない項目に引用符（"）があります' });
            broken = true;
            break;
          }
          i++;
        }
        if (broken) break;
        fields.push(text.slice(start, i));
      }
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // End of record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (broken) {
      // Resynchronise at the next line break so later lines are still checked.
      while (i < length && text.charCodeAt(i) !== LF) i++;
      if (i < length) {
        i++;
        line++;
      }
      continue;
    }
    records.push({ line: startLine, fields });
  }
  return { records, errors };
}
