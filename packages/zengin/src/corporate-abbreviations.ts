import { toZenginHalfWidth } from "./internal/kana.js";

/** One legal-entity (or office) term and its Zengin kana abbreviation. */
export interface CorporateAbbreviation {
  /** The term as written in kanji, e.g. `株式会社`. */
  readonly term: string;
  /** Its full reading in katakana, e.g. `カブシキガイシャ` (matched in kana names). */
  readonly reading?: string;
  /** Short kanji forms written in parentheses, e.g. `株` for `(株)`. */
  readonly short?: readonly string[];
  /** The Zengin abbreviation in half-width kana, e.g. `ｶ`. */
  readonly abbreviation: string;
}

/**
 * The Zengin 法人略語 and 営業所略語 (the table banks publish with their transfer-name rules: 株式会社 ｶ,
 * 有限会社 ﾕ, 社会福祉法人 ﾌｸ, 特定非営利活動法人 ﾄｸﾋ …).
 */
export const CORPORATE_ABBREVIATIONS: readonly CorporateAbbreviation[] = [
  { term: "株式会社", reading: "カブシキガイシャ", short: ["株", "㈱"], abbreviation: "ｶ" },
  { term: "有限会社", reading: "ユウゲンガイシャ", short: ["有", "㈲"], abbreviation: "ﾕ" },
  { term: "合名会社", reading: "ゴウメイガイシャ", short: ["名"], abbreviation: "ﾒ" },
  { term: "合資会社", reading: "ゴウシガイシャ", short: ["資"], abbreviation: "ｼ" },
  { term: "合同会社", reading: "ゴウドウガイシャ", short: ["同"], abbreviation: "ﾄﾞ" },
  { term: "医療法人社団", reading: "イリョウホウジンシャダン", abbreviation: "ｲ" },
  { term: "医療法人財団", reading: "イリョウホウジンザイダン", abbreviation: "ｲ" },
  { term: "社会医療法人", reading: "シャカイイリョウホウジン", abbreviation: "ｲ" },
  { term: "医療法人", reading: "イリョウホウジン", short: ["医"], abbreviation: "ｲ" },
  { term: "一般財団法人", reading: "イッパンザイダンホウジン", short: ["一財"], abbreviation: "ｻﾞｲ" },
  { term: "公益財団法人", reading: "コウエキザイダンホウジン", short: ["公財"], abbreviation: "ｻﾞｲ" },
  { term: "財団法人", reading: "ザイダンホウジン", short: ["財"], abbreviation: "ｻﾞｲ" },
  { term: "一般社団法人", reading: "イッパンシャダンホウジン", short: ["一社"], abbreviation: "ｼﾔ" },
  { term: "公益社団法人", reading: "コウエキシャダンホウジン", short: ["公社"], abbreviation: "ｼﾔ" },
  { term: "社団法人", reading: "シャダンホウジン", short: ["社"], abbreviation: "ｼﾔ" },
  { term: "宗教法人", reading: "シュウキョウホウジン", short: ["宗"], abbreviation: "ｼﾕｳ" },
  { term: "学校法人", reading: "ガッコウホウジン", short: ["学"], abbreviation: "ｶﾞｸ" },
  { term: "社会福祉法人", reading: "シャカイフクシホウジン", short: ["福", "社福"], abbreviation: "ﾌｸ" },
  { term: "相互会社", reading: "ソウゴガイシャ", abbreviation: "ｿ" },
  { term: "更生保護法人", reading: "コウセイホゴホウジン", abbreviation: "ﾎｺﾞ" },
  {
    term: "特定非営利活動法人",
    reading: "トクテイヒエイリカツドウホウジン",
    short: ["特非"],
    abbreviation: "ﾄｸﾋ",
  },
  { term: "地方独立行政法人", reading: "チホウドクリツギョウセイホウジン", abbreviation: "ﾁﾄﾞｸ" },
  { term: "独立行政法人", reading: "ドクリツギョウセイホウジン", short: ["独"], abbreviation: "ﾄﾞｸ" },
  { term: "弁護士法人", reading: "ベンゴシホウジン", abbreviation: "ﾍﾞﾝ" },
  { term: "有限責任中間法人", abbreviation: "ﾁﾕｳ" },
  { term: "無限責任中間法人", abbreviation: "ﾁﾕｳ" },
  { term: "行政書士法人", reading: "ギョウセイショシホウジン", abbreviation: "ｷﾞﾖ" },
  { term: "司法書士法人", reading: "シホウショシホウジン", abbreviation: "ｼﾎｳ" },
  { term: "税理士法人", reading: "ゼイリシホウジン", abbreviation: "ｾﾞｲ" },
  { term: "社会保険労務士法人", reading: "シャカイホケンロウムシホウジン", abbreviation: "ﾛｳﾑ" },
  { term: "国立大学法人", reading: "コクリツダイガクホウジン", abbreviation: "ﾀﾞｲ" },
  { term: "公立大学法人", reading: "コウリツダイガクホウジン", abbreviation: "ﾀﾞｲ" },
  { term: "農事組合法人", reading: "ノウジクミアイホウジン", abbreviation: "ﾉｳ" },
  { term: "管理組合法人", reading: "カンリクミアイホウジン", abbreviation: "ｶﾝﾘ" },
  { term: "営業所", reading: "エイギョウショ", abbreviation: "ｴｲ" },
  { term: "出張所", reading: "シュッチョウジョ", abbreviation: "ｼﾕﾂ" },
];

