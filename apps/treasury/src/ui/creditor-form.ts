import { csrfField, errorSummary, field, html, issuesFor, selectField } from "@ward/platform";
import type { Issues, Page } from "./parts.js";

/** Domain field names (Japanese) → the registration form's inputs. */
const CREDITOR_FIELDS: Readonly<Record<string, string>> = {
  債権者名: "creditorName",
  郵便番号: "postalCode",
  住所: "address",
  金融機関コード: "bankCode",
  支店コード: "branchCode",
  預金種目: "accountType",
  口座番号: "accountNumber",
  "口座名義（カナ）": "holderName",
};

/**
 * The domain's findings (named by Japanese field) as issues beside the form's inputs.
 *
 * @example
 * creditorIssues([{ field: "支店コード", message: "3桁の数字です" }]); // => [{ path: "branchCode", message: "支店コード：3桁の数字です" }]
 */
export function creditorIssues(
  errors: readonly { readonly field: string; readonly message: string }[],
): Issues {
  return errors.map((e) => ({
    path: CREDITOR_FIELDS[e.field] ?? "holderName",
    message: `${e.field}：${e.message}`,
  }));
}

/**
 * 債権者口座の登録: the form with the submitted values and their issues, or a notice after saving.
 *
 * @example
 * creditorFormPage({ csrfToken: "t" }).status; // => 200
 */
export function creditorFormPage(vm: {
  readonly csrfToken: string | undefined;
  readonly values?: Readonly<Record<string, string>>;
  readonly issues?: Issues;
  readonly notice?: string;
}): Page {
  const values = vm.values ?? {};
  const issues = [...(vm.issues ?? [])];
  return {
    title: "債権者口座の登録",
    status: issues.length ? 422 : 200,
    ...(vm.notice ? { notice: vm.notice } : {}),
    body: html`${errorSummary(issues)}<form method="post" action="/creditors" novalidate>
${csrfField(vm.csrfToken)}
${field({ name: "creditorName", label: "債権者名", required: true, value: values.creditorName ?? "", error: issuesFor(issues, "creditorName") })}
${field({ name: "postalCode", label: "郵便番号", required: true, hint: "例：176-8501", value: values.postalCode ?? "", error: issuesFor(issues, "postalCode") })}
${field({ name: "address", label: "住所", required: true, value: values.address ?? "", error: issuesFor(issues, "address") })}
${field({ name: "bankCode", label: "金融機関コード", required: true, hint: "4桁。ゆうちょ銀行は 9900", value: values.bankCode ?? "", error: issuesFor(issues, "bankCode") })}
${field({ name: "branchCode", label: "支店コード", required: true, hint: "3桁", value: values.branchCode ?? "", error: issuesFor(issues, "branchCode") })}
${selectField({
  name: "accountType",
  label: "預金種目",
  options: [
    ["1", "普通"],
    ["2", "当座"],
    ["4", "貯蓄"],
    ["9", "その他"],
  ],
  value: values.accountType ?? "1",
  error: issuesFor(issues, "accountType"),
})}
${field({ name: "accountNumber", label: "口座番号", required: true, hint: "7桁以内の数字", value: values.accountNumber ?? "", error: issuesFor(issues, "accountNumber") })}
${field({ name: "holderName", label: "口座名義（カナ）", required: true, hint: "例：ネリマショウジ（カ", value: values.holderName ?? "", error: issuesFor(issues, "holderName") })}
<button class="primary" type="submit">登録する</button></form>`,
  };
}
