import { setImmediate as yieldToLoop } from "node:timers/promises";
import { formatTokyo } from "../time.js";
import type { IssuedCredential } from "./credential-handout.js";

/** Most letters in one PDF (beyond it, hand out the CSV): keeps the event loop responsive. */
export const CREDENTIAL_LETTERS_LIMIT = 100;

/**
 * One A4 letter per account (利用開始のお知らせ) with the login id and one-time password, for handing
 * out on paper. Yields to the event loop between letters.
 *
 * @param o - the app's title (letterhead), the accounts, the date printed
 * @returns the PDF bytes
 * @throws RangeError past {@link CREDENTIAL_LETTERS_LIMIT} accounts
 * @example
 * ```ts
 * const pdf = await credentialLettersPdf({ appTitle: "練馬区 生成AI・RAGサービス", accounts, issuedAt: new Date() });
 * ```
 */
export async function credentialLettersPdf(o: {
  appTitle: string;
  accounts: readonly IssuedCredential[];
  issuedAt: Date;
}): Promise<Uint8Array> {
  if (o.accounts.length > CREDENTIAL_LETTERS_LIMIT) {
    throw new RangeError(`@ward/platform: at most ${CREDENTIAL_LETTERS_LIMIT} letters per PDF`);
  }
  // Loaded on first use: the PDF writer and its font stay out of apps that never print letters.
  const { openJapanesePdf } = await import("../pdf/japanese-pdf.js");
  const doc = await openJapanesePdf({ title: "利用開始のお知らせ" });
  const date = formatTokyo(o.issuedAt).slice(0, 10);
  for (const [i, a] of o.accounts.entries()) {
    if (i > 0) {
      doc.newPage();
      await yieldToLoop();
    }
    doc.text(date, { right: true });
    doc.text(`${a.departmentName || ""} ${a.displayName} 様`, { size: 12 });
    doc.space(12);
    doc.text("利用開始のお知らせ", { size: 18, center: true });
    doc.space(8);
    doc.text(
      `${o.appTitle}の利用者として登録しました。次のログインIDと初期パスワードでログインしてください。`,
      { size: 10 },
    );
    doc.space(6);
    doc.table(
      [
        { header: "項目", width: 140 },
        { header: "内容", width: 300 },
      ],
      [
        ["ログインID", a.loginId],
        ["初期パスワード", a.password],
      ],
      { size: 12 },
    );
    doc.text("・初回ログイン時にパスワードの変更が必要です。", { size: 10 });
    doc.text("・この通知は他人に見せず、パスワードを変更したら細断してください。", { size: 10 });
    doc.text("・心当たりがない場合や紛失した場合は、システム管理者に連絡してください。", { size: 10 });
  }
  return doc.save();
}
