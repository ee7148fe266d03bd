import iconv from "iconv-lite";
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

function cell(value: string): string {
  // Formula injection guard, as in @ward/security-clauses' registers.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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
  const lines = [HEADER.join(","), ...items.map((o) => rowOf(o).map(cell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

// Characters Shift_JIS (CP932) lacks but has a look-alike for.
const SJIS_LOOKALIKES: Readonly<Record<string, string>> = {
  "\u301c": "\uff5e",
  "\u2212": "\uff0d",
  "\u00a0": " ",
};

/**
 * Obligations as CSV bytes for a file: UTF-8 with a BOM (so Excel opens it as UTF-8), or Shift_JIS (CP932,
 * what older Excel and ward systems expect).
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
  if ((options.encoding ?? "utf-8-bom") === "utf-8-bom") {
    return new TextEncoder().encode(`\ufeff${text}`);
  }
  const mapped = text.replace(/[\u301c\u2212\u00a0]/g, (c) => SJIS_LOOKALIKES[c] ?? c);
  const bytes = iconv.encode(mapped, "Shift_JIS");
  if (iconv.decode(bytes, "Shift_JIS") !== mapped) {
    const bad = [...mapped].find((c) => iconv.decode(iconv.encode(c, "Shift_JIS"), "Shift_JIS") !== c) ?? "?";
    throw new ContractModelError(
      "UNENCODABLE_TEXT",
      `"${bad}" (U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}) has no Shift_JIS form / Shift_JIS で表せない文字があります`,
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
