/**
 * The `k` best slots by score, best first; ties go to the lower slot (earlier insertion), so
 * results are deterministic. A bounded min-heap: O(n log k).
 */
export function topK(slots: readonly number[], scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  // "a is worse than b": lower score, or same score and later slot.
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] ?? 0;
    const sb = scores[b] ?? 0;
    return sa < sb || (sa === sb && a > b);
  };
  const siftUp = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const siftDown = (): void => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && worse(heap[left] as number, heap[smallest] as number)) smallest = left;
      if (right < heap.length && worse(heap[right] as number, heap[smallest] as number)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
      i = smallest;
    }
  };
  if (k <= 0) return [];
  for (const slot of slots) {
    if (heap.length < k) {
      heap.push(slot);
      siftUp(heap.length - 1);
    } else if (worse(heap[0] as number, slot)) {
      heap[0] = slot;
      siftDown();
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
