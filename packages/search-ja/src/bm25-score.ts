/** BM25 parameters: `k1` (term-frequency saturation, default 1.2) and `b` (length normalisation, default 0.75). */
export interface Bm25Options {
  readonly k1?: number;
  readonly b?: number;
}

/** The defaults every index of this package uses. */
export const defaultBm25 = Object.freeze({ k1: 1.2, b: 0.75 });

/**
 * The BM25 inverse document frequency (the "+1" form, never negative).
 *
 * @param chunkCount - readable chunks
 * @param documentFrequency - readable chunks containing the term
 * @returns the idf
 * @example
 * bm25Idf(1000, 10).toFixed(3); // => "4.557"
 */
export function bm25Idf(chunkCount: number, documentFrequency: number): number {
  return Math.log(1 + (chunkCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * One term's BM25 contribution to a chunk's score.
 *
 * @param idf - from {@link bm25Idf}
 * @param termFrequency - occurrences of the term in the chunk
 * @param length - the chunk's term count
 * @param averageLength - the average term count of readable chunks
 * @param options - `k1` and `b`
 * @returns the contribution
 * @example
 * bm25TermScore(2, 1, 100, 100).toFixed(3); // => "2.000"
 */
export function bm25TermScore(
  idf: number,
  termFrequency: number,
  length: number,
  averageLength: number,
  options: Bm25Options = {},
): number {
  const k1 = options.k1 ?? defaultBm25.k1;
  const b = options.b ?? defaultBm25.b;
  const norm = k1 * (1 - b + (b * length) / averageLength);
  return (idf * termFrequency * (k1 + 1)) / (termFrequency + norm);
}

/**
 * Counts term occurrences.
 *
 * @param terms - terms with repeats (from `tokenize`, or a stored row's `terms` split on spaces)
 * @returns term → frequency, in first-seen order
 * @example
 * countTerms(["窓口", "|窓口", "窓口"]); // => Map { "窓口" => 2, "|窓口" => 1 }
 */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
