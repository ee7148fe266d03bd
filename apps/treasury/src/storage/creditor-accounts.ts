import { type Actor, appendAudit, type Platform } from "@ward/platform";
import {
  type BankMaster,
  type CreditorAccount,
  type FieldIssue,
  validateCreditorAccount,
} from "@ward/zengin";
import { z } from "zod";
import { treasuryDb } from "./db.js";
import type { TreasuryTables } from "./schema.js";

/** A registration form: the creditor's name and address (for the letter) and the account. */
export const creditorRegistrationSchema = z.object({
  creditorName: z
    .string()
    .trim()
    .min(1, "債権者名を入力してください。")
    .max(100, "債権者名は100文字以内です。"),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3}-?\d{4}$/, "郵便番号は7桁の数字（例：176-8501）で入力してください。")
    .transform((v) => (v.includes("-") ? v : `${v.slice(0, 3)}-${v.slice(3)}`)),
  address: z.string().trim().min(1, "住所を入力してください。").max(200, "住所は200文字以内です。"),
  bankCode: z.string().trim(),
  branchCode: z.string().trim(),
  accountType: z.string().trim(),
  accountNumber: z.string().trim(),
  holderName: z.string().trim(),
});

const FORM_FIELDS: Readonly<Record<string, string>> = {
  creditorName: "債権者名",
  postalCode: "郵便番号",
  address: "住所",
};

/** The form as typed in. */
export type CreditorRegistrationInput = z.input<typeof creditorRegistrationSchema>;

/** A stored registration. */
export interface RegisteredCreditor {
  readonly id: number;
  readonly creditorName: string;
  readonly postalCode: string;
  readonly address: string;
  readonly account: CreditorAccount;
  readonly registeredAt: Date;
}

/** The result of {@link registerCreditorAccount}. */
export type CreditorRegistration =
  | { readonly ok: true; readonly creditor: RegisteredCreditor; readonly warnings: readonly FieldIssue[] }
  | { readonly ok: false; readonly errors: readonly FieldIssue[]; readonly warnings: readonly FieldIssue[] };

/**
 * Validates a 債権者口座登録依頼書 (name, address, account against the Zengin master, holder name in
 * Zengin kana) and stores it with an audit record; the same account twice is an error.
 *
 * @param platform - the running platform
 * @param actor - who registers
 * @param input - the form
 * @param options - `master` (default: the bundled Zengin master)
 * @returns the stored creditor or every field error in Japanese
 * @example
 * await registerCreditorAccount(platform, actor, { creditorName: "練馬商事株式会社", postalCode: "1768501", address: "練馬区豊玉北6-12-1", bankCode: "0001", branchCode: "001", accountType: "普通", accountNumber: "1234567", holderName: "ネリマショウジ(カ" });
 */
export async function registerCreditorAccount(
  platform: Platform,
  actor: Actor,
  input: CreditorRegistrationInput,
  options: { readonly master?: BankMaster } = {},
): Promise<CreditorRegistration> {
  const form = creditorRegistrationSchema.safeParse(input);
  const errors: FieldIssue[] = form.success
    ? []
    : form.error.issues.map((i) => ({
        severity: "error",
        code: "INVALID_INPUT",
        field: FORM_FIELDS[String(i.path[0])] ?? String(i.path[0] ?? ""),
        message: i.message,
      }));
  const validation = validateCreditorAccount(
    {
      bankCode: input.bankCode,
      branchCode: input.branchCode,
      accountType: input.accountType,
      accountNumber: input.accountNumber,
      holderName: input.holderName,
    },
    options.master ? { master: options.master } : {},
  );
  if (!validation.ok) errors.push(...validation.errors);
  if (!form.success || !validation.ok) return { ok: false, errors, warnings: validation.warnings };
  const account = validation.account;
  const db = treasuryDb(platform);
  const existing = await db
    .selectFrom("treasury_creditor_accounts")
    .select("id")
    .where("bank_code", "=", account.bankCode)
    .where("branch_code", "=", account.branchCode)
    .where("account_type", "=", account.accountType)
    .where("account_number", "=", account.accountNumber)
    .executeTakeFirst();
  if (existing) {
    return {
      ok: false,
      errors: [
        {
          severity: "error",
          code: "INVALID_INPUT",
          field: "口座番号",
          message: `この口座は登録済みです（登録番号 ${existing.id}）。変更の場合は登録済みの依頼書と合わせて担当へ回してください。`,
        },
      ],
      warnings: validation.warnings,
    };
  }
  const registeredAt = platform.clock();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("treasury_creditor_accounts")
      .values({
        creditor_name: form.data.creditorName,
        postal_code: form.data.postalCode,
        address: form.data.address,
        bank_code: account.bankCode,
        branch_code: account.branchCode,
        account_type: account.accountType,
        account_number: account.accountNumber,
        holder_name: account.holderName,
        bank_name: account.bankKana ?? null,
        branch_name: account.branchKana ?? null,
        registered_by: actor.user?.id ?? null,
        registered_at: registeredAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      { action: "treasury.creditor.register", targetType: "creditor_account", targetId: row.id },
      { clock: platform.clock },
    );
    return row.id;
  });
  return {
    ok: true,
    creditor: {
      id,
      creditorName: form.data.creditorName,
      postalCode: form.data.postalCode,
      address: form.data.address,
      account,
      registeredAt,
    },
    warnings: validation.warnings,
  };
}

/**
 * A stored creditor by id, or undefined.
 *
 * @example
 * (await getCreditor(platform, 1))?.account.holderName; // => "ﾈﾘﾏｼﾖｳｼﾞ(ｶ"
 */
export async function getCreditor(
  platform: Pick<Platform, "db">,
  id: number,
): Promise<RegisteredCreditor | undefined> {
  const r = await treasuryDb(platform)
    .selectFrom("treasury_creditor_accounts")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    creditorName: r.creditor_name,
    postalCode: r.postal_code,
    address: r.address,
    registeredAt: r.registered_at,
    account: storedAccount(r),
  };
}

/**
 * The account columns of a `treasury_creditor_accounts` row as a {@link CreditorAccount}.
 *
 * @example
 * storedAccount(row).holderName; // => "ﾈﾘﾏｼﾖｳｼﾞ(ｶ"
 */
export function storedAccount(
  r: Pick<
    TreasuryTables["treasury_creditor_accounts"],
    | "bank_code"
    | "branch_code"
    | "account_type"
    | "account_number"
    | "holder_name"
    | "bank_name"
    | "branch_name"
  >,
): CreditorAccount {
  return {
    bankCode: r.bank_code,
    branchCode: r.branch_code,
    accountType: r.account_type as CreditorAccount["accountType"],
    accountNumber: r.account_number,
    holderName: r.holder_name,
    ...(r.bank_name ? { bankKana: r.bank_name } : {}),
    ...(r.branch_name ? { branchKana: r.branch_name } : {}),
  };
}
