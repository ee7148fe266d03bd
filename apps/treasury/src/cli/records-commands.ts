import { readFile } from "node:fs/promises";
import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import {
  type CsvImportError,
  FAILED_TRANSFER_REPLY_LABELS,
  FAILED_TRANSFER_STATUS_LABELS,
  type FailedTransferReply,
  type FailedTransferStatus,
  stampEntrySchema,
} from "../domain/index.js";
import { failedTransferReport } from "../reports/failed-transfer-report.js";
import {
  type ReportDocument,
  writeReportPdf,
  writeReportWorkbook,
  writeSectionCsv,
} from "../reports/report-files.js";
import { stampLedgerReport } from "../reports/stamp-ledger-report.js";
import { workReport } from "../reports/work-report.js";
import { listFailedTransfers } from "../storage/failed-transfers.js";
import { auditPersonalDataRead } from "../storage/personal-data.js";
import { loadStampBook } from "../storage/stamp-entries.js";
import { loadWorkReportData } from "../storage/work-records.js";
import { formatYen } from "../ui/parts.js";
import { importPayments } from "../use-cases/import-payments.js";
import { requirePersonalData } from "../use-cases/policies.js";
import { answerFailedTransfer, importFailedTransfers } from "../use-cases/record-failed-transfers.js";
import { recordStampEntry } from "../use-cases/record-stamp-entry.js";
import { recordWork } from "../use-cases/record-work.js";
import { writeFileAtomic } from "./atomic-write.js";

/** What a records command needs from `runCli`. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly rest: readonly string[];
  readonly today: IsoDate;
  /** Resolves a path against the caller's directory. */
  path(p: string): string;
  open(): Promise<Platform>;
  /** Who runs the command (the OS user, or the `--user` signed in by `open()`). */
  actor(): Actor;
  out(text: string): void;
  err(text: string): void;
  /** Throws a usage error (exit 2). */
  fail(message: string): never;
  period(): { from: IsoDate; to: IsoDate };
}

const STATUS_BY_LABEL = new Map(
  Object.entries(FAILED_TRANSFER_STATUS_LABELS).flatMap(([k, v]) => [
    [k, k as FailedTransferStatus],
    [v, k as FailedTransferStatus],
  ]),
);
const REPLY_BY_LABEL = new Map(
  Object.entries(FAILED_TRANSFER_REPLY_LABELS).flatMap(([k, v]) => [
    [k, k as FailedTransferReply],
    [v, k as FailedTransferReply],
  ]),
);

/** Prints a rejected file's errors (at most 50) to stderr. */
export function printImportErrors(
  ctx: Pick<CommandContext, "err">,
  file: string,
  errors: readonly { line: number; column?: string | undefined; message: string }[],
  more = false,
): void {
  ctx.err(
    `取込を中止しました（1件も保存していません）：${file} に ${errors.length}${more ? "件以上" : "件"}の誤りがあります。`,
  );
  for (const e of errors.slice(0, 50))
    ctx.err(`  ${e.line}行目${e.column ? `「${e.column}」列` : ""}：${e.message}`);
  if (errors.length > 50) ctx.err(`  …ほか${errors.length - 50}件`);
}

const str = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
};
const need = (ctx: CommandContext, name: string, what: string): string =>
  str(ctx, name) ?? ctx.fail(`--${name} に${what}を指定してください。`);

async function withPlatform<T>(ctx: CommandContext, run: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await ctx.open();
  try {
    return await run(platform);
  } finally {
    await platform.close();
  }
}

async function writeReport(ctx: CommandContext, report: ReportDocument, target: string): Promise<void> {
  const lower = target.toLowerCase();
  const encoding = str(ctx, "encoding") === "shift_jis" ? "shift_jis" : "utf-8";
  const bytes = lower.endsWith(".pdf")
    ? await writeReportPdf(report)
    : lower.endsWith(".csv")
      ? writeSectionCsv(report.sections[0] ?? ctx.fail("CSVに書き出す表がありません。"), encoding)
      : await writeReportWorkbook(report);
  await writeFileAtomic(ctx.path(target), bytes);
  ctx.out(`${report.title}を ${target} に書き出しました。`);
}

async function importFile(
  ctx: CommandContext,
  noun: string,
  run: (
    platform: Platform,
    bytes: Uint8Array,
    file: string,
  ) => Promise<
    { ok: true; count: number; totalYen?: number } | { ok: false; errors: readonly CsvImportError[] }
  >,
): Promise<number> {
  const file = ctx.rest[1] ?? ctx.fail("取り込むCSVファイルを指定してください。");
  const bytes = new Uint8Array(await readFile(ctx.path(file)));
  const result = await withPlatform(ctx, (p) => run(p, bytes, file));
  if (!result.ok) {
    printImportErrors(ctx, file, result.errors);
    return 1;
  }
  ctx.out(
    `${noun}を${result.count.toLocaleString("ja-JP")}件取り込みました${result.totalYen === undefined ? "" : `（${formatYen(result.totalYen)}）`}。`,
  );
  return 0;
}

/**
 * Runs the records commands (orders, applications, failed-transfers, stamps, work, report); undefined when
 * `command` is none of them.
 */
