import { formatWareki } from "@ward/calendar-jp";
import { parseAdviceMonth } from "../domain/payment-advice-list.js";
import { writePaymentAdviceLetters } from "../letters/payment-advice-letters.js";
import {
  adviceMonthLabel,
  writePaymentAdviceCsv,
  writePaymentAdviceWorkbook,
} from "../reports/payment-advice-report.js";
import { formatYen } from "../ui/parts.js";
import { type AdviceFormat, showPaymentAdvice } from "../use-cases/show-payment-advice.js";
import { writeFileAtomic } from "./atomic-write.js";
import type { CommandContext } from "./records-commands.js";

/** The usage line of {@link runAdviceCommand}. */
export const ADVICE_USAGE =
  "  treasury advice --month YYYY-MM --out 支払案内書.pdf|一覧.xlsx|一覧.csv --user ログインID [--encoding shift_jis]（個人情報：閲覧権限が必要）";

/**
 * `treasury advice --month YYYY-MM --out file.(xlsx|csv|pdf)`: the month's 支払案内書 list (Excel,
 * CSV) or letters (one PDF, a page per creditor), written atomically. A month without payments
 * writes the (empty) list but no letters.
 *
 * @param ctx - the CLI context from `runCli`
 * @returns the exit code (0 written; usage errors throw through `ctx.fail`)
 * @throws TreasuryError `NO_PAYMENTS` for letters of a month without payments (exit 1 in `runCli`)
 * @example
 * await runAdviceCommand(ctx); // treasury advice --month 2025-12 --out annai.pdf
 */
export async function runAdviceCommand(ctx: CommandContext): Promise<number> {
  const str = (name: string) => {
    const v = ctx.values[name];
    return typeof v === "string" ? v : undefined;
  };
  const monthText = str("month") ?? ctx.fail("--month に対象月（YYYY-MM）を指定してください。");
  const month =
    parseAdviceMonth(monthText) ??
    ctx.fail(`--month は YYYY-MM で指定してください（指定値：${monthText}）。`);
  const target = str("out") ?? ctx.fail("--out に出力ファイル（.xlsx、.csv、.pdf）を指定してください。");
  const ext = /\.(xlsx|csv|pdf)$/i.exec(target)?.[1]?.toLowerCase();
  if (ext === undefined) ctx.fail(`--out は .xlsx、.csv、.pdf のいずれかです（指定値：${target}）。`);
  const encoding = str("encoding") ?? "utf-8";
  if (encoding !== "utf-8" && encoding !== "shift_jis") ctx.fail("--encoding は utf-8 か shift_jis です。");
  const platform = await ctx.open();
  try {
    const list = await showPaymentAdvice(platform, ctx.actor(), month, (ext ?? "pdf") as AdviceFormat);
    const label = adviceMonthLabel(list);
    const bytes =
      ext === "pdf"
        ? await writePaymentAdviceLetters(list)
        : ext === "csv"
          ? writePaymentAdviceCsv(list, encoding as "utf-8")
          : await writePaymentAdviceWorkbook(list);
    await writeFileAtomic(ctx.path(target), bytes);
    ctx.out(
      `支払案内書${ext === "pdf" ? "" : "の一覧"}（${label}、出力日 ${formatWareki(list.runDate)}）を ${target} に書き出しました：債権者 ${list.creditors.length}件、支払 ${list.paymentCount}件、合計 ${formatYen(list.totalYen)}`,
    );
    if (list.creditors.length === 0) ctx.out(`${label}の支払はありません。支払案内書は作成しません。`);
    if (list.unregisteredCount > 0)
      ctx.err(`注意：債権者口座が登録されていない支出命令が ${list.unregisteredCount}件あります（対象外）。`);
    if (ctx.today === list.runDate) ctx.out("本日は支払案内書の出力日（最終営業日）です。");
    return 0;
  } finally {
    await platform.close();
  }
}
