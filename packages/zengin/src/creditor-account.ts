import { z } from "zod";
import { type AccountTypeCode, parseAccountType } from "./account-type.js";
import { type BankMaster, zenginBankMaster } from "./bank-master.js";
import type { FieldIssue } from "./errors.js";
import { normalizeHolderName } from "./holder-name.js";
import { convertJapanPostAccount } from "./japan-post-account.js";

const text = z.string({ error: "文字列で入力してください" });

/** A registration form with a bank account (金融機関コード・支店コード・預金種目・口座番号). */
export const bankAccountInputSchema = z.object({
  bankCode: text,
  branchCode: text,
  accountType: text,
  accountNumber: text,
  holderName: text,
});

/** A registration form with a Japan Post Bank 記号・番号. */
export const japanPostAccountInputSchema = z.object({
  japanPost: z.object({ symbol: text, number: text }),
  holderName: text,
});

/** What {@link validateCreditorAccount} accepts: either form. */
export const creditorAccountInputSchema = z.union([japanPostAccountInputSchema, bankAccountInputSchema]);

/** A creditor account registration form (債権者口座登録依頼書) as typed in. */
export type CreditorAccountInput = z.input<typeof creditorAccountInputSchema>;

/** A validated creditor account, ready for the accounting system and Zengin transfer files. */
export interface CreditorAccount {
  readonly bankCode: string;
  readonly branchCode: string;
  readonly accountType: AccountTypeCode;
  /** 7 digits, zero-padded. */
  readonly accountNumber: string;
  /** Zengin half-width kana. */
  readonly holderName: string;
  /** Bank name in half-width kana from the master, when the master knows the bank. */
  readonly bankKana?: string;
  /** Branch name in half-width kana from the master, when the master knows the branch. */
  readonly branchKana?: string;
  /** The Japan Post Bank 記号・番号 it was converted from, if any. */
  readonly japanPost?: { readonly symbol: string; readonly number: string };
}

/** The result of {@link validateCreditorAccount}: errors block the registration, warnings do not. */
export type CreditorAccountValidation =
  | { readonly ok: true; readonly account: CreditorAccount; readonly warnings: readonly FieldIssue[] }
  | { readonly ok: false; readonly errors: readonly FieldIssue[]; readonly warnings: readonly FieldIssue[] };

/** Options of {@link validateCreditorAccount}. */
export interface ValidateCreditorAccountOptions {
  /** The bank/branch master; the `zengin-code` package's by default. */
  readonly master?: BankMaster;
  /** Width of the holder name in Shift_JIS bytes; 30 by default. */
  readonly holderNameMaxBytes?: number;
}

const digits = (value: string): string => value.normalize("NFKC").replace(/[\s-]/g, "");

function error(code: string, field: string, message: string): FieldIssue {
  return { severity: "error", code, field, message };
}

/**
 * Validates a creditor account registration (債権者口座登録, 仕様書 第5-3-(1)): code formats, the
 * account type, a 7-digit account number, the holder name in Zengin kana within its byte limit, and
 * the bank and branch against the Zengin master. A bank or branch the master does not know is a
 * warning (the master lags mergers), never a block. A Japan Post Bank 記号・番号 is converted to
 * bank 9900's branch and account first.
 *
 * @param input - the form (unknown: validated with zod)
 * @param options - `master`, `holderNameMaxBytes`
 * @returns the account and warnings, or every error found (field and reason in Japanese)
 * @example
 * validateCreditorAccount({ bankCode: "0001", branchCode: "001", accountType: "普通", accountNumber: "1234567", holderName: "カブシキガイシャ　ネリマ" });
 * // => { ok: true, account: { bankCode: "0001", branchCode: "001", accountType: "1", accountNumber: "1234567", holderName: "ｶ)ﾈﾘﾏ", … }, warnings: [] }
 */
