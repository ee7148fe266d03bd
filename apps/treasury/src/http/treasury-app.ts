import { type IsoDate, isIsoDate, toIsoDate } from "@ward/calendar-jp";
import {
  can,
  createApp,
  csrfField,
  dataTable,
  errorSummary,
  field,
  html,
  issuesFor,
  type Platform,
  type PlatformEnv,
  renderPage,
  requirePermission,
  safeParseForm,
  selectField,
} from "@ward/platform";
import type { Hono } from "hono";
import { z } from "zod";
import { writeRegistrationLetter } from "../letters/registration-letter.js";
import { CHANNEL_REPORT_LABELS } from "../reports/labels.js";
import { tallyNotices } from "../reports/notice-tally.js";
import { DISCREPANCY_STATUS_LABELS, reconcileAccountingInput } from "../reports/reconcile-input.js";
import { receiptTallyRows, writeTallyWorkbook } from "../reports/tally-workbook.js";
import { getCreditor, registerCreditorAccount } from "../storage/creditor-accounts.js";
import { importNoticeFile } from "../storage/import-notices.js";
import { loadNotices } from "../storage/load-notices.js";
import { matchStoredTransfers, slipsDue } from "../storage/payments.js";
import { auditPersonalDataRead } from "../storage/personal-data.js";
import { type Ctx, XLSX, yen } from "./page-parts.js";
import { registerPaymentAdviceRoutes } from "./payment-advice-routes.js";
import { registerRecordsRoutes } from "./records-routes.js";

const MATCH_LABELS: Readonly<Record<string, string>> = {
  matched: "一致",
  "amount-differs": "金額相違",
  "date-differs": "日付相違",
  "missing-order": "支出命令なし",
  "missing-application": "申請なし",
};
const SLIP_STATUS: Readonly<Record<string, string>> = {
  overdue: "期限超過",
  "due-today": "本日期限",
  upcoming: "今週期限",
};

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
 * The treasury's web screens on the platform (Japanese, server-rendered): notice import, tallies by
 * date (with the workbook), reconciliation, payment slips due, transfer matching, creditor registration.
 *
 * @param platform - a platform created with the treasury migrations
 * @param options - `today` for tests; default today in Asia/Tokyo
 * @returns the Hono app
 * @example
 * await startServer(createTreasuryApp(platform), platform, { port: 3100 });
 */
