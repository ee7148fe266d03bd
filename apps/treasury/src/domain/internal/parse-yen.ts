import { safeParseAmount, toMinorUnits } from "@ward/ledger";

/** The result of {@link parseYen}: whole yen, or why not (Japanese). */
export type ParsedYen =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

const PLAIN = /^\d{1,15}$/;

/**
 * Reads a yen amount as an integer. Plain digits (what systems export) take a fast path; anything
 * else goes through `@ward/ledger`'s `parseAmount` (`1,234`, `¥1,234`, `１，２３４円`, `△1,234`,
 * 大字), whose Japanese message is passed on when it refuses.
 */
export function parseYen(input: string): ParsedYen {
  if (PLAIN.test(input)) return { ok: true, value: Number(input) };
  const parsed = safeParseAmount(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.messageJa ?? `金額が数値ではありません（${input}）` };
  return { ok: true, value: toMinorUnits(parsed.data) };
}
