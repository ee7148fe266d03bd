/** Stable codes of {@link ZenginError}; safe to branch on. */
export type ZenginErrorCode =
  | "INVALID_INPUT"
  | "NOT_A_BANK_DAY"
  | "ZENGIN_TRUNCATED"
  | "ZENGIN_RECORD_LENGTH"
  | "ZENGIN_RECORD_ORDER"
  | "ZENGIN_INVALID_FIELD"
  | "ZENGIN_TRAILER_MISMATCH"
  | "ZENGIN_ENCODING";

/** Options of a {@link ZenginError}. */
export interface ZenginErrorOptions {
  /** The message for clerks, in Japanese. */
  readonly messageJa?: string;
  /** Structured facts about the failure. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The error class of @ward/zengin: a stable `code`, an English message prefixed with the package
 * name, a Japanese `messageJa` for clerks and structured `details`.
 *
 * @example
 * try { writeZenginTransferFile(header, records); } catch (e) {
 *   if (e instanceof ZenginError && e.code === "NOT_A_BANK_DAY") showToClerk(e.messageJa);
 * }
 */
export class ZenginError extends Error {
  override readonly name: string = "ZenginError";
  readonly code: ZenginErrorCode;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ZenginErrorCode, message: string, options: ZenginErrorOptions = {}) {
    super(`@ward/zengin: ${message}`);
    this.code = code;
    this.messageJa = options.messageJa ?? message;
    this.details = Object.freeze({ ...options.details });
  }
}

/**
 * A Zengin file that cannot be read or written: names the 1-based record number and the field (in
 * Japanese, as the Zengin layout names it) where the problem is.
 *
 * @example
 * err.code; // => "ZENGIN_TRAILER_MISMATCH"
 * err.recordNumber; // => 5
 * err.field; // => "合計金額"
 * err.messageJa; // => "レコード5の「合計金額」：合計金額…"
 */
export class ZenginFileError extends ZenginError {
  override readonly name = "ZenginFileError";
  /** 1-based record number in the file, or undefined for the file as a whole. */
  readonly recordNumber: number | undefined;
  /** The Zengin field name, e.g. `受取人名`. */
  readonly field: string | undefined;

  constructor(
    code: ZenginErrorCode,
    message: string,
    options: ZenginErrorOptions & { readonly recordNumber?: number; readonly field?: string } = {},
  ) {
    const where = [
      options.recordNumber === undefined ? undefined : `レコード${options.recordNumber}`,
      options.field === undefined ? undefined : `「${options.field}」`,
    ]
      .filter((part) => part !== undefined)
      .join("の");
    const ja = options.messageJa ?? message;
    super(
      code,
      `${message}${options.recordNumber === undefined ? "" : ` (record ${options.recordNumber})`}`,
      {
        messageJa: where === "" ? ja : `${where}：${ja}`,
        details: { ...options.details, recordNumber: options.recordNumber, field: options.field },
      },
    );
    this.recordNumber = options.recordNumber;
    this.field = options.field;
  }
}

/** A clerk-facing finding about one field of a form: an error blocks, a warning only informs. */
export interface FieldIssue {
  /** `error` blocks the registration or import; `warning` does not. */
  readonly severity: "error" | "warning";
  /** Stable machine code, e.g. `UNKNOWN_BANK`. */
  readonly code: string;
  /** The field, as the clerk's form names it (Japanese), e.g. `口座番号`. */
  readonly field: string;
  /** Why, in Japanese. */
  readonly message: string;
}
