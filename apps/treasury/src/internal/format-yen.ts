import { formatAmount, yen } from "@ward/ledger";

/** Integer yen as clerks print it, through `@ward/ledger`: `12000` → `12,000円`. */
export function formatYen(amount: number): string {
  return formatAmount(yen(amount));
}