export async function runRecordsCommand(command: string, ctx: CommandContext): Promise<number | undefined> {
  const sub = ctx.rest[0];
  const key = `${command} ${sub ?? ""}`;
  switch (key) {
    case "orders import":
      return importFile(ctx, "支出命令", (p, b, f) =>
        importPayments(p, ctx.actor(), { kind: "orders", bytes: b, fileName: f }),
      );
    case "applications import":
      return importFile(ctx, "e ビジネスサイト申請", (p, b, f) =>
        importPayments(p, ctx.actor(), { kind: "applications", bytes: b, fileName: f }),
      );
    case "failed-transfers import":
      return importFile(ctx, "口座振替支払不能", (p, b, f) =>
        importFailedTransfers(p, ctx.actor(), { bytes: b, fileName: f }),
      );
    case "failed-transfers export": {
      const target = need(ctx, "out", "出力ファイル（.xlsx または .csv）");
      const statusText = str(ctx, "status");
      const status = statusText === undefined ? undefined : STATUS_BY_LABEL.get(statusText);
      if (statusText !== undefined && status === undefined)
        ctx.fail("--status は 未連絡・照会中・回答済・完了 のいずれかです。");
      const list = await withPlatform(ctx, async (p) => {
        await requirePersonalData(p, ctx.actor(), "failed_transfers");
        const rows = await listFailedTransfers(p, status ? { status } : {});
        await auditPersonalDataRead(p, ctx.actor(), {
          output: "failed_transfers",
          target: status ?? "all",
          format: target.toLowerCase().endsWith(".csv") ? "csv" : "xlsx",
          records: rows.length,
        });
        return rows;
      });
      await writeReport(ctx, failedTransferReport(list, ctx.today), target);
      return 0;
    }
    case "failed-transfers update": {
      const id = Number(need(ctx, "id", "記録の番号"));
      const status = STATUS_BY_LABEL.get(need(ctx, "status", "状態（未連絡・照会中・回答済・完了）"));
      if (status === undefined || !Number.isSafeInteger(id))
        return ctx.fail("--id は番号、--status は 未連絡・照会中・回答済・完了 のいずれかです。");
      const replyText = str(ctx, "reply");
      const replyKind = replyText === undefined ? undefined : REPLY_BY_LABEL.get(replyText);
      if (replyText !== undefined && replyKind === undefined)
        ctx.fail("--reply は 再送・変更・戻入 のいずれかです。");
      const memo = str(ctx, "note");
      const result = await withPlatform(ctx, (p) =>
        answerFailedTransfer(p, ctx.actor(), id, {
          status,
          ...(replyKind ? { replyKind } : {}),
          ...(memo === undefined ? {} : { replyText: memo }),
        }),
      );
      if (!result.ok) {
        ctx.err(`エラー：${result.message}`);
        return 1;
      }
      ctx.out(`支払不能 ${id} を「${FAILED_TRANSFER_STATUS_LABELS[status]}」にしました。`);
      return 0;
    }
    case "stamps record": {
      const parsed = stampEntrySchema.safeParse({
        date: str(ctx, "date") ?? ctx.today,
        denomination: str(ctx, "denomination"),
        received: str(ctx, "received") ?? 0,
        used: str(ctx, "used") ?? 0,
        description: str(ctx, "description") ?? "",
        ...(str(ctx, "counted") === undefined ? {} : { counted: str(ctx, "counted") }),
      });
      if (!parsed.success) return ctx.fail(parsed.error.issues.map((i) => i.message).join("。"));
      const result = await withPlatform(ctx, (p) => recordStampEntry(p, ctx.actor(), parsed.data));
      if (!result.ok) {
        ctx.err(result.message);
        return 1;
      }
      ctx.out(`記録しました：${parsed.data.denomination}円切手 残 ${result.remaining}枚`);
      return 0;
    }
    case "stamps export": {
      const target = need(ctx, "out", "出力ファイル（.xlsx）");
      const through = str(ctx, "date");
      const { book } = await withPlatform(ctx, (p) =>
        loadStampBook(p, through === undefined ? {} : { through: through as IsoDate }),
      );
      await writeReport(ctx, stampLedgerReport(book, ctx.today), target);
      return 0;
    }
    case "work record": {
      const result = await withPlatform(ctx, (p) =>
        recordWork(p, ctx.actor(), {
          date: str(ctx, "date") ?? ctx.today,
          workItemId: str(ctx, "item") ?? "",
          count: str(ctx, "count") ?? "",
          staff: str(ctx, "staff") ?? "",
          note: str(ctx, "note") ?? "",
        }),
      );
      if (!result.ok) return ctx.fail(result.issues.map((i) => i.message).join("。"));
      ctx.out(`業務記録を登録しました（番号 ${result.record.id}）。`);
      return 0;
    }
    case "report daily":
    case "report monthly": {
      const kind = sub === "daily" ? "daily" : "monthly";
      if (kind === "daily" && str(ctx, "month") !== undefined) ctx.fail("日報は --date で指定してください。");
      if (kind === "monthly" && str(ctx, "date") !== undefined)
        ctx.fail("完了報告書は --month で指定してください。");
      const range = ctx.period();
      const target = need(ctx, "out", "出力ファイル（.xlsx または .pdf）");
      const data = await withPlatform(ctx, (p) => loadWorkReportData(p, range));
      await writeReport(ctx, workReport(data, kind), target);
      return 0;
    }
    default:
      return ["orders", "applications", "failed-transfers", "stamps", "work", "report"].includes(command)
        ? ctx.fail(`不明なサブコマンドです：${key.trim()}`)
        : undefined;
  }
}
