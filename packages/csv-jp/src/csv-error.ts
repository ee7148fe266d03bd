/** Stable codes carried by every {@link CsvError}. */
export type CsvErrorCode =
  /** A character has no form in the target encoding (Shift_JIS). */
  | "UNENCODABLE_CHARACTER"
  /** The bytes are not text in the requested (or any detectable) encoding. */
  | "UNDECODABLE_BYTES"
  /** A cell value cannot be written (a non-finite number). */
  | "INVALID_CELL"
  /** An option is not one this package knows. */
  | "INVALID_OPTION";

/** Where in the text an error is: a 0-based UTF-16 `index`, and the 1-based `line` and `column` (characters). */
export interface CsvTextPosition {
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

/**
 * The one error class of `@ward/csv-jp`: a stable `code`, an English message prefixed with the package
 * name, `messageJa`, the same in Japanese for the clerk, and `details` — `@ward/calendar-jp`'s
 * `WardErrorShape`, repeated structurally because this package does not depend on it (`csv-error.test.ts`).
 *
 * @example
 * try {
 *   encodeCsv("①②🍣", { encoding: "shift_jis" });
 * } catch (error) {
 *   if (error instanceof CsvError) error.code; // => "UNENCODABLE_CHARACTER"
 *   if (error instanceof CsvError) error.messageJa; // => "1行目3文字目の「🍣」（U+1F363）はShift_JISで表せません"
 * }
 */
export class CsvError extends Error {
  override readonly name = "CsvError";
  readonly code: CsvErrorCode;
  /** The message in Japanese, for clerk-facing screens. */
  readonly messageJa: string;
  /** The offending character, for `UNENCODABLE_CHARACTER`. */
  readonly character?: string;
  /** Where the offending character or byte is. */
  readonly position?: CsvTextPosition;
  /** `character` and `position` as one record: the `WardErrorShape` every `@ward` package error has. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: CsvErrorCode,
    messages: { readonly en: string; readonly ja: string },
    details: {
      readonly character?: string;
      readonly position?: CsvTextPosition;
      readonly cause?: unknown;
    } = {},
  ) {
    super(`@ward/csv-jp: ${messages.en}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.messageJa = messages.ja;
    if (details.character !== undefined) this.character = details.character;
    if (details.position !== undefined) this.position = details.position;
    this.details = Object.freeze({
      ...(details.character === undefined ? {} : { character: details.character }),
      ...(details.position === undefined ? {} : { position: details.position }),
    });
  }
}
