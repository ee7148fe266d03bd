/** Why a file could not be ingested. */
export type IngestErrorCode =
  | "UNSUPPORTED_TYPE"
  | "ENCRYPTED"
  | "CORRUPT"
  | "EMPTY_FILE"
  | "ARCHIVE_LIMIT"
  | "TOO_MANY_PAGES";

const reasons: Record<IngestErrorCode, { en: string; ja: string }> = {
  UNSUPPORTED_TYPE: {
    en: "this file type is not supported (use text, Markdown, Word .docx, PDF, PowerPoint .pptx, Excel .xlsx or CSV)",
    ja: "このファイル形式には対応していません（テキスト、Markdown、Word(.docx)、PDF、PowerPoint(.pptx)、Excel(.xlsx)、CSV を登録してください）",
  },
  ENCRYPTED: {
    en: "the file is password-protected; remove the password and upload it again",
    ja: "ファイルがパスワードで保護されています。パスワードを解除してから登録し直してください",
  },
  CORRUPT: {
    en: "the file is damaged or not what its name says; open and save it again, then upload it",
    ja: "ファイルが破損しているか、拡張子と中身が一致しません。元のアプリで開いて保存し直してから登録してください",
  },
  EMPTY_FILE: {
    en: "the file is empty",
    ja: "ファイルが空です",
  },
  ARCHIVE_LIMIT: {
    en: "the file expands beyond the limits (a zip bomb or an oversized workbook); split it or remove unneeded sheets and images",
    ja: "展開すると上限を超える大きさ・件数になるため取り込みを中止しました。ファイルを分割するか、不要なシートや画像を削除してから登録してください",
  },
  TOO_MANY_PAGES: {
    en: "the file has more pages than allowed; split it and upload the parts",
    ja: "ページ数が上限を超えているため読み取れません。ファイルを分割して登録してください",
  },
};

/**
 * A file that could not be parsed, with a stable `code`, the file name, an English `message`
 * (prefixed with the package name) and a Japanese `messageJa` for the clerk.
 *
 * @example
 * const error = new IngestError({ code: "ENCRYPTED", fileName: "a.pdf" });
 * error.messageJa; // => "a.pdf: ファイルがパスワードで保護されています。…"
 */
export class IngestError extends Error {
  override readonly name = "IngestError";
  readonly code: IngestErrorCode;
  readonly fileName: string;
  readonly messageJa: string;

  constructor(options: {
    code: IngestErrorCode;
    fileName: string;
    detail?: string;
    /** Shown to the clerk after the reason, e.g. which limit was passed. */
    detailJa?: string;
    cause?: unknown;
  }) {
    const reason = reasons[options.code];
    const detail = options.detail === undefined ? "" : ` (${options.detail})`;
    super(`@ward/documents: ${options.fileName}: ${reason.en}${detail}`, { cause: options.cause });
    this.code = options.code;
    this.fileName = options.fileName;
    this.messageJa = `${options.fileName}: ${reason.ja}${options.detailJa === undefined ? "" : `（${options.detailJa}）`}`;
  }
}
