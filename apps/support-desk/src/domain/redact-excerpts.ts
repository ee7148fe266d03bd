/** What replaces a quotation from an erased document in chat history. */
export const ERASED_EXCERPT = "（削除された文書の引用）";

/**
 * Replaces every stretch of `text` that also appears in one of `sources` (at least `minChars`
 * characters in a row) with a tombstone, so an answer that quoted an erased document keeps its
 * own words, citation numbers and structure but no longer carries the document's text.
 * Neighbouring quoted stretches separated only by spaces become one tombstone.
 *
 * @param text - a stored chat message or thread title
 * @param sources - the erased document's texts (sections and chunks of every version)
 * @param options - `minChars`: the shortest shared stretch counted as a quotation (default 8);
 * `tombstone`: the replacement (default {@link ERASED_EXCERPT})
 * @returns `text` with the quotations replaced (the same string when nothing was quoted)
 * @example
 * redactExcerpts("[1] 手引き.pdf（3ページ）\n粗大ごみの収集は毎週水曜日です。", ["第3章 粗大ごみの収集は毎週水曜日です。"]);
 * // => "[1] 手引き.pdf（3ページ）\n（削除された文書の引用）"
 */
export function redactExcerpts(
  text: string,
  sources: Iterable<string>,
  options: { readonly minChars?: number; readonly tombstone?: string } = {},
): string {
  const k = Math.max(2, options.minChars ?? 8);
  if (text.length < k) return text;
  // Windows of the (short) message, looked up while sliding once over each (long) source.
  const windows = new Map<string, number[]>();
  for (let i = 0; i + k <= text.length; i += 1) {
    const window = text.slice(i, i + k);
    const at = windows.get(window);
    if (at) at.push(i);
    else windows.set(window, [i]);
  }
  const firstChars = new Set([...windows.keys()].map((w) => w.charCodeAt(0)));
  const quoted = new Uint8Array(text.length);
  for (const source of sources) {
    if (windows.size === 0) break;
    for (let i = 0; i + k <= source.length; i += 1) {
      if (!firstChars.has(source.charCodeAt(i))) continue;
      const window = source.slice(i, i + k);
      const at = windows.get(window);
      if (at === undefined) continue;
      for (const start of at) quoted.fill(1, start, start + k);
      windows.delete(window);
    }
  }
  if (!quoted.includes(1)) return text;
  // Spaces between two quoted stretches belong to the quotation.
  for (let i = 0; i < text.length; i += 1) {
    if (quoted[i] === 1 || !/\s/.test(text[i] ?? "")) continue;
    let end = i;
    while (end < text.length && quoted[end] === 0 && /[ \t\u3000]/.test(text[end] ?? "")) end += 1;
    if (i > 0 && quoted[i - 1] === 1 && quoted[end] === 1) quoted.fill(1, i, end);
    i = Math.max(i, end - 1);
  }
  const tombstone = options.tombstone ?? ERASED_EXCERPT;
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    if (quoted[i] === 0) out += text[i];
    else if (i === 0 || quoted[i - 1] === 0) out += tombstone;
  }
  return out;
}
