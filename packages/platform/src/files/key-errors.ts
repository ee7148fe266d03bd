import { PlatformError } from "../errors.js";

const MISMATCH_JA =
  "暗号鍵（マスターキー）がこのデータの鍵と一致しません。正しい鍵（WARD_MASTER_KEY または WARD_MASTER_KEY_FILE、既定は .secrets/<アプリ名>/master.key）を設定してから起動してください。";
const MISSING_JA =
  "暗号鍵（マスターキー）が見つかりませんが、この鍵で暗号化されたデータがあります。新しい鍵は作りません。バックアップした鍵を WARD_MASTER_KEY_FILE または .secrets/<アプリ名>/master.key に戻してから起動してください。";

/**
 * The start-up refusal when the master key does not match the stored key check value.
 *
 * @example
 * ```ts
 * throw masterKeyMismatch(); // code MASTER_KEY_MISMATCH, message in English and Japanese
 * ```
 */
export function masterKeyMismatch(): PlatformError {
  return new PlatformError("MASTER_KEY_MISMATCH", {
    message: `the master key does not match the key this data was written under; start with the right key (WARD_MASTER_KEY, WARD_MASTER_KEY_FILE or the key file). / ${MISMATCH_JA}`,
    messageJa: MISMATCH_JA,
  });
}

/**
 * The start-up refusal when no master key is found but data encrypted or sealed under one exists.
 *
 * @example
 * ```ts
 * throw masterKeyMissing(".secrets/treasury/master.key");
 * ```
 */
export function masterKeyMissing(expectedPath: string | undefined): PlatformError {
  return new PlatformError("MASTER_KEY_MISSING", {
    message: `no master key found${expectedPath ? ` (looked for ${expectedPath})` : ""}, but this database holds data written under one; a new key is not generated. Restore the key from your backup (WARD_MASTER_KEY, WARD_MASTER_KEY_FILE or the key file). / ${MISSING_JA}`,
    messageJa: MISSING_JA,
  });
}
