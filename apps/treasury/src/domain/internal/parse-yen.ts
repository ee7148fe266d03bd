/** The result of {@link parseYen}: whole yen, or why not (Japanese). */
export type ParsedYen =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

const PLAIN = /^\d{1,15}$/;

/**
 * Reads a yen amount as an integer: plain digits on the fast path (what systems export), else
 * `1,234`, `¥1,234`, `１，２３４円` and negatives (`-`, `△`, `▲`). Fractions, bad grouping and
 * anything else are refused. Local stand-in for `@ward/ledger`'s `parseAmount` (same accepted forms
 * for yen, without kanji numerals).
 */
export function parseYen(input: string): ParsedYen {
  if (PLAIN.test(input)) return { ok: true, value: Number(input) };
  let text = input.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return { ok: false, message: "金額が入力されていません" };
  let negative = false;
  if (/^[-−△▲]/u.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/^[¥\\]/u, "").replace(/円$/u, "");
  if (/^\d{1,3}(,\d{3})+$/.test(text)) text = text.replace(/,/g, "");
  if (/[.]/.test(text)) return { ok: false, message: `金額に小数は使えません（${input}）` };
  if (/,/.test(text)) return { ok: false, message: `金額の桁区切りが正しくありません（${input}）` };
  if (!PLAIN.test(text)) return { ok: false, message: `金額が数値ではありません（${input}）` };
  const value = Number(text);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}
