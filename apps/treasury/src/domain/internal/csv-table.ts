import { CsvError, decodeCsv, parseCsv } from "@ward/csv-jp";
import type { CsvImport, CsvImportError } from "../csv-import-error.js";
import { parseYen } from "./parse-yen.js";
import { readDate } from "./read-date.js";

/** What a cell reader returns: the value, or why not (Japanese). */
export type CellRead<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };
/** Reads one trimmed cell. */
export type CellReader<T> = (text: string) => CellRead<T>;

/** The row handed to a row builder: `read` a column, record errors, get the value. */
export interface CsvRow {
  readonly line: number;
  /** The value, or `undefined as T` after recording an error (the row is then discarded). */
  read<T>(column: string, reader: CellReader<T>): T;
}

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const no = (message: string): CellRead<never> => ({ ok: false, message });

/** Text of 1..max characters. */
export const textCell =
  (label: string, max: number): CellReader<string> =>
  (t) =>
    t === "" ? no(`${label}がありません`) : t.length > max ? no(`${label}は${max}文字以内です`) : ok(t);

/** Text of 0..max characters. */
export const optionalTextCell =
  (label: string, max: number): CellReader<string> =>
  (t) =>
    t.length > max ? no(`${label}は${max}文字以内です`) : ok(t);

/** A code matching `pattern`. */
export const codeCell =
  (pattern: RegExp, message: string): CellReader<string> =>
  (t) =>
    pattern.test(t) ? ok(t) : no(message);

/** `YYYY-MM-DD` or `YYYY/M/D`, as ISO. */
export const dateCell =
  (label: string): CellReader<string> =>
  (t) => {
    const d = readDate(t);
    return d ? ok(d.iso) : no(`${label}が日付（YYYY-MM-DD）として正しくありません`);
  };

/** Whole yen ≥ 1 (`12345`, `1,234`, `¥1,234`, `１２３４円`). */
export const yenCell: CellReader<number> = (t) => {
  const amount = parseYen(t);
  if (!amount.ok) return no(amount.message);
  if (amount.value <= 0) return no("金額は1円以上です");
  if (amount.value > 99_999_999_999) return no("金額が大きすぎます（999億円まで）");
  return ok(amount.value);
};

/** One of the labels of `choices` (label → value). */
export const choiceCell =
  <T>(label: string, choices: ReadonlyMap<string, T>): CellReader<T> =>
  (t) => {
    const v = choices.get(t);
    return v === undefined ? no(`${label}は「${[...choices.keys()].join("」「")}」のいずれかです`) : ok(v);
  };

/** Options of {@link readCsvTable}. */
export interface CsvTableOptions {
  /** The header row, exactly (trimmed cells). */
  readonly columns: readonly string[];
  /** A column whose value must be unique within the file. */
  readonly uniqueColumn?: string;
  /** What one row is, for messages: `支出命令`. */
  readonly noun: string;
  /** Stop collecting after this many errors; 1,000 by default. */
  readonly maxErrors?: number;
}

/**
 * Reads a CSV file (UTF-8 or Shift_JIS, detected, through `@ward/csv-jp`) whole or not at all: the header
 * must be exactly `columns`, every row the same width, and `build` reads each row's cells; any error anywhere
 * rejects the file with every error found (line, column, value, Japanese message).
 */
export function readCsvTable<T>(
  bytes: Uint8Array,
  options: CsvTableOptions,
  build: (row: CsvRow) => T,
): CsvImport<T> {
  const max = options.maxErrors ?? 1000;
  const errors: CsvImportError[] = [];
  const fail = (e: CsvImportError) => {
    if (errors.length < max) errors.push(e);
  };
  let text: string;
  try {
    const decoded = decodeCsv(bytes);
    if (decoded.encoding !== "utf-8" && decoded.encoding !== "shift_jis")
      return fileError(0, "UTF-16のファイルです。UTF-8またはShift_JISのCSVで保存してください");
    text = decoded.text;
  } catch (error) {
    if (error instanceof CsvError) return fileError(0, error.messageJa);
    throw error;
  }
  const { records, errors: syntax } = parseCsv(text);
  for (const e of syntax) fail({ line: e.line, column: undefined, message: e.messageJa });
  const [header, ...body] = records;
  const expected = options.columns.join(",");
  if (header === undefined) return fileError(1, "ファイルにデータがありません（見出し行もありません）");
  if (header.cells.map((c) => c.trim()).join(",") !== expected)
    return fileError(header.line, `見出し行が正しくありません。見出しは「${expected}」です`);
  if (body.length === 0 && errors.length === 0) return fileError(2, `${options.noun}のデータ行がありません`);
  const width = options.columns.length;
  const unique = options.uniqueColumn === undefined ? -1 : options.columns.indexOf(options.uniqueColumn);
  const seen = new Map<string, number>();
  const rows: (T & { line: number })[] = [];
  for (const record of body) {
    const { line, cells } = record;
    if (cells.length !== width) {
      fail({ line, column: undefined, message: `列の数が違います（${cells.length}列、${width}列必要です）` });
      continue;
    }
    const before = errors.length;
    if (unique >= 0) {
      const key = (cells[unique] ?? "").trim();
      const first = seen.get(key);
      if (first !== undefined && key !== "")
        fail({ line, column: options.uniqueColumn, value: key, message: `${first}行目と重複しています` });
      else seen.set(key, line);
    }
    const row: CsvRow = {
      line,
      read<V>(column: string, reader: CellReader<V>): V {
        const value = (cells[options.columns.indexOf(column)] ?? "").trim();
        const r = reader(value);
        if (r.ok) return r.value;
        fail({ line, column, value, message: r.message });
        return undefined as V;
      },
    };
    const built = build(row);
    if (errors.length === before) rows.push({ ...built, line });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function fileError(line: number, message: string): CsvImport<never> {
  return { ok: false, errors: [{ line, column: undefined, message }] };
}
