/** A clerk-facing error of a CSV import: which line, which column, why (Japanese). */
export interface CsvImportError {
  /** 1-based line in the file (the header is line 1); 0 for the file as a whole (encoding). */
  readonly line: number;
  /** The column as the header names it, or undefined for the whole line or file. */
  readonly column: string | undefined;
  /** The offending value, if any. */
  readonly value?: string;
  readonly message: string;
}

/** A whole-file CSV import: every row, or every error — never part of a file. */
export type CsvImport<T> =
  | { readonly ok: true; readonly rows: readonly (T & { readonly line: number })[] }
  | { readonly ok: false; readonly errors: readonly CsvImportError[] };
