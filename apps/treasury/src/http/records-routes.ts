import { type IsoDate, isIsoDate, monthRange } from "@ward/calendar-jp";
import {
  csrfField,
  dataTable,
  errorSummary,
  field,
  type Html,
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
import {
  FAILED_TRANSFER_REASONS,
  FAILED_TRANSFER_REPLY_LABELS,
  FAILED_TRANSFER_STATUS_LABELS,
  type FailedTransferReply,
  type FailedTransferStatus,
  stampEntrySchema,
  WORK_ITEMS,
  workItemTitle,
} from "../domain/index.js";
import { failedTransferReport } from "../reports/failed-transfer-report.js";
import { writeReportPdf, writeReportWorkbook, writeSectionCsv } from "../reports/report-files.js";
import { stampLedgerReport } from "../reports/stamp-ledger-report.js";
import { workReport } from "../reports/work-report.js";
import {
  addFailedTransfers,
  importFailedTransfersCsv,
  listFailedTransfers,
  updateFailedTransfer,
} from "../storage/failed-transfers.js";
import { importPaymentOrdersCsv, importTransferApplicationsCsv } from "../storage/import-payments.js";
import { loadStampBook, recordStampEntry } from "../storage/stamp-entries.js";
import { addWorkRecord, loadWorkReportData } from "../storage/work-records.js";
import { type Ctx, download, importErrors, uploadedFile, uploadForm, yen } from "./page-parts.js";

type Issues = { path: string; message: string }[];
const STATUS_OPTIONS = Object.entries(FAILED_TRANSFER_STATUS_LABELS) as [FailedTransferStatus, string][];
const REPLY_OPTIONS: [string, string][] = [
  ["", "（未回答）"],
  ...Object.entries(FAILED_TRANSFER_REPLY_LABELS),
];
const REASON_OPTIONS = Object.entries(FAILED_TRANSFER_REASONS)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, label]): [string, string] => [code, `${code} ${label}`]);

const failedTransferForm = z.object({
  notifiedOn: z.iso.date("通知日を入力してください。"),
  payee: z.string().trim().min(1, "支払先を入力してください。").max(100, "支払先は100文字以内です。"),
  amount: z.coerce
    .number("金額を数字で入力してください。")
    .int("金額は円単位の整数です。")
    .min(1, "金額は1円以上です。"),
  reasonCode: z.enum(
    Object.keys(FAILED_TRANSFER_REASONS) as [string, ...string[]],
    "不能事由を選んでください。",
  ),
  reasonText: z.string().trim().max(100, "不能事由は100文字以内です。").default(""),
  departmentCode: z
    .string()
    .trim()
    .regex(/^\d{1,8}$/, "所属コードは8桁以内の数字です。"),
});
const updateForm = z.object({
  status: z.enum(
    Object.keys(FAILED_TRANSFER_STATUS_LABELS) as [FailedTransferStatus, ...FailedTransferStatus[]],
  ),
  replyKind: z.union([z.literal(""), z.enum(["resend", "change", "refund"])]).default(""),
  replyText: z.string().trim().max(200, "回答内容は200文字以内です。").default(""),
});

/**
 * The record-keeping screens: 口座振替支払不能 (log, department reply and status, CSV/Excel), 郵券受払簿,
 * 業務日報・完了報告書 (work records, Excel/PDF) and the 支出命令 / e ビジネスサイト CSV imports.
 *
 * @example
 * createApp(platform, { routes: (app) => registerRecordsRoutes(app, platform, () => "2025-07-10") });
 */