interface Pattern {
  readonly text: string;
  readonly abbreviation: string;
}

// Longest first, so 社会医療法人 wins over 医療法人 and 一般社団法人 over 社団法人.
const byLength = (a: Pattern, b: Pattern): number => b.text.length - a.text.length;

const KANJI_PATTERNS: readonly Pattern[] = CORPORATE_ABBREVIATIONS.flatMap((entry) => [
  { text: entry.term, abbreviation: entry.abbreviation },
  ...(entry.short ?? []).flatMap((short) =>
    short.length === 1 && /[㈱㈲]/u.test(short)
      ? [{ text: short, abbreviation: entry.abbreviation }]
      : [
          { text: `(${short})`, abbreviation: entry.abbreviation },
          { text: `（${short}）`, abbreviation: entry.abbreviation },
        ],
  ),
]).sort(byLength);

const KANA_PATTERNS: readonly Pattern[] = CORPORATE_ABBREVIATIONS.flatMap((entry) =>
  entry.reading === undefined
    ? []
    : [{ text: toZenginHalfWidth(entry.reading), abbreviation: entry.abbreviation }],
).sort(byLength);

const ABBREVIATIONS = new Set(CORPORATE_ABBREVIATIONS.map((entry) => entry.abbreviation));

// Private-use markers keep an abbreviation apart from the name while positions are decided.
const OPEN = "\uE000";
const CLOSE = "\uE001";

function mark(text: string, patterns: readonly Pattern[]): string {
  let out = text;
  for (const pattern of patterns) {
    if (out.includes(pattern.text))
      out = out.split(pattern.text).join(`${OPEN}${pattern.abbreviation}${CLOSE}`);
  }
  return out;
}

/** Already-abbreviated kana such as `(ｶ)ﾈﾘﾏ`, `ｶ)ﾈﾘﾏ` or `ﾈﾘﾏ(ｶ` are marked too, so they end up in the right form. */
function markWritten(text: string): string {
  return text.replace(/\(([^()]{1,4})\)|^([^()]{1,4})\)|\(([^()]{1,4})$/gu, (whole, mid, head, tail) => {
    const abbreviation = (mid ?? head ?? tail) as string;
    return ABBREVIATIONS.has(abbreviation) ? `${OPEN}${abbreviation}${CLOSE}` : whole;
  });
}

/**
 * Replaces legal-entity terms (株式会社, 社会福祉法人, (株), カブシキガイシャ …) by their Zengin
 * abbreviations, written as Zengin does: `ｶ)ﾈﾘﾏ` at the start (前株), `ﾈﾘﾏ(ｶ` at the end (後株),
 * `ﾈﾘﾏ(ｶ)ﾄｳｷﾖｳｼﾃﾝ` in the middle; the spaces around an abbreviation are dropped. The rest is
 * converted to the Zengin half-width form; kanji are left for {@link toZenginKana} to report.
 *
 * @param name - the holder name, in kanji, kana or both
 * @returns the name with abbreviations in half-width kana
 * @example
 * abbreviateCorporateName("株式会社ネリマ"); // => "ｶ)ﾈﾘﾏ"
 * abbreviateCorporateName("ネリマフクシカイ 社会福祉法人"); // => "ﾈﾘﾏﾌｸｼｶｲ(ﾌｸ"
 * abbreviateCorporateName("ｼﾔｶｲﾌｸｼﾎｳｼﾞﾝ ﾈﾘﾏﾌｸｼｶｲ"); // => "ﾌｸ)ﾈﾘﾏﾌｸｼｶｲ"
 */
export function abbreviateCorporateName(name: string): string {
  let text = toZenginHalfWidth(mark(name.normalize("NFC"), KANJI_PATTERNS));
  // Kana readings are matched on the Zengin form, where small kana are already large.
  text = markWritten(mark(text, KANA_PATTERNS));
  if (!text.includes(OPEN)) return text;
  const parts = text.split(/\s*\uE000([^\uE001]*)\uE001\s*/u);
  // parts alternate: text, abbreviation, text, abbreviation, …, text
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 0) {
      out += part.trim() === "" ? "" : part;
      continue;
    }
    const before = parts.slice(0, i).join("").trim();
    const after = parts
      .slice(i + 1)
      .join("")
      .trim();
    if (before === "") out += `${part})`;
    else if (after === "") out += `(${part}`;
    else out += `(${part})`;
  }
  return out;
}