export function validateCreditorAccount(
  input: unknown,
  options: ValidateCreditorAccountOptions = {},
): CreditorAccountValidation {
  const parsed = creditorAccountInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: [
        error(
          "INVALID_FORM",
          "登録内容",
          "金融機関コード等の項目がそろっていません（または記号・番号がありません）",
        ),
      ],
      warnings: [],
    };
  }
  const form = parsed.data;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  let bankCode = "";
  let branchCode = "";
  let accountType: AccountTypeCode | undefined;
  let accountNumber = "";
  let japanPost: { symbol: string; number: string } | undefined;

  if ("japanPost" in form) {
    const converted = convertJapanPostAccount(form.japanPost);
    if (!converted.ok) errors.push(...converted.errors);
    else {
      warnings.push(...converted.warnings);
      ({ bankCode, branchCode, accountType, accountNumber } = converted.account);
      japanPost = { symbol: digits(form.japanPost.symbol), number: digits(form.japanPost.number) };
    }
  } else {
    bankCode = digits(form.bankCode);
    if (!/^\d{4}$/.test(bankCode))
      errors.push(
        error("INVALID_BANK_CODE", "金融機関コード", "金融機関コードは4桁の数字で記入してください"),
      );
    branchCode = digits(form.branchCode);
    if (!/^\d{3}$/.test(branchCode))
      errors.push(error("INVALID_BRANCH_CODE", "支店コード", "支店コードは3桁の数字で記入してください"));
    accountType = parseAccountType(form.accountType);
    if (accountType === undefined) {
      errors.push(
        error(
          "INVALID_ACCOUNT_TYPE",
          "預金種目",
          "預金種目は普通・当座・貯蓄・その他のいずれかを記入してください",
        ),
      );
    }
    const number = digits(form.accountNumber);
    if (!/^\d{1,7}$/.test(number)) {
      errors.push(error("INVALID_ACCOUNT_NUMBER", "口座番号", "口座番号は7桁以内の数字で記入してください"));
    } else if (/^0+$/.test(number)) {
      errors.push(error("INVALID_ACCOUNT_NUMBER", "口座番号", "口座番号がすべて0です"));
    } else accountNumber = number.padStart(7, "0");
  }

  const holder = normalizeHolderName(form.holderName, {
    field: "口座名義（カナ）",
    ...(options.holderNameMaxBytes === undefined ? {} : { maxBytes: options.holderNameMaxBytes }),
  });
  errors.push(...holder.issues.filter((issue) => issue.severity === "error"));

  let bankKana: string | undefined;
  let branchKana: string | undefined;
  if (/^\d{4}$/.test(bankCode) && /^\d{3}$/.test(branchCode)) {
    const master = options.master ?? zenginBankMaster();
    const bank = master.bank(bankCode);
    if (bank === undefined) {
      warnings.push({
        severity: "warning",
        code: "UNKNOWN_BANK",
        field: "金融機関コード",
        message: `金融機関コード${bankCode}は全銀マスタ（${master.dataDate}時点）にありません。合併・統合がないか確認してください`,
      });
    } else {
      bankKana = bank.kana;
      const branch = master.branch(bankCode, branchCode);
      if (branch === undefined) {
        warnings.push({
          severity: "warning",
          code: "UNKNOWN_BRANCH",
          field: "支店コード",
          message: `${bank.name}の支店コード${branchCode}は全銀マスタ（${master.dataDate}時点）にありません。店舗の統廃合がないか確認してください`,
        });
      } else branchKana = branch.kana;
    }
  }

  if (errors.length > 0 || accountType === undefined) return { ok: false, errors, warnings };
  return {
    ok: true,
    account: {
      bankCode,
      branchCode,
      accountType,
      accountNumber,
      holderName: holder.value,
      ...(bankKana === undefined ? {} : { bankKana }),
      ...(branchKana === undefined ? {} : { branchKana }),
      ...(japanPost === undefined ? {} : { japanPost }),
    },
    warnings,
  };
}
