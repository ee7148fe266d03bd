/** Every stable error code of the platform, with its HTTP status and the Japanese message shown to users. */
export const ERROR_CATALOG = {
  BAD_REQUEST: { status: 400, ja: "リクエストの形式が正しくありません。" },
  INVALID_JSON: { status: 400, ja: "JSON の形式が正しくありません。" },
  VALIDATION_FAILED: { status: 422, ja: "入力内容に誤りがあります。各項目を確認してください。" },
  PAYLOAD_TOO_LARGE: { status: 413, ja: "送信されたデータが大きすぎます。" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, ja: "この形式のデータは受け付けていません。" },
  UNAUTHENTICATED: { status: 401, ja: "ログインしてください。" },
  SESSION_EXPIRED: { status: 401, ja: "セッションの有効期限が切れました。もう一度ログインしてください。" },
  INVALID_CREDENTIALS: { status: 401, ja: "ログインIDまたはパスワードが正しくありません。" },
  ACCOUNT_LOCKED: {
    status: 423,
    ja: "ログインの失敗が続いたため、アカウントを一時的にロックしました。しばらくしてから再度お試しください。",
  },
  ACCOUNT_DISABLED: { status: 403, ja: "このアカウントは利用停止中です。管理者に連絡してください。" },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    ja: "この端末からのログインの失敗が多いため、一時的に受け付けを停止しています。しばらくしてから再度お試しください。",
  },
  CSRF_FAILED: {
    status: 403,
    ja: "画面の有効期限が切れたか、不正な送信です。画面を再読み込みしてやり直してください。",
  },
  FORBIDDEN: { status: 403, ja: "この操作を行う権限がありません。" },
  NOT_FOUND: { status: 404, ja: "お探しのページまたはデータが見つかりません。" },
  CONFLICT: { status: 409, ja: "同じ内容のデータが既に登録されています。" },
  TARGET_DELETED: { status: 410, ja: "対象のデータは削除されています。" },
  PASSWORD_POLICY: { status: 422, ja: "パスワードがパスワードポリシーを満たしていません。" },
  FILE_ERASED: { status: 410, ja: "このファイルは消去済みです。" },
  FILE_INTEGRITY: { status: 500, ja: "ファイルの改ざんまたは破損を検出しました。管理者に連絡してください。" },
  MASTER_KEY_INVALID: { status: 500, ja: "暗号鍵の設定が正しくありません。管理者に連絡してください。" },
  MASTER_KEY_MISMATCH: { status: 500, ja: "暗号鍵がデータの鍵と一致しません。管理者に連絡してください。" },
  MASTER_KEY_MISSING: { status: 500, ja: "暗号鍵が見つかりません。管理者に連絡してください。" },
  MIGRATION_FAILED: { status: 500, ja: "データベースの更新に失敗しました。管理者に連絡してください。" },
  PDF_FONT_UNREADABLE: {
    status: 500,
    ja: "PDFのフォントを読み込めません。フォントの設定（WARD_PDF_FONT）を管理者に確認してください。",
  },
  DATA_DIR_LOCKED: {
    status: 423,
    ja: "このデータは別のプロセスが使用中です。そのプロセスを停止してから実行してください。",
  },
  CONFIG_INVALID: { status: 500, ja: "設定が正しくありません。管理者に連絡してください。" },
  SERVER_BUSY: {
    status: 503,
    ja: "ただいま処理が混み合っています。しばらく待ってから、もう一度お試しください。",
  },
  WORK_TIMEOUT: {
    status: 422,
    ja: "処理が制限時間内に終わらなかったため中止しました。ファイルの内容や大きさを確認してください。",
  },
  WORK_OUT_OF_MEMORY: {
    status: 422,
    ja: "処理に必要なメモリが上限を超えたため中止しました。ファイルの内容や大きさを確認してください。",
  },
  WORK_CRASHED: { status: 500, ja: "処理が異常終了しました。時間をおいて再度お試しください。" },
  INTERNAL: { status: 500, ja: "システムエラーが発生しました。時間をおいて再度お試しください。" },
} as const satisfies Record<string, { status: number; ja: string }>;

/** A stable platform error code (see {@link ERROR_CATALOG}). */
export type PlatformErrorCode = keyof typeof ERROR_CATALOG;

/** One field-level problem, shown next to the form field it concerns. */
export interface FieldIssue {
  /** Dotted path of the field (`"title"`, `"items.0.amount"`). */
  readonly path: string;
  /** Japanese message for the user. */
  readonly message: string;
}

/** Options of {@link PlatformError}. */
export interface PlatformErrorOptions {
  /** English detail for logs; defaults to the code. */
  readonly message?: string;
  /** Japanese message for the user; defaults to the catalogue's. */
  readonly messageJa?: string;
  /** Field-level problems. */
  readonly issues?: readonly FieldIssue[];
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * The one error class of `@ward/platform`: a stable `code`, an HTTP `status`, an English
 * `message` prefixed with the package name and a Japanese `messageJa` for the UI.
 *
 * @example
 * ```ts
 * const error = new PlatformError("NOT_FOUND", { message: "note 7" });
 * error.status; // 404
 * error.message; // "@ward/platform: NOT_FOUND: note 7"
 * error.messageJa; // "お探しのページまたはデータが見つかりません。"
 * ```
 */
export class PlatformError extends Error {
  readonly code: PlatformErrorCode;
  readonly status: number;
  readonly messageJa: string;
  readonly issues: readonly FieldIssue[];

  constructor(code: PlatformErrorCode, options: PlatformErrorOptions = {}) {
    super(`@ward/platform: ${code}${options.message ? `: ${options.message}` : ""}`, {
      cause: options.cause,
    });
    this.name = "PlatformError";
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.messageJa = options.messageJa ?? ERROR_CATALOG[code].ja;
    this.issues = options.issues ?? [];
  }
}

/**
 * Whether a value is a {@link PlatformError}, optionally with a given code.
 *
 * @example
 * ```ts
 * isPlatformError(new PlatformError("FORBIDDEN"), "FORBIDDEN"); // true
 * ```
 */
export function isPlatformError(value: unknown, code?: PlatformErrorCode): value is PlatformError {
  return value instanceof PlatformError && (code === undefined || value.code === code);
}
