/** One CSV record. */
export interface CsvRecord {
  /** The 1-based physical line the record starts on (a quoted field may run over several lines). */
  readonly line: number;
  /** The 1-based row a spreadsheet shows it on: blank lines count, a multi-line record is one row. */
  readonly row: number;
  readonly cells: string[];
}

/** Stable codes of {@link CsvSyntaxError}. */
export type CsvSyntaxErrorCode = "UNTERMINATED_QUOTE" | "STRAY_QUOTE" | "TEXT_AFTER_QUOTE";

/** A structural (RFC 4180) error of one record. */
export interface CsvSyntaxError {
  readonly code: CsvSyntaxErrorCode;
  /** The 1-based line the broken record starts on. */
  readonly line: number;
  /** The 1-based cell (field) number within the record, as a spreadsheet column counts. */
  readonly column: number;
  /** English, prefixed `@ward/csv-jp:`. */
  readonly message: string;
  /** Japanese, for the clerk: the bare description, to show beside the line number. */
  readonly messageJa: string;
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /**
   * What to do with a record that has a syntax error. `false` (default): report it and leave the
   * record out. `true`: report it and keep the record as a lenient reader would — a stray quote is
   * kept as text, text after a closing quote is appended, an unterminated quote runs to the end.
   */
  readonly lenient?: boolean;
}

/** The result of {@link parseCsv}: every readable record and every syntax error. */
export interface ParsedCsv {
  readonly records: CsvRecord[];
  readonly errors: CsvSyntaxError[];
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

const MESSAGES: Readonly<Record<CsvSyntaxErrorCode, readonly [string, string]>> = {
  UNTERMINATED_QUOTE: ["a quoted field is not closed", '引用符（"）が閉じられていません'],
  STRAY_QUOTE: ["a quote inside an unquoted field", '引用符で囲まれていない項目に引用符（"）があります'],
  TEXT_AFTER_QUOTE: [
    "text after the closing quote of a field",
    "引用符で囲まれた項目の後に余分な文字があります",
  ],
};

function syntaxError(code: CsvSyntaxErrorCode, line: number, column: number): CsvSyntaxError {
  const [en, ja] = MESSAGES[code];
  return {
    code,
    line,
    column,
    message: `@ward/csv-jp: ${en} (line ${line}, column ${column})`,
    messageJa: ja,
  };
}

/**
 * Parses RFC 4180 CSV text: comma-separated cells, optionally in double quotes (`""` is a quote;
 * quoted cells may hold commas and line breaks); records end with CRLF, LF or CR, the last one
 * optionally. Blank lines are skipped (but counted in `line` and `row`). A BOM is not expected —
 * {@link decodeCsv} removes it. Syntax errors do not throw: they are listed with the line the record
 * starts on, and reading goes on at the next line.
 *
 * @param text - the CSV text
 * @param options - `lenient` (`false`): keep broken records too
 * @returns the records and the syntax errors
 * @example
 * parseCsv('課,メモ\r\n総務課,"1行目\r\n2行目"\r\n人事課,a"b\r\n');
 * // => {
 * //   records: [{ line: 1, row: 1, cells: ["課", "メモ"] }, { line: 2, row: 2, cells: ["総務課", "1行目\r\n2行目"] }],
 * //   errors: [{ code: "STRAY_QUOTE", line: 4, column: 2, message: "@ward/csv-jp: a quote inside an unquoted field (line 4, column 2)",
 * //              messageJa: '引用符で囲まれていない項目に引用符（"）があります' }],
 * // }
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const lenient = options.lenient === true;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const length = text.length;
  let line = 1;
  let row = 0;
  let i = 0;
  while (i < length) {
    const startLine = line;
    row++;
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const cells: string[] = [];
    let broken = false;
    const fail = (code: CsvSyntaxErrorCode): void => {
      if (!broken) errors.push(syntaxError(code, startLine, cells.length + 1));
      broken = true;
    };
    for (;;) {
      let value: string;
      if (i < length && text.charCodeAt(i) === QUOTE) {
        i++;
        value = "";
        let chunk = i;
        for (;;) {
          if (i >= length) {
            fail("UNTERMINATED_QUOTE");
            value += text.slice(chunk, i);
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
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        if (i < length) {
          const next = text.charCodeAt(i);
          if (next !== COMMA && next !== CR && next !== LF) {
            fail("TEXT_AFTER_QUOTE");
            if (!lenient) break;
            const start = i;
            i = endOfUnquoted(text, i);
            value += text.slice(start, i);
          }
        }
      } else {
        const start = i;
        i = endOfUnquoted(text, i);
        value = text.slice(start, i);
        if (value.includes('"')) {
          fail("STRAY_QUOTE");
          if (!lenient) break;
        }
      }
      cells.push(value);
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (broken && !lenient) {
      // Resynchronise at the next line break so later lines are still checked.
      while (i < length && text.charCodeAt(i) !== LF) i++;
      if (i < length) {
        i++;
        line++;
      }
      continue;
    }
    records.push({ line: startLine, row, cells });
  }
  return { records, errors };
}

function endOfUnquoted(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CR || c === LF) break;
    i++;
  }
  return i;
}
