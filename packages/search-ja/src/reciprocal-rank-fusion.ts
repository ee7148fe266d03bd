/**
 * Fuses several rankings (e.g. BM25 and dense vectors) by reciprocal rank fusion: each item scores
 * Σ 1 / (k + rank) over the rankings it appears in (rank from 1). Items are identified by `key`.
 *
 * @param rankings - rankings, best first
 * @param options - `key` picks an item's identity; `k` dampens top ranks (default 60); `limit` (default all)
 * @returns fused items, best first, each from the first ranking that had it, with its fused score
 * @example
 * reciprocalRankFusion([[{ id: "a" }, { id: "b" }], [{ id: "b" }]], { key: (item) => item.id })
 *   .map((fused) => fused.item.id); // => ["b", "a"]
 */
export function reciprocalRankFusion<T>(
  rankings: readonly (readonly T[])[],
  options: { readonly key: (item: T) => string; readonly k?: number; readonly limit?: number },
): { item: T; score: number }[] {
  const k = options.k ?? 60;
  const fused = new Map<string, { item: T; score: number; firstSeen: number }>();
  let seen = 0;
  for (const ranking of rankings) {
    ranking.forEach((item, index) => {
      const id = options.key(item);
      const entry = fused.get(id);
      const contribution = 1 / (k + index + 1);
      if (entry === undefined) fused.set(id, { item, score: contribution, firstSeen: seen++ });
      else entry.score += contribution;
    });
  }
  const sorted = [...fused.values()].sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen);
  return sorted.slice(0, options.limit ?? sorted.length).map(({ item, score }) => ({ item, score }));
}
