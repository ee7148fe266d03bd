import { CsvError, encodeCsv, formatCsv } from "@ward/csv-jp";
import { ContractModelError } from "./errors.js";
import { weekdayJa } from "./internal/dates.js";
import type { ContractObligation, ObligationCategory, ObligationStatus } from "./obligations.js";

/** Japanese labels of obligation statuses. */
export const STATUS_LABELS: Readonly<Record<ObligationStatus, string>> = {
  dated: "期限あり",
  undated: "期日なし",
  unresolved: "起点日未定",
  policy: "SLA",
};

/** Japanese labels of obligation categories. */
export const CATEGORY_LABELS: Readonly<Record<ObligationCategory, string>> = {
  "daily-report": "日報",
  "monthly-report": "月次報告",
  "completion-report": "完了報告",
  meeting: "定例会",
  "work-plan": "業務計画",
  manual: "マニュアル",
  "handover-plan": "引継ぎ",
  "training-plan": "研修計画",
  "staff-roster": "従事者届",
  "incident-report": "事故報告",
  certificate: "証明書",
  "work-output": "成果物",
  invoice: "請求",
  other: "その他",
  "staff-notice": "従事者の報告",
  work: "定例作業",
  "work-window": "受付・審査期間",
  sla: "問い合わせ対応",
  clause: "特記事項",
};

const HEADER = [
  "期限日",
  "曜日",
  "時刻",
  "状態",
  "区分",
  "件名",
  "期限の定め",
  "計算方法",
  "対象期間",
  "起点",
  "閉庁日による移動前の日",
  "根拠",
] as const;

function rowOf(o: ContractObligation): string[] {
  const range = o.window ?? o.period;
  const anchor = o.anchor
    ? `${o.anchor.event ?? ""} ${o.anchor.date}`.trim()
    : o.missingAnchors
      ? `未定: ${o.missingAnchors.join("・")}`
      : "";
  return [
    o.date ?? "",
    o.date === null ? "" : weekdayJa(o.date),
    o.time ?? "",
    STATUS_LABELS[o.status],
    CATEGORY_LABELS[o.category],
    o.title,
    o.dueText,
    o.ruleText ?? "",
    range ? `${range.start}～${range.end}` : "",
    anchor,
    o.nominalDate ?? "",
    [o.source.seed === undefined ? "" : `seed ${o.source.seed}`, o.source.section].filter(Boolean).join(" "),
  ];
}

/**
 * Obligations as RFC 4180 CSV text: a Japanese header row, CRLF line endings, quoted cells where needed and
 * formula-like cells prefixed with `'`. No BOM: see {@link obligationsToCsvBytes} for files.
 *
 * @param items - obligations from `obligations()`
 * @returns the CSV text
 * @example
 * obligationsToCsv(list).split("\r\n")[0]; // => "期限日,曜日,時刻,状態,区分,件名,期限の定め,計算方法,対象期間,起点,閉庁日による移動前の日,根拠"
 */
export function obligationsToCsv(items: readonly ContractObligation[]): string {
  return formatCsv(items.map(rowOf), { header: HEADER });
}

/**
 * Obligations as CSV bytes for a file (through `@ward/csv-jp`'s `encodeCsv`): UTF-8 with a BOM (so Excel
 * opens it as UTF-8), or Shift_JIS (CP932, what older Excel and ward systems expect; 〜 − and similar are
 * written as their CP932 look-alikes ～ －).
 *
 * @param items - obligations
 * @param options - `encoding`: `"utf-8-bom"` (default) or `"shift_jis"`
 * @returns the bytes
 * @throws {ContractModelError} `UNENCODABLE_TEXT` when a character has no Shift_JIS form (naming it)
 * @example
 * obligationsToCsvBytes(list).subarray(0, 3); // => Uint8Array [0xef, 0xbb, 0xbf]
 * iconv.decode(Buffer.from(obligationsToCsvBytes(list, { encoding: "shift_jis" })), "Shift_JIS"); // the CSV text
 */
export function obligationsToCsvBytes(
  items: readonly ContractObligation[],
  options: { encoding?: "utf-8-bom" | "shift_jis" } = {},
): Uint8Array {
  const text = obligationsToCsv(items);
  try {
    return encodeCsv(text, { encoding: options.encoding ?? "utf-8-bom" });
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== "UNENCODABLE_CHARACTER") throw error;
    // Keep this package's error type; the message names the character and where it is.
    const where = error.message.replace(/^@ward\/csv-jp: /, "");
    throw new ContractModelError("UNENCODABLE_TEXT", `${where} / ${error.messageJa}`, { cause: error });
  }
}
