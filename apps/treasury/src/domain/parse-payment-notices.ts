import { closingPeriodRange, fiscalYearOf, type IsoDate } from "@ward/calendar-jp";
import { CsvError, type DecodedCsv, decodeCsv, parseCsv } from "@ward/csv-jp";
import { z } from "zod";
import { parseYen } from "./internal/parse-yen.js";
import { readDate } from "./internal/read-date.js";
import {
  PAYMENT_NOTICE_COLUMNS,
  type PaymentNotice,
  type PaymentNoticeColumn,
  type ReceiptChannel,
  type YearKind,
} from "./payment-notice.js";

/** The encodings a payment-notice file may be in (UTF-16 is refused: the bank systems never write it). */
export type TextEncodingName = "utf-8" | "shift_jis";

/** A payment notice with the CSV line it came from. */
export interface ImportedPaymentNotice extends PaymentNotice {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
}

/** A row-level import error, for the clerk: which line, which column, why (Japanese). */
export interface NoticeImportError {
  /** 1-based line number; 0 for the file as a whole (encoding). */
  readonly line: number;
  /** The column name, or undefined for the whole line or file. */
  readonly column: PaymentNoticeColumn | undefined;
  /** The offending value, if any. */
  readonly value?: string;
  readonly message: string;
}

/** Options of {@link parsePaymentNotices}. */
export interface ParsePaymentNoticesOptions {
  /** The fiscal year being imported: every notice's 所属年度 must be this year. */
  readonly fiscalYear?: number;
  /** Forces an encoding instead of detecting UTF-8 / Shift_JIS. */
  readonly encoding?: TextEncodingName;
  /** Today (ISO): a cash date after today is an error. */
  readonly today?: IsoDate;
  /** Stop collecting after this many errors (the file is rejected anyway); 1,000 by default. */
  readonly maxErrors?: number;
}

/** The result of {@link parsePaymentNotices}: every row, or every error — never part of the file. */
export type PaymentNoticeImport =
  | {
      readonly ok: true;
      readonly notices: readonly ImportedPaymentNotice[];
      readonly encoding: TextEncodingName;
    }
  | {
      readonly ok: false;
      readonly errors: readonly NoticeImportError[];
      /** True when more errors existed than `maxErrors`. */
      readonly truncated: boolean;
    };

const optionsSchema = z.object({
  fiscalYear: z.number().int().min(1900).max(2200).optional(),
  encoding: z.enum(["utf-8", "shift_jis"]).optional(),
  today: z.iso.date().optional(),
  maxErrors: z.number().int().min(1).optional(),
});

const YEAR_KINDS: ReadonlyMap<string, YearKind> = new Map([
  ["現年", "current"],
  ["過年", "past"],
]);
const CHANNELS: ReadonlyMap<string, ReceiptChannel> = new Map([
  ["指定金融機関", "bank"],
  ["ゆうちょ銀行", "japan-post"],
  ["窓口", "counter"],
]);
const NOTICE_NUMBER = /^[0-9A-Z-]{1,20}$/;
const FISCAL_YEAR = /^\d{4}$/;
const ACCOUNT_CODE = /^\d{2}$/;
const SUBJECT_CODE = /^\d{2}-\d{2}-\d{2}-\d{2}$/;
const DEPARTMENT_CODE = /^\d{1,8}$/;
const MAX_AMOUNT = 99_999_999_999;

/**
 * Imports a payment-notice (納入済通知書) CSV file (仕様書 第5-1; columns in
 * {@link PAYMENT_NOTICE_COLUMNS}, documented in the app README). UTF-8 (with or without BOM) or
 * Shift_JIS is detected; RFC 4180 quoting and CRLF are handled. Every row is validated: codes, dates,
 * amounts (integer yen), the fiscal-year rules (現年: 所属年度 = the cash date's fiscal year; 過年:
 * the previous year, cash date within 出納整理期間 — April 1 to May 31) and duplicate notice numbers.
 * The file is accepted whole or rejected whole.
 *
 * @param bytes - the file's bytes
 * @param options - `fiscalYear`, `encoding`, `today`, `maxErrors`
 * @returns all notices, or all errors (line, column, why — in Japanese)
 * @example
 * const result = parsePaymentNotices(bytes, { fiscalYear: 2025 });
 * if (!result.ok) result.errors[0]; // => { line: 3, column: "金額", value: "1,2x", message: "金額が数値ではありません（1,2x）" }
 */