export function createTreasuryApp(
  platform: Platform,
  options: { readonly today?: () => IsoDate } = {},
): Hono<PlatformEnv> {
  const today = options.today ?? (() => toIsoDate(platform.clock()));
  const dateParam = (c: Ctx, name: string, fallback: IsoDate): IsoDate => {
    const v = c.req.query(name);
    return v !== undefined && isIsoDate(v) ? v : fallback;
  };

  const importPage = (c: Ctx, body: ReturnType<typeof html> | string = "", status: 200 | 409 | 422 = 200) =>
    renderPage(c, {
      title: "納入済通知書の取込",
      status,
      body: html`${body}<form method="post" action="/notices/import" enctype="multipart/form-data">
${csrfField(c.get("session")?.csrfToken)}
${field({ name: "file", label: "納入済通知書CSV", type: "file", required: true, hint: "UTF-8 または Shift_JIS。誤りが1件でもあれば、ファイル全体を取り込みません。" })}
<button class="primary" type="submit">取り込む</button></form>`,
    });

  const creditorPage = (
    c: Ctx,
    values: Record<string, string> = {},
    issues: { path: string; message: string }[] = [],
    notice = "",
  ) =>
    renderPage(c, {
      title: "債権者口座の登録",
      status: issues.length ? 422 : 200,
      ...(notice ? { notice } : {}),
      body: html`${errorSummary(issues)}<form method="post" action="/creditors" novalidate>
${csrfField(c.get("session")?.csrfToken)}
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
    });

  return createApp(platform, {
    title: "練馬区 公金収納・支払事務",
    nav: [
      { href: "/", label: "ホーム" },
      { href: "/notices/import", label: "通知書取込", permission: "write" },
      { href: "/tallies", label: "集計表", permission: "read" },
      { href: "/reconcile", label: "照合", permission: "read" },
      { href: "/slips", label: "払込票", permission: "read" },
      { href: "/transfers", label: "振込照合", permission: "read" },
      { href: "/creditors/new", label: "債権者口座登録", permission: "write" },
      { href: "/payments/import", label: "支出命令・申請取込", permission: "write" },
      { href: "/failed-transfers", label: "支払不能", permission: "read" },
      { href: "/payment-advice", label: "支払案内書", permission: "personal_data" },
      { href: "/stamps", label: "郵券受払簿", permission: "read" },
      { href: "/reports", label: "日報・完了報告", permission: "read" },
    ],
    routes: (app) => {
      registerRecordsRoutes(app, platform, today);
      registerPaymentAdviceRoutes(app, platform, today);
      app.get("/", requirePermission("read"), async (c) => {
        const due = await slipsDue(platform, { today: today(), scope: "today" });
        return renderPage(c, {
          title: "ホーム",
          body: html`<p>本日（${today()}）期限の払込票：<strong>${due.length}件</strong>${due.length ? html`（<a href="/slips">確認する</a>）` : ""}</p>
<ul><li><a href="/notices/import">納入済通知書を取り込む</a></li><li><a href="/tallies">集計表（済通集計表・公金収納集計表・収入日計表）</a></li><li><a href="/reconcile">財務会計入力との照合</a></li></ul>`,
        });
      });

      app.get("/notices/import", requirePermission("write"), (c) => importPage(c));
      app.post("/notices/import", requirePermission("write"), async (c) => {
        const form = await safeParseForm(
          c,
          z.object({ file: z.instanceof(File, { message: "ファイルを選んでください。" }) }),
        );
        if (!form.ok || form.data.file.size === 0) {
          return importPage(
            c,
            html`<div class="alert" role="alert"><p>取り込むCSVファイルを選んでください。</p></div>`,
            422,
          );
        }
        const file = form.data.file;
        const result = await importNoticeFile(
          platform,
          c.get("actor"),
          new Uint8Array(await file.arrayBuffer()),
          {
            fileName: file.name,
            today: today(),
          },
        );
        if ("busy" in result) {
          return importPage(c, html`<div class="alert" role="alert"><p>${result.messageJa}</p></div>`, 409);
        }
        if (!result.ok) {
          return importPage(
            c,
            html`<div class="alert" role="alert"><p>取込を中止しました。1件も保存していません（誤り ${result.errors.length}${result.truncated ? "件以上" : "件"}）。</p></div>
${dataTable({ caption: "誤りの一覧", columns: ["行", "列", "値", "内容"], rows: result.errors.slice(0, 200).map((e) => [e.line, e.column ?? "", e.value ?? "", e.message]) })}`,
            422,
          );
        }
        return importPage(
          c,
          html`<div class="notice" role="status"><p>取込完了：${result.rowCount}件（新規 ${result.freshCount}件、取込済みのため除外 ${result.reimportCount}件）、新規分 ${yen(result.totalYen)}、取込番号 ${result.batchId}</p></div>`,
        );
      });

      app.get("/tallies", requirePermission("read"), async (c) => {
        const date = dateParam(c, "date", today());
        const notices = await loadNotices(platform, { from: date, to: date });
        const rows = receiptTallyRows(tallyNotices(notices));
        return renderPage(c, {
          title: `済通集計表（${date}）`,
          body: html`<form method="get" action="/tallies">${field({ name: "date", label: "収納日", type: "date", value: date })}<button type="submit">表示</button></form>
<p><a href="/tallies.xlsx?date=${date}">Excelで保存（済通集計表・公金収納集計表・収入日計表）</a></p>
${dataTable({
  caption: `済通集計表 ${date}（${notices.length}件）`,
  columns: ["収納区分", "会計", "款", "項", "目", "節", "所属", "件数", "金額"],
  empty: "この日の納入済通知書はありません。",
  rows: notices.length
    ? rows.map((r) =>
        r.values.map((v, i) =>
          i === 8 && typeof v === "number"
            ? yen(v)
            : r.emphasis
              ? html`<strong>${v ?? ""}</strong>`
              : (v ?? ""),
        ),
      )
    : [],
})}`,
        });
      });
      app.get("/tallies.xlsx", requirePermission("read"), async (c) => {
        const date = dateParam(c, "date", today());
        const notices = await loadNotices(platform, { from: date, to: date });
        const bytes = await writeTallyWorkbook(notices, {
          period: { from: date, to: date },
          createdOn: today(),
        });
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
          "content-type": XLSX,
          "content-disposition": `attachment; filename="shutsuno-${date}.xlsx"`,
        });
      });

      const reconcileForm = (
        c: Ctx,
      ) => html`<form method="post" action="/reconcile" enctype="multipart/form-data">
${csrfField(c.get("session")?.csrfToken)}
${field({ name: "from", label: "収納日（から）", type: "date", required: true, value: today() })}
${field({ name: "to", label: "収納日（まで）", type: "date", required: true, value: today() })}
${field({ name: "file", label: "財務会計システムの入力データ（CSV）", type: "file", required: true, hint: "納入済通知書と同じ列のCSV" })}
<button class="primary" type="submit">照合する</button></form>`;
      app.get("/reconcile", requirePermission("read"), (c) =>
        renderPage(c, { title: "財務会計入力との照合", body: reconcileForm(c) }),
      );
      app.post("/reconcile", requirePermission("read"), async (c) => {
        const form = await safeParseForm(
          c,
          z.object({
            from: z.iso.date("日付を入力してください。"),
            to: z.iso.date("日付を入力してください。"),
            file: z.instanceof(File, { message: "ファイルを選んでください。" }),
          }),
        );
        if (!form.ok) {
          return renderPage(c, {
            title: "財務会計入力との照合",
            status: 422,
            body: html`${errorSummary(form.issues)}${reconcileForm(c)}`,
          });
        }
        const notices = await loadNotices(platform, {
          from: form.data.from as IsoDate,
          to: form.data.to as IsoDate,
        });
        const result = reconcileAccountingInput(notices, new Uint8Array(await form.data.file.arrayBuffer()));
        const body = !result.ok
          ? html`<div class="alert" role="alert"><p>入力データを読めませんでした。</p></div>${dataTable({ caption: "誤りの一覧", columns: ["行", "列", "内容"], rows: result.errors.slice(0, 200).map((e) => [e.line, e.column ?? "", e.message]) })}`
          : html`<div class="${result.balanced ? "notice" : "alert"}" role="status"><p>${result.summaryJa}</p></div>
${dataTable({
  caption: "差異のある区分",
  columns: ["区分", "状態", "集計表 件数", "集計表 金額", "入力 件数", "入力 金額", "差 件数", "差額"],
  empty: "差異はありません。",
  rows: result.discrepancies.map((d) => [
    d.cell,
    DISCREPANCY_STATUS_LABELS[d.status],
    d.expectedCount,
    yen(d.expectedYen),
    d.enteredCount,
    yen(d.enteredYen),
    d.differenceCount,
    yen(d.differenceYen),
  ]),
})}`;
        return renderPage(c, {
          title: "照合結果",
          status: result.ok ? 200 : 422,
          body: html`${body}${reconcileForm(c)}`,
        });
      });

      app.get("/slips", requirePermission("read"), async (c) => {
        const scope = c.req.query("scope") === "week" ? "week" : "today";
        const slips = await slipsDue(platform, { today: today(), scope });
        return renderPage(c, {
          title: scope === "week" ? "今週期限の払込票" : "本日期限の払込票",
          body: html`<p><a href="/slips?scope=today">本日・期限超過</a>｜<a href="/slips?scope=week">今週</a></p>
${dataTable({
  caption: `払込票（基準日 ${today()}）`,
  columns: ["番号", "支払先", "支払希望日", "集計期限", "状態", "金額"],
  empty: "該当する払込票はありません。",
  rows: slips.map((s) => [
    s.slip.id,
    s.slip.payee,
    s.slip.desiredPaymentDate,
    s.dueDate,
    s.urgent
      ? html`<strong class="urgent">至急・${SLIP_STATUS[s.status] ?? s.status}</strong>`
      : (SLIP_STATUS[s.status] ?? s.status),
    yen(s.slip.amount),
  ]),
})}`,
        });
      });

      app.get("/transfers", requirePermission("read"), async (c) => {
        const from = dateParam(c, "from", today());
        const to = dateParam(c, "to", from);
        const matches = await matchStoredTransfers(platform, { from, to });
        return renderPage(c, {
          title: "口座振替情報（e ビジネスサイト）照合",
          body: html`<form method="get" action="/transfers">${field({ name: "from", label: "振込指定日（から）", type: "date", value: from })}${field({ name: "to", label: "振込指定日（まで）", type: "date", value: to })}<button type="submit">照合</button></form>
${dataTable({
  caption: `照合結果 ${from}～${to}（${matches.filter((m) => m.status === "matched").length}/${matches.length}件一致）`,
  columns: ["結果", "申請", "支出命令", "差"],
  empty: "対象の申請・支出命令はありません。",
  rows: matches.map((m) => {
    const item = (t: { id: string; transferDate: string; amount: number } | undefined) =>
      t ? `${t.id} ${t.transferDate} ${yen(t.amount)}` : "";
    return [
      m.status === "matched"
        ? (MATCH_LABELS[m.status] ?? "")
        : html`<strong>${MATCH_LABELS[m.status] ?? m.status}</strong>`,
      item("application" in m ? m.application : undefined),
      item("order" in m ? m.order : undefined),
      m.status === "amount-differs"
        ? yen(m.amountDifference)
        : m.status === "date-differs"
          ? `${m.dayDifference}日`
          : "",
    ];
  }),
})}`,
        });
      });

      app.get("/creditors/new", requirePermission("write"), (c) => creditorPage(c));
      app.get("/creditors/:id{[0-9]+}/letter.pdf", requirePermission("personal_data"), async (c) => {
        const creditor = await getCreditor(platform, Number(c.req.param("id")));
        if (creditor)
          await auditPersonalDataRead(platform, c.get("actor"), {
            output: "creditor_letter",
            target: String(creditor.id),
            format: "pdf",
            records: 1,
          });
        if (!creditor)
          return renderPage(c, {
            title: "見つかりません",
            status: 404,
            body: html`<p>登録がありません。</p>`,
          });
        const bytes = await writeRegistrationLetter(creditor, { date: today() });
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
          "content-type": "application/pdf",
          "content-disposition": `inline; filename="touroku-${creditor.id}.pdf"`,
        });
      });
      app.post("/creditors", requirePermission("write"), async (c) => {
        const form = await safeParseForm(c, z.record(z.string(), z.unknown()));
        const values = form.values;
        const result = await registerCreditorAccount(platform, c.get("actor"), {
          creditorName: values.creditorName ?? "",
          postalCode: values.postalCode ?? "",
          address: values.address ?? "",
          bankCode: values.bankCode ?? "",
          branchCode: values.branchCode ?? "",
          accountType: values.accountType ?? "",
          accountNumber: values.accountNumber ?? "",
          holderName: values.holderName ?? "",
        });
        if (!result.ok) {
          return creditorPage(
            c,
            values,
            result.errors.map((e) => ({
              path: CREDITOR_FIELDS[e.field] ?? "holderName",
              message: `${e.field}：${e.message}`,
            })),
          );
        }
        const a = result.creditor.account;
        return creditorPage(
          c,
          {},
          [],
          `登録しました（登録番号 ${result.creditor.id}：${a.bankCode}-${a.branchCode} ${a.accountNumber} ${a.holderName}）。${result.warnings.map((w) => w.message).join(" ")}${
            can(c.get("actor").user ?? { role: "read_only" }, "personal_data")
              ? ` 登録完了のお知らせ：/creditors/${result.creditor.id}/letter.pdf`
              : ""
          }`,
        );
      });
    },
  });
}

export { CHANNEL_REPORT_LABELS };
