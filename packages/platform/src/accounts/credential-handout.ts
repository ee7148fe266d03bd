import { randomUUID } from "node:crypto";
import { encodeCsv, formatCsv } from "@ward/csv-jp";
import type { Transaction } from "kysely";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import { openFile, sealFile } from "../files/envelope.js";
import type { PlatformTables } from "../storage/schema.js";
import type { Actor } from "./actor.js";

/** One account's one-time credentials. */
export interface IssuedCredential {
  readonly loginId: string;
  readonly displayName: string;
  readonly departmentName: string;
  readonly password: string;
}

const aad = (id: string) => `credentials:${id}`;

/**
 * Seals one-time credentials under the master key inside the caller's transaction, for a single
 * hand-out by the same administrator ({@link takeCredentials}).
 *
 * @returns the hand-out id
 * @example
 * ```ts
 * const id = await storeCredentials(trx, platform, actor, { importId, accounts });
 * ```
 */
export async function storeCredentials(
  trx: Transaction<PlatformTables>,
  ctx: Pick<PlatformContext, "clock" | "masterKey">,
  actor: Actor,
  input: { importId: string | null; accounts: readonly IssuedCredential[] },
): Promise<string> {
  const id = randomUUID();
  const sealed = sealFile(ctx.masterKey, aad(id), new TextEncoder().encode(JSON.stringify(input.accounts)));
  await trx
    .insertInto("credential_handouts")
    .values({
      id,
      import_id: input.importId,
      created_by: actor.user?.id ?? null,
      created_at: ctx.clock(),
      accounts: input.accounts.length,
      wrapped_key: sealed.wrappedKey,
      iv: sealed.iv,
      tag: sealed.tag,
      ciphertext: sealed.ciphertext,
    })
    .execute();
  return id;
}

/**
 * The credentials as a CSV a clerk opens in Excel (UTF-8 with BOM): ログインID, 氏名, 所属, 初期パスワード.
 *
 * @example
 * ```ts
 * credentialsCsv([{ loginId: "sato", displayName: "佐藤 花子", departmentName: "会計管理室", password: "x" }]);
 * ```
 */
export function credentialsCsv(accounts: readonly IssuedCredential[]): Uint8Array {
  return encodeCsv(
    formatCsv(
      accounts.map((a) => [a.loginId, a.displayName, a.departmentName, a.password]),
      { header: ["ログインID", "氏名", "所属", "初期パスワード"] },
    ),
  );
}

/**
 * Hands the sealed credentials out once: to the administrator who created them, then destroys
 * them (the wrapped key and ciphertext are deleted in the same transaction as the audit record
 * `account.credentials.handout`). A second call answers `FILE_ERASED`.
 *
 * @throws PlatformError `NOT_FOUND` (unknown or another administrator's), `FILE_ERASED` (already handed out)
 * @example
 * ```ts
 * const accounts = await takeCredentials(platform, actor, handoutId, "csv");
 * ```
 */
export async function takeCredentials(
  ctx: Pick<PlatformContext, "db" | "clock" | "masterKey">,
  actor: Actor,
  handoutId: string,
  format: "csv" | "pdf",
): Promise<IssuedCredential[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("credential_handouts")
      .selectAll()
      .where("id", "=", handoutId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.created_by !== (actor.user?.id ?? null)) {
      throw new PlatformError("NOT_FOUND", { message: `handout ${handoutId}` });
    }
    if (row.handed_out_at !== null || !row.wrapped_key || !row.iv || !row.tag || !row.ciphertext) {
      throw new PlatformError("FILE_ERASED", {
        message: `handout ${handoutId} already taken`,
        messageJa:
          "初期パスワードは受け取り済みか、受け取り期限（登録から1日）を過ぎたため、もう表示できません。必要ならパスワードを再発行してください。",
      });
    }
    const plain = openFile(ctx.masterKey, aad(handoutId), {
      wrappedKey: row.wrapped_key,
      iv: row.iv,
      tag: row.tag,
      ciphertext: row.ciphertext,
    });
    await trx
      .updateTable("credential_handouts")
      .set({
        wrapped_key: null,
        iv: null,
        tag: null,
        ciphertext: null,
        handed_out_at: ctx.clock(),
        handed_out_as: format,
      })
      .where("id", "=", handoutId)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "account.credentials.handout",
        targetType: "credential_handout",
        targetId: handoutId,
        detail: { accounts: row.accounts, format },
      },
      { clock: ctx.clock },
    );
    return JSON.parse(new TextDecoder().decode(plain)) as IssuedCredential[];
  });
}
