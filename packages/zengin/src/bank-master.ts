import { createRequire } from "node:module";
import { toZenginHalfWidth } from "./internal/kana.js";

/** A bank or branch as the master knows it. */
export interface MasterEntry {
  /** 4-digit bank code or 3-digit branch code. */
  readonly code: string;
  /** Name in kanji (without 銀行 / 支店). */
  readonly name: string;
  /** Name in Zengin half-width kana, e.g. `ﾐｽﾞﾎ`. */
  readonly kana: string;
}

/** Look-ups in a Zengin bank/branch master. */
export interface BankMaster {
  /** The date of the master data (ISO), e.g. `2026-08-24`. */
  readonly dataDate: string;
  bank(bankCode: string): MasterEntry | undefined;
  branch(bankCode: string, branchCode: string): MasterEntry | undefined;
}

/** The shape of the `zengin-code` package's data (and of test fixtures). */
export type ZenginCodeData = Readonly<
  Record<
    string,
    {
      readonly code: string;
      readonly name: string;
      readonly kana: string;
      readonly branches: Readonly<
        Record<string, { readonly code: string; readonly name: string; readonly kana: string }>
      >;
    }
  >
>;

/**
 * Builds a bank master from data in the `zengin-code` shape (full-width kana is converted to the
 * half-width form used in transfer files).
 *
 * @param data - banks keyed by 4-digit code, each with branches keyed by 3-digit code
 * @param dataDate - the date of the data (ISO)
 * @returns the master
 * @example
 * const master = createBankMaster({ "0001": { code: "0001", name: "みずほ", kana: "ミズホ", branches: {} } }, "2026-08-24");
 * master.bank("0001")?.kana; // => "ﾐｽﾞﾎ"
 */
export function createBankMaster(data: ZenginCodeData, dataDate: string): BankMaster {
  const kanaCache = new Map<string, string>();
  const half = (kana: string): string => {
    let value = kanaCache.get(kana);
    if (value === undefined) {
      value = toZenginHalfWidth(kana);
      kanaCache.set(kana, value);
    }
    return value;
  };
  return {
    dataDate,
    bank(bankCode) {
      const bank = Object.hasOwn(data, bankCode) ? data[bankCode] : undefined;
      return bank === undefined ? undefined : { code: bank.code, name: bank.name, kana: half(bank.kana) };
    },
    branch(bankCode, branchCode) {
      const bank = Object.hasOwn(data, bankCode) ? data[bankCode] : undefined;
      if (bank === undefined || !Object.hasOwn(bank.branches, branchCode)) return undefined;
      const branch = bank.branches[branchCode];
      return branch === undefined
        ? undefined
        : { code: branch.code, name: branch.name, kana: half(branch.kana) };
    },
  };
}

let cached: BankMaster | undefined;

/**
 * The bank/branch master shipped in the `zengin-code` npm package (loaded on first use, about 5 MB).
 * Its version names the data date: `1.0.0-p20260824` → `2026-08-24`. The master lags bank mergers
 * and branch changes, so callers treat a missing code as a warning.
 *
 * @returns the shared master
 * @example
 * zenginBankMaster().branch("0001", "001")?.name; // => "東京営業部"
 */
export function zenginBankMaster(): BankMaster {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const data = require("zengin-code") as ZenginCodeData;
    const version = (require("zengin-code/package.json") as { version: string }).version;
    const match = /p(\d{4})(\d{2})(\d{2})$/.exec(version);
    const dataDate = match === null ? version : `${match[1]}-${match[2]}-${match[3]}`;
    cached = createBankMaster(data, dataDate);
  }
  return cached;
}