export function parsePaymentNotices(
  bytes: Uint8Array,
  options: ParsePaymentNoticesOptions = {},
): PaymentNoticeImport {
  const opts = optionsSchema.parse(options);
  const maxErrors = opts.maxErrors ?? 1000;
  const errors: NoticeImportError[] = [];
  let truncated = false;
  const fail = (
    line: number,
    column: PaymentNoticeColumn | undefined,
    message: string,
    value?: string,
  ): void => {
    if (errors.length >= maxErrors) {
      truncated = true;
      return;
    }
    errors.push(value === undefined ? { line, column, message } : { line, column, value, message });
  };

  let decoded: DecodedCsv;
  try {
    decoded = decodeCsv(bytes, { encoding: opts.encoding ?? "auto" });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { ok: false, errors: [{ line: 0, column: undefined, message: error.messageJa }], truncated };
  }
  const encoding = decoded.encoding;
  if (encoding !== "utf-8" && encoding !== "shift_jis") {
    const message = "UTF-16またはバイナリのファイルです。UTF-8またはShift_JISのCSVで保存してください";
    return { ok: false, errors: [{ line: 0, column: undefined, message }], truncated };
  }
  const { records, errors: syntax } = parseCsv(decoded.text);
  for (const error of syntax) fail(error.line, undefined, error.messageJa);

  const header = records[0];
  if (header === undefined) {
    return {
      ok: false,
      errors: [
        { line: 1, column: undefined, message: "ファイルにデータがありません（見出し行もありません）" },
      ],
      truncated,
    };
  }
  const headerNames = header.cells.map((name) => name.trim());
  const expected = PAYMENT_NOTICE_COLUMNS.join(",");
  if (headerNames.join(",") !== expected) {
    const missing = PAYMENT_NOTICE_COLUMNS.filter((name) => !headerNames.includes(name));
    const extra = headerNames.filter((name) => !(PAYMENT_NOTICE_COLUMNS as readonly string[]).includes(name));
    const parts = [
      missing.length > 0 ? `不足している列：${missing.join("、")}` : undefined,
      extra.length > 0 ? `余分な列：${extra.join("、")}` : undefined,
      missing.length === 0 && extra.length === 0 ? "列の順序が違います" : undefined,
    ].filter((part) => part !== undefined);
    const hint = encoding === "shift_jis" && extra.length > 0 ? "（文字コードが違う可能性があります）" : "";
    fail(
      header.line,
      undefined,
      `見出し行が正しくありません。${parts.join("。")}${hint}。見出しは「${expected}」です`,
    );
    return { ok: false, errors, truncated };
  }
  if (records.length === 1 && syntax.length === 0) {
    return {
      ok: false,
      errors: [{ line: 2, column: undefined, message: "通知書のデータ行がありません" }],
      truncated,
    };
  }

  const columnCount = PAYMENT_NOTICE_COLUMNS.length;
  const today = opts.today;
  const seen = new Map<string, number>();
  const notices: ImportedPaymentNotice[] = [];
  for (let r = 1; r < records.length; r++) {
    const { line, cells: fields } = records[r] as { line: number; cells: string[] };
    if (fields.length !== columnCount) {
      fail(
        line,
        undefined,
        fields.length < columnCount
          ? `列が不足しています（${fields.length}列、${columnCount}列必要です）`
          : `列が多すぎます（${fields.length}列、${columnCount}列です）`,
      );
      continue;
    }
    const noticeNumber = (fields[0] as string).trim();
    const cashText = (fields[1] as string).trim();
    const yearText = (fields[2] as string).trim();
    const kindText = (fields[3] as string).trim();
    const channelText = (fields[4] as string).trim();
    const accountCode = (fields[5] as string).trim();
    const subjectCode = (fields[6] as string).trim();
    const departmentCode = (fields[7] as string).trim();
    const amountText = (fields[8] as string).trim();

    if (!NOTICE_NUMBER.test(noticeNumber)) {
      fail(
        line,
        "通知書番号",
        noticeNumber === ""
          ? "通知書番号がありません"
          : "通知書番号は英大文字・数字・ハイフンの20文字以内です",
        noticeNumber,
      );
    } else {
      const first = seen.get(noticeNumber);
      if (first !== undefined)
        fail(line, "通知書番号", `通知書番号が${first}行目と重複しています`, noticeNumber);
      else seen.set(noticeNumber, line);
    }
    const cash = readDate(cashText);
    if (cash === undefined)
      fail(line, "収納日", "収納日が日付（YYYY-MM-DD）として正しくありません", cashText);
    else if (today !== undefined && cash.iso > today)
      fail(line, "収納日", `収納日が未来の日付です（本日${today}）`, cashText);
    const fiscalYear = FISCAL_YEAR.test(yearText) ? Number(yearText) : undefined;
    if (fiscalYear === undefined)
      fail(line, "所属年度", "所属年度は西暦4桁で記入してください（例：2025）", yearText);
    else if (opts.fiscalYear !== undefined && fiscalYear !== opts.fiscalYear) {
      fail(line, "所属年度", `取込対象の${opts.fiscalYear}年度以外の通知書です`, yearText);
    }
    const yearKind = YEAR_KINDS.get(kindText);
    if (yearKind === undefined) fail(line, "現過年区分", "現過年区分は「現年」または「過年」です", kindText);
    const channel = CHANNELS.get(channelText);
    if (channel === undefined)
      fail(line, "収納経路", "収納経路は「指定金融機関」「ゆうちょ銀行」「窓口」のいずれかです", channelText);
    if (!ACCOUNT_CODE.test(accountCode)) fail(line, "会計コード", "会計コードは2桁の数字です", accountCode);
    if (!SUBJECT_CODE.test(subjectCode))
      fail(line, "科目コード", "科目コードは款-項-目-節（各2桁、例：01-01-01-01）です", subjectCode);
    if (!DEPARTMENT_CODE.test(departmentCode))
      fail(line, "所属コード", "所属コードは8桁以内の数字です", departmentCode);
    const amount = parseYen(amountText);
    if (!amount.ok) fail(line, "金額", amount.message, amountText);
    else if (amount.value <= 0) fail(line, "金額", "金額は1円以上です", amountText);
    else if (amount.value > MAX_AMOUNT) fail(line, "金額", "金額が大きすぎます（999億円まで）", amountText);

    if (cash !== undefined && fiscalYear !== undefined && yearKind !== undefined) {
      const cashFiscalYear = fiscalYearOf(cash.iso);
      if (yearKind === "current" && fiscalYear !== cashFiscalYear) {
        fail(line, "所属年度", `現年分の所属年度は収納日の年度（${cashFiscalYear}年度）です`, yearText);
      } else if (yearKind === "past") {
        if (fiscalYear !== cashFiscalYear - 1) {
          fail(
            line,
            "所属年度",
            `過年分の所属年度は収納日の前年度（${cashFiscalYear - 1}年度）です`,
            yearText,
          );
        } else if (cash.iso > closingPeriodRange(fiscalYear).end) {
          fail(line, "収納日", `出納整理期間（${cash.year}年5月31日まで）を過ぎた過年分です`, cashText);
        }
      }
    }
    // Once the file has an error it is rejected whole: stop building notices, keep checking.
    if (errors.length > 0) continue;
    notices.push({
      line,
      noticeNumber,
      cashDate: (cash as { iso: string }).iso,
      fiscalYear: fiscalYear as number,
      yearKind: yearKind as YearKind,
      channel: channel as ReceiptChannel,
      accountCode,
      subjectCode,
      departmentCode,
      amount: (amount as { value: number }).value,
    });
  }
  if (errors.length > 0) return { ok: false, errors, truncated };
  return { ok: true, notices, encoding };
}
