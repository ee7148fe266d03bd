import { html } from "@ward/platform";
import type { Page } from "./parts.js";

/**
 * ホーム: today's count of payment slips due and the main tasks.
 *
 * @example
 * homePage({ today: "2025-07-10", dueCount: 2 }).title; // => "ホーム"
 */
export function homePage(vm: { readonly today: string; readonly dueCount: number }): Page {
  return {
    title: "ホーム",
    body: html`<p>本日（${vm.today}）期限の払込票：<strong>${vm.dueCount}件</strong>${vm.dueCount ? html`（<a href="/slips">確認する</a>）` : ""}</p>
<ul><li><a href="/notices/import">納入済通知書を取り込む</a></li><li><a href="/tallies">集計表（済通集計表・公金収納集計表・収入日計表）</a></li><li><a href="/reconcile">財務会計入力との照合</a></li></ul>`,
  };
}
