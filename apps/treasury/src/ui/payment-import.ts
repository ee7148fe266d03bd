import { type Html, html } from "@ward/platform";
import { type Page, uploadForm } from "./parts.js";

/**
 * 支出命令・振込申請の取込: the two upload forms, with the last upload's outcome above them.
 *
 * @example
 * paymentImportPage({ csrfToken: "t" }).title; // => "支出命令・振込申請の取込"
 */
export function paymentImportPage(vm: {
  readonly csrfToken: string | undefined;
  readonly top?: Html;
  readonly status?: 200 | 422;
}): Page {
  return {
    title: "支出命令・振込申請の取込",
    status: vm.status ?? 200,
    body: html`${vm.top ?? ""}
<h2>支出命令</h2>${uploadForm({ csrfToken: vm.csrfToken, action: "/orders/import", label: "支出命令CSV", hint: "列：支出命令番号,支払先,支払日,金額,債権者登録番号（空欄可）", button: "取り込む" })}
<h2>e ビジネスサイト申請</h2>${uploadForm({ csrfToken: vm.csrfToken, action: "/applications/import", label: "申請CSV", hint: "列：申請番号,支払先,振込指定日,金額", button: "取り込む" })}
<p>取り込んだ後は <a href="/transfers">振込照合</a> で照合できます。</p>`,
  };
}