export function registerRecordsRoutes(
  app: Hono<PlatformEnv>,
  platform: Platform,
  today: () => IsoDate,
): void {
  const csrf = (c: Ctx) => csrfField(c.get("session")?.csrfToken);
  const dateQuery = (c: Ctx, name: string) => {
    const v = c.req.query(name);
    return v !== undefined && isIsoDate(v) ? v : today();
  };
  const monthQuery = (c: Ctx) => {
    const v = c.req.query("month");
    return v !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : today().slice(0, 7);
  };

  // 口座振替支払不能 ---------------------------------------------------------------------------
  const failedPage = async (
    c: Ctx,
    o: { top?: Html; values?: Record<string, string>; issues?: Issues; status?: 200 | 422 } = {},
  ) => {
    const filter = c.req.query("status");
    const status = STATUS_OPTIONS.find(([k]) => k === filter)?.[0];
    const list = await listFailedTransfers(platform, status ? { status } : {});
    const v = o.values ?? {};
    const issues = o.issues ?? [];
    return renderPage(c, {
      title: "口座振替支払不能",
      status: o.status ?? 200,
      body: html`${o.top ?? ""}
<p>${STATUS_OPTIONS.map(([k, l]) => html`<a href="/failed-transfers?status=${k}">${l}</a>｜`)}<a href="/failed-transfers">すべて</a>
｜<a href="/failed-transfers.xlsx">Excelで保存</a>｜<a href="/failed-transfers.csv">CSVで保存</a></p>
${dataTable({
  caption: `支払不能の一覧（${list.length}件）`,
  columns: ["番号", "通知日", "支払先", "金額", "不能事由", "所属", "状態", "担当課の回答・状態の変更"],
  empty: "該当する記録はありません。",
  rows: list.map((f) => [
    f.id,
    f.notifiedOn,
    f.payee,
    yen(f.amount),
    `${f.reasonCode} ${f.reasonText}`,
    f.departmentCode,
    FAILED_TRANSFER_STATUS_LABELS[f.status],
    f.status === "completed"
      ? `${f.replyKind ? FAILED_TRANSFER_REPLY_LABELS[f.replyKind] : ""} ${f.replyText}`
      : html`<form method="post" action="/failed-transfers/${f.id}">${csrf(c)}
${selectField({ name: "replyKind", label: "回答", options: REPLY_OPTIONS, value: f.replyKind ?? "" })}
${field({ name: "replyText", label: "回答内容", value: f.replyText })}
${selectField({ name: "status", label: "状態", options: STATUS_OPTIONS, value: f.status })}
<button type="submit">更新</button></form>`,
  ]),
})}
<h2>支払不能通知の登録</h2>${errorSummary(issues)}
<form method="post" action="/failed-transfers" novalidate>${csrf(c)}
${field({ name: "notifiedOn", label: "通知日", type: "date", required: true, value: v.notifiedOn ?? today(), error: issuesFor(issues, "notifiedOn") })}
${field({ name: "payee", label: "支払先", required: true, value: v.payee ?? "", error: issuesFor(issues, "payee") })}
${field({ name: "amount", label: "金額（円）", required: true, value: v.amount ?? "", error: issuesFor(issues, "amount") })}
${selectField({ name: "reasonCode", label: "不能事由", options: REASON_OPTIONS, value: v.reasonCode ?? "01", error: issuesFor(issues, "reasonCode") })}
${field({ name: "reasonText", label: "不能事由（補足）", value: v.reasonText ?? "", error: issuesFor(issues, "reasonText") })}
${field({ name: "departmentCode", label: "所属コード", required: true, value: v.departmentCode ?? "", error: issuesFor(issues, "departmentCode") })}
<button class="primary" type="submit">登録する</button></form>
<h2>CSVで取り込む</h2>
${uploadForm(c, { action: "/failed-transfers/import", label: "支払不能CSV", hint: "列：通知日,支払先,金額,不能事由コード,不能事由,所属コード。誤りが1件でもあれば、ファイル全体を取り込みません。", button: "取り込む" })}`,
    });
  };
  app.get("/failed-transfers", requirePermission("read"), (c) => failedPage(c));
  app.post("/failed-transfers", requirePermission("write"), async (c) => {
    const form = await safeParseForm(c, failedTransferForm);
    if (!form.ok) return failedPage(c, { values: form.values, issues: form.issues, status: 422 });
    const f = form.data;
    const [id] = await addFailedTransfers(platform, c.get("actor"), [
      {
        ...f,
        notifiedOn: f.notifiedOn as IsoDate,
        reasonText: f.reasonText || (FAILED_TRANSFER_REASONS[f.reasonCode] ?? ""),
      },
    ]);
    return failedPage(c, {
      top: html`<div class="notice" role="status"><p>登録しました（番号 ${id ?? ""}、未連絡）。</p></div>`,
    });
  });
  app.post("/failed-transfers/import", requirePermission("write"), async (c) => {
    const file = await uploadedFile(c);
    if (!file)
      return failedPage(c, {
        top: html`<div class="alert" role="alert"><p>取り込むCSVファイルを選んでください。</p></div>`,
        status: 422,
      });
    const result = await importFailedTransfersCsv(
      platform,
      c.get("actor"),
      new Uint8Array(await file.arrayBuffer()),
      file.name,
    );
    return result.ok
      ? failedPage(c, {
          top: html`<div class="notice" role="status"><p>${result.count}件を取り込みました（未連絡）。</p></div>`,
        })
      : failedPage(c, { top: importErrors(result.errors), status: 422 });
  });
  app.post("/failed-transfers/:id{[0-9]+}", requirePermission("write"), async (c) => {
    const form = await safeParseForm(c, updateForm);
    if (!form.ok) return failedPage(c, { top: errorSummary(form.issues), status: 422 });
    const result = await updateFailedTransfer(platform, c.get("actor"), Number(c.req.param("id")), {
      status: form.data.status,
      ...(form.data.replyKind ? { replyKind: form.data.replyKind as FailedTransferReply } : {}),
      replyText: form.data.replyText,
    });
    return result.ok
      ? failedPage(c, {
          top: html`<div class="notice" role="status"><p>番号 ${result.transfer.id} を「${FAILED_TRANSFER_STATUS_LABELS[result.transfer.status]}」にしました。</p></div>`,
        })
      : failedPage(c, {
          top: html`<div class="alert" role="alert"><p>更新できません：${result.message}</p></div>`,
          status: 422,
        });
  });
  for (const ext of ["xlsx", "csv"] as const) {
    app.get(`/failed-transfers.${ext}`, requirePermission("read"), async (c) => {
      const report = failedTransferReport(await listFailedTransfers(platform), today());
      const section = report.sections[0];
      const bytes = ext === "csv" && section ? writeSectionCsv(section) : await writeReportWorkbook(report);
      return download(c, bytes, `funou-${today()}.${ext}`);
    });
  }

  // 郵券受払簿 ---------------------------------------------------------------------------------
  const stampPage = async (
    c: Ctx,
    o: { top?: Html; values?: Record<string, string>; issues?: Issues; status?: 200 | 422 } = {},
  ) => {
    const { book } = await loadStampBook(platform);
    const v = o.values ?? {};
    const issues = o.issues ?? [];
    return renderPage(c, {
      title: "郵券受払簿",
      status: o.status ?? 200,
      body: html`${o.top ?? ""}${errorSummary(issues)}
<form method="post" action="/stamps" novalidate>${csrf(c)}
${field({ name: "date", label: "日付", type: "date", required: true, value: v.date ?? today(), error: issuesFor(issues, "date") })}
${field({ name: "denomination", label: "券種（円）", required: true, hint: "例：110", value: v.denomination ?? "", error: issuesFor(issues, "denomination") })}
${field({ name: "received", label: "受入（枚）", value: v.received ?? "", error: issuesFor(issues, "received") })}
${field({ name: "used", label: "払出（枚）", value: v.used ?? "", error: issuesFor(issues, "used") })}
${field({ name: "description", label: "摘要", required: true, hint: "例：返信用切手、支払案内書送付", value: v.description ?? "", error: issuesFor(issues, "description") })}
${field({ name: "counted", label: "実査残（枚、任意）", hint: "数えた残数を入れると帳簿と照合します", value: v.counted ?? "", error: issuesFor(issues, "counted") })}
<button class="primary" type="submit">記録する</button></form>
<p><a href="/stamps.xlsx">Excelで保存（郵券受払簿）</a></p>
${dataTable({
  caption: `券種別残高（合計 ${yen(book.days.at(-1)?.valueYen ?? 0)}）`,
  columns: ["券種", "受入計", "払出計", "残高（枚）", "金額"],
  empty: "記録はまだありません。",
  rows: book.ledger.balances.map((b) => [
    `${b.denomination}円`,
    b.received,
    b.used,
    b.remaining,
    yen(b.remaining * b.denomination),
  ]),
})}
${dataTable({
  caption: "受払の記録",
  columns: ["月日", "券種", "摘要", "受入", "払出", "残高"],
  empty: "記録はまだありません。",
  rows: book.ledger.lines.map((l) => [
    l.date ?? "",
    `${l.denomination}円`,
    l.description ?? "",
    l.received || "",
    l.used || "",
    l.remaining,
  ]),
})}`,
    });
  };
  app.get("/stamps", requirePermission("read"), (c) => stampPage(c));
  app.post("/stamps", requirePermission("write"), async (c) => {
    const body = await safeParseForm(c, z.record(z.string(), z.unknown()));
    const values = body.values;
    const parsed = stampEntrySchema.safeParse({
      ...values,
      received: values.received || 0,
      used: values.used || 0,
      counted: values.counted || undefined,
    });
    if (!parsed.success)
      return stampPage(c, {
        values,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        status: 422,
      });
    const result = await recordStampEntry(platform, c.get("actor"), parsed.data);
    return result.ok
      ? stampPage(c, {
          top: html`<div class="notice" role="status"><p>記録しました：${parsed.data.denomination}円切手 残 ${result.remaining}枚</p></div>`,
        })
      : stampPage(c, {
          values,
          top: html`<div class="alert" role="alert"><p>${result.message}</p></div>`,
          status: 422,
        });
  });
  app.get("/stamps.xlsx", requirePermission("read"), async (c) => {
    const { book } = await loadStampBook(platform);
    return download(c, await writeReportWorkbook(stampLedgerReport(book, today())), `yuken-${today()}.xlsx`);
  });

  // 業務日報・完了報告書 ------------------------------------------------------------------------
  const reportPage = async (
    c: Ctx,
    o: { top?: Html; values?: Record<string, string>; issues?: Issues; status?: 200 | 422 } = {},
  ) => {
    const date = dateQuery(c, "date");
    const month = monthQuery(c);
    const data = await loadWorkReportData(platform, { from: date, to: date });
    const v = o.values ?? {};
    const issues = o.issues ?? [];
    return renderPage(c, {
      title: "業務日報・完了報告書",
      status: o.status ?? 200,
      body: html`${o.top ?? ""}
<form method="get" action="/reports">${field({ name: "date", label: "日付", type: "date", value: date })}${field({ name: "month", label: "月（YYYY-MM）", value: month })}<button type="submit">表示</button></form>
<p>業務日報 ${date}：<a href="/reports/daily.xlsx?date=${date}">Excel</a>｜<a href="/reports/daily.pdf?date=${date}">PDF</a>　
完了報告書 ${month}：<a href="/reports/monthly.xlsx?month=${month}">Excel</a>｜<a href="/reports/monthly.pdf?month=${month}">PDF</a></p>
${dataTable({
  caption: `業務記録 ${date}（${data.records.length}件）`,
  columns: ["業務項目", "件数", "担当者", "備考"],
  empty: "この日の業務記録はありません。",
  rows: data.records.map((r) => [workItemTitle(r.workItemId), r.count, r.staff, r.note]),
})}
<h2>業務記録の入力</h2>${errorSummary(issues)}
<form method="post" action="/work-records" novalidate>${csrf(c)}
${field({ name: "date", label: "日付", type: "date", required: true, value: v.date ?? date, error: issuesFor(issues, "date") })}
${selectField({ name: "workItemId", label: "業務項目（委託内容）", options: WORK_ITEMS.map((w): [string, string] => [w.id, w.title]), value: v.workItemId ?? "", error: issuesFor(issues, "workItemId") })}
${field({ name: "count", label: "件数", required: true, value: v.count ?? "", error: issuesFor(issues, "count") })}
${field({ name: "staff", label: "担当者", required: true, value: v.staff ?? "", error: issuesFor(issues, "staff") })}
${field({ name: "note", label: "備考", value: v.note ?? "", error: issuesFor(issues, "note") })}
<button class="primary" type="submit">登録する</button></form>`,
    });
  };
  app.get("/reports", requirePermission("read"), (c) => reportPage(c));
  app.post("/work-records", requirePermission("write"), async (c) => {
    const body = await safeParseForm(c, z.record(z.string(), z.unknown()));
    const result = await addWorkRecord(platform, c.get("actor"), body.values);
    return result.ok
      ? reportPage(c, {
          top: html`<div class="notice" role="status"><p>登録しました：${workItemTitle(result.record.workItemId)} ${result.record.count}件</p></div>`,
        })
      : reportPage(c, { values: body.values, issues: [...result.issues], status: 422 });
  });
  for (const kind of ["daily", "monthly"] as const) {
    for (const ext of ["xlsx", "pdf"] as const) {
      app.get(`/reports/${kind}.${ext}`, requirePermission("read"), async (c) => {
        const range =
          kind === "daily"
            ? { from: dateQuery(c, "date"), to: dateQuery(c, "date") }
            : monthRange(monthQuery(c));
        const report = workReport(await loadWorkReportData(platform, range), kind);
        const bytes = ext === "pdf" ? await writeReportPdf(report) : await writeReportWorkbook(report);
        return download(
          c,
          bytes,
          `${kind === "daily" ? "nippo" : "kanryo"}-${kind === "daily" ? range.from : monthQuery(c)}.${ext}`,
        );
      });
    }
  }

  // 支出命令・e ビジネスサイト申請の取込 ---------------------------------------------------------
  const paymentsPage = (c: Ctx, top: Html | string = "", status: 200 | 422 = 200) =>
    renderPage(c, {
      title: "支出命令・振込申請の取込",
      status,
      body: html`${top}
<h2>支出命令</h2>${uploadForm(c, { action: "/orders/import", label: "支出命令CSV", hint: "列：支出命令番号,支払先,支払日,金額,債権者登録番号（空欄可）", button: "取り込む" })}
<h2>e ビジネスサイト申請</h2>${uploadForm(c, { action: "/applications/import", label: "申請CSV", hint: "列：申請番号,支払先,振込指定日,金額", button: "取り込む" })}
<p>取り込んだ後は <a href="/transfers">振込照合</a> で照合できます。</p>`,
    });
  app.get("/payments/import", requirePermission("write"), (c) => paymentsPage(c));
  const importRoute = (path: string, noun: string, run: typeof importPaymentOrdersCsv) =>
    app.post(path, requirePermission("write"), async (c) => {
      const file = await uploadedFile(c);
      if (!file)
        return paymentsPage(
          c,
          html`<div class="alert" role="alert"><p>取り込むCSVファイルを選んでください。</p></div>`,
          422,
        );
      const result = await run(platform, c.get("actor"), new Uint8Array(await file.arrayBuffer()), file.name);
      return result.ok
        ? paymentsPage(
            c,
            html`<div class="notice" role="status"><p>${noun}を${result.count}件取り込みました（${yen(result.totalYen)}）。</p></div>`,
          )
        : paymentsPage(c, importErrors(result.errors), 422);
    });
  importRoute("/orders/import", "支出命令", importPaymentOrdersCsv);
  importRoute("/applications/import", "e ビジネスサイト申請", importTransferApplicationsCsv);
}
