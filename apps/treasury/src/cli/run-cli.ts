import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type IsoDate, isIsoDate, monthRange } from "@ward/calendar-jp";
import { CsvError } from "@ward/csv-jp";
import {
  type Actor,
  type CliSession,
  cliLogin,
  createPlatform,
  isPlatformError,
  type OsIdentity,
  osActor,
  type Platform,
  withGrants,
} from "@ward/platform";
import { ZenginError } from "@ward/zengin";
import { pino } from "pino";
import { formatPaymentNoticesCsv, generatePaymentNotices, TreasuryError } from "../domain/index.js";
import { writeTallyCsv } from "../reports/tally-csv.js";
import { writeTallyWorkbook } from "../reports/tally-workbook.js";
import { loadNotices } from "../storage/load-notices.js";
import { treasuryMigrations } from "../storage/migrations.js";
import { zenginFileForDate } from "../storage/payments.js";
import { formatYen } from "../ui/parts.js";
import { importNotices } from "../use-cases/import-notices.js";
import { ADVICE_USAGE, runAdviceCommand } from "./advice-command.js";
import { writeFileAtomic } from "./atomic-write.js";
import { PERSONAL_DATA_USAGE, runPersonalDataCommand } from "./personal-data-command.js";
import { type ProgressSink, progressBar } from "./progress-bar.js";
import { readPassword } from "./read-password.js";
import { printImportErrors, runRecordsCommand } from "./records-commands.js";

/** What the CLI reads and writes besides files; tests pass their own. */
export interface CliIo {
  readonly stdout: ProgressSink;
  readonly stderr: ProgressSink;
  /** Relative paths resolve against this (pnpm passes the caller's directory as INIT_CWD). */
  readonly cwd: string;
  /** Today in Asia/Tokyo, ISO. */
  readonly today: IsoDate;
  /** Opens the platform; default PGlite in `--data-dir` (`.data/treasury`) or `DATABASE_URL`. */
  readonly openPlatform?: (dataDir: string) => Promise<Platform>;
  /** `DATABASE_URL`, `WARD_PASSWORD`; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Who runs the command, for the audit trail; default this process's OS user and host. */
  readonly os?: OsIdentity;
  /** Asks for `--user`'s password; default `WARD_PASSWORD`, else the terminal without echo. */
  readonly password?: (loginId: string) => Promise<string>;
}

export const USAGE = `使い方（記録は実行した OS の利用者名で監査ログに残ります。--user ログインID で利用者としてログインもできます）:
  treasury import <納入済通知書.csv> [--fiscal-year 2025] [--data-dir DIR]
  treasury tally (--date YYYY-MM-DD | --month YYYY-MM) [--out 集計表.xlsx|.csv] [--data-dir DIR]
  treasury generate --count N --fiscal-year 2025 --out notices.csv [--seed 1] [--encoding utf-8|shift_jis]
  treasury orders import <支出命令.csv> | treasury applications import <申請.csv>
  treasury failed-transfers import <支払不能.csv>
  treasury failed-transfers update --id N --status 照会中|回答済|完了 [--reply 再送|変更|戻入] [--note 回答内容]
  treasury failed-transfers export --out 支払不能.xlsx|.csv --user ログインID [--status 未連絡] [--encoding shift_jis]（個人情報：閲覧権限が必要）
  treasury stamps record --date YYYY-MM-DD --denomination 110 (--received N | --used N) --description 摘要 [--counted N]
  treasury stamps export --out 郵券受払簿.xlsx [--date YYYY-MM-DD]
  treasury work record --date YYYY-MM-DD --item internal-mail --count 3 --staff 山田 [--note 備考]
  treasury report daily --date YYYY-MM-DD --out 日報.xlsx|.pdf
  treasury report monthly --month YYYY-MM --out 完了報告書.xlsx|.pdf
  treasury zengin --date YYYY-MM-DD --out file.txt --requester-code NNNNNNNNNN --from-account BBBB-SSS-T-NNNNNNN [--requester-name ﾈﾘﾏｸ] [--data-dir DIR]
${ADVICE_USAGE}
${PERSONAL_DATA_USAGE}
`;

class UsageError extends Error {}

const fail = (message: string): never => {
  throw new UsageError(message);
};

