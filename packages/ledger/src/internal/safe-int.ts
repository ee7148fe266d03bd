import { LedgerError } from "../errors.js";

/** Throws OVERFLOW unless `value` is an integer JavaScript numbers hold exactly. */
export function assertSafe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) {
    if (Number.isInteger(value) || !Number.isFinite(value)) {
      throw new LedgerError("OVERFLOW", `${what} ${value} is beyond ±Number.MAX_SAFE_INTEGER`, {
        messageJa: "金額が大きすぎます（計算できる範囲を超えています）",
        details: { value },
      });
    }
    throw new LedgerError("NOT_AN_INTEGER", `${what} ${value} is not an integer of minor units`, {
      details: { value },
    });
  }
  return value;
}

/** Converts a bigint back to a number, throwing OVERFLOW past the safe range. */
export function bigToSafe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new LedgerError("OVERFLOW", `${what} ${value} is beyond ±Number.MAX_SAFE_INTEGER`, {
      messageJa: "金額が大きすぎます（計算できる範囲を超えています）",
      details: { value: value.toString() },
    });
  }
  return Number(value);
}