/**
 * Runs `treasury <command>`; returns the exit code (0 done, 1 rejected input or failure, 2 usage).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), io);
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const err = (text: string) => io.stderr.write(`${text}\n`);
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        date: { type: "string" },
        month: { type: "string" },
        out: { type: "string" },
        count: { type: "string" },
        "fiscal-year": { type: "string" },
        seed: { type: "string" },
        encoding: { type: "string" },
        "data-dir": { type: "string" },
        "requester-code": { type: "string" },
        "requester-name": { type: "string" },
        "from-account": { type: "string" },
        id: { type: "string" },
        status: { type: "string" },
        reply: { type: "string" },
        note: { type: "string" },
        denomination: { type: "string" },
        received: { type: "string" },
        used: { type: "string" },
        description: { type: "string" },
        counted: { type: "string" },
        item: { type: "string" },
        staff: { type: "string" },
        user: { type: "string" },
        login: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) {
      out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    const path = (p: string) => resolve(io.cwd, p);
    const env = io.env ?? process.env;
    const dataDir = path(values["data-dir"] ?? ".data/treasury");
    // PostgreSQL when DATABASE_URL is set (servers and CLI share it safely); else the embedded
    // directory, which a running server owns: then opening fails with DATA_DIR_LOCKED.
    const storage =
      values["data-dir"] === undefined && env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir };
    let actor: Actor = osActor(io.os);
    const openStorage = () =>
      io.openPlatform
        ? io.openPlatform(dataDir)
        : createPlatform({
            appName: "treasury",
            ...storage,
            env,
            migrations: treasuryMigrations,
            logger: pino({ level: "warn" }, pino.destination(2)),
          });
    const open = async (): Promise<Platform> => {
      const platform = await openStorage();
      const loginId = values.user;
      if (loginId === undefined) return platform;
      let session: CliSession;
      try {
        const password = io.password
          ? await io.password(loginId)
          : (env.WARD_PASSWORD ?? (await readPassword(io.stderr, `${loginId} のパスワード：`)));
        session = await cliLogin(platform, { loginId, password }, io.os);
      } catch (error) {
        await platform.close();
        throw error;
      }
      const user = await withGrants(platform, session.actor.user ?? fail("login"));
      actor = { ...session.actor, user };
      return {
        ...platform,
        close: async () => {
          try {
            await session.end();
          } finally {
            await platform.close();
          }
        },
      };
    };
    const int = (name: string, v: string | undefined) => {
      if (v === undefined || !/^\d+$/.test(v))
        return fail(`--${name} には整数を指定してください（指定値：${v ?? "なし"}）。`);
      return Number(v);
    };
    switch (command) {
      case "generate": {
        const count = int("count", values.count);
        const fiscalYear = int("fiscal-year", values["fiscal-year"]);
        const target = values.out ?? fail("--out に出力ファイルを指定してください。");
        const encoding = values.encoding ?? "utf-8";
        if (encoding !== "utf-8" && encoding !== "shift_jis") fail("--encoding は utf-8 か shift_jis です。");
        const notices = generatePaymentNotices({
          fiscalYear,
          count,
          ...(values.seed !== undefined ? { seed: int("seed", values.seed) } : {}),
        });
        await writeFileAtomic(
          path(target),
          formatPaymentNoticesCsv(notices, { encoding: encoding as "utf-8" }),
        );
        out(`${count.toLocaleString("ja-JP")}件の納入済通知書を ${target} に書き出しました。`);
        return 0;
      }
      case "import": {
        const file = rest[0] ?? fail("取り込むCSVファイルを指定してください。");
        const bytes = new Uint8Array(await readFile(path(file)));
        const platform = await open();
        try {
          const bar = progressBar(io.stderr, "取込中");
          const result = await importNotices(platform, actor, bytes, {
            fileName: file,
            today: io.today,
            ...(values["fiscal-year"] !== undefined
              ? { fiscalYear: int("fiscal-year", values["fiscal-year"]) }
              : {}),
            onProgress: bar.update,
          });
          bar.done();
          if ("busy" in result) {
            err(`エラー：${result.messageJa}`);
            return 1;
          }
          if (!result.ok) {
            printImportErrors({ err }, file, result.errors, result.truncated);
            return 1;
          }
          out(
            `取込完了：${result.rowCount.toLocaleString("ja-JP")}件（新規 ${result.freshCount.toLocaleString("ja-JP")}件、取込済みのため除外 ${result.reimportCount.toLocaleString("ja-JP")}件）、新規分の金額 ${formatYen(result.totalYen)}、文字コード ${result.encoding}、取込番号 ${result.batchId}`,
          );
          return 0;
        } finally {
          await platform.close();
        }
      }
      case "tally": {
        const range = periodOf(values.date, values.month);
        const platform = await open();
        try {
          const notices = await loadNotices(platform, range);
          const total = notices.reduce((s, n) => s + n.amount, 0);
          if (values.out !== undefined) {
            const target = values.out;
            const bytes = target.toLowerCase().endsWith(".csv")
              ? writeTallyCsv(notices, "receipt-tally")
              : await writeTallyWorkbook(notices, { period: range, createdOn: io.today });
            await writeFileAtomic(path(target), bytes);
            out(`集計表を ${target} に書き出しました。`);
          }
          out(`${range.from}～${range.to}：${notices.length.toLocaleString("ja-JP")}件 ${formatYen(total)}`);
          return 0;
        } finally {
          await platform.close();
        }
      }
      case "zengin": {
        const date = values.date ?? fail("--date に振込指定日を指定してください。");
        if (!isIsoDate(date)) fail(`--date は YYYY-MM-DD で指定してください（指定値：${date}）。`);
        const target = values.out ?? fail("--out に出力ファイルを指定してください。");
        const requesterCode =
          values["requester-code"] ?? fail("--requester-code に振込依頼人コードを指定してください。");
        const from = /^(\d{4})-(\d{3})-([129])-(\d{7})$/.exec(values["from-account"] ?? "");
        if (!from)
          fail("--from-account は 金融機関-支店-種目-口座番号（例：0001-001-1-1234567）で指定してください。");
        const [, bankCode = "", branchCode = "", accountType = "1", accountNumber = ""] = from ?? [];
        const platform = await open();
        try {
          const file = await zenginFileForDate(platform, {
            requesterCode,
            requesterName: values["requester-name"] ?? "ﾈﾘﾏｸ",
            transferDate: date as IsoDate,
            bankCode,
            branchCode,
            accountType: accountType as "1",
            accountNumber,
          });
          await writeFileAtomic(path(target), file.bytes);
          out(`総合振込ファイルを ${target} に書き出しました：${file.count}件 ${formatYen(file.totalYen)}`);
          return 0;
        } finally {
          await platform.close();
        }
      }
      default: {
        const ctx = {
          values,
          rest,
          today: io.today,
          path,
          open,
          actor: () => actor,
          out,
          err,
          fail,
          period: () => periodOf(values.date, values.month),
        };
        if (command === "advice") return await runAdviceCommand(ctx);
        if (command === "personal-data") return await runPersonalDataCommand(rest[0], ctx);
        return (await runRecordsCommand(command, ctx)) ?? fail(`不明なコマンドです：${command}`);
      }
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      err(error.message);
      err(USAGE);
      return 2;
    }
    if (error instanceof TreasuryError || error instanceof ZenginError || error instanceof CsvError) {
      err(`エラー：${error.messageJa}`);
      return 1;
    }
    if (isPlatformError(error)) {
      // Japanese for the clerk, the English detail (owner pid, port, lock file…) for the admin.
      err(`エラー：${error.messageJa}`);
      err(`(${error.message})`);
      return 1;
    }
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      err(`ファイルが見つかりません：${(error as Error & { path?: string }).path ?? ""}`);
      return 1;
    }
    throw error;
  }
}

function periodOf(date: string | undefined, month: string | undefined): { from: IsoDate; to: IsoDate } {
  if ((date === undefined) === (month === undefined))
    fail("--date か --month のどちらか一方を指定してください。");
  if (date !== undefined) {
    if (!isIsoDate(date)) fail(`--date は YYYY-MM-DD で指定してください（指定値：${date}）。`);
    return { from: date as IsoDate, to: date as IsoDate };
  }
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month ?? "");
  if (!m) return fail(`--month は YYYY-MM で指定してください（指定値：${month}）。`);
  return monthRange(Number(m[1]), Number(m[2]));
}
