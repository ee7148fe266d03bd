import { monthRange } from "@ward/calendar-jp";
import { fileResponse, renderPage, requirePermission, safeParseForm } from "@ward/platform";
import { z } from "zod";
import { workItemTitle } from "../domain/index.js";
import { noticeBox } from "../ui/parts.js";
import { workReportsPage } from "../ui/work-reports.js";
import { POLICIES } from "../use-cases/policies.js";
import { recordWork } from "../use-cases/record-work.js";
import { exportWorkReport, showWorkReport } from "../use-cases/show-work-report.js";
import { csrfTokenOf, dateQuery, type RouteDeps, screenApp } from "./route-deps.js";

const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * 業務日報・完了報告書: `/reports?date=&month=`, `POST /work-records` and the daily/monthly Excel/PDF.
 *
 * @example
 * app.route("/", workReportRoutes({ platform, today, workers }));
 */
export function workReportRoutes({ platform, today, workers }: RouteDeps) {
  const read = requirePermission(POLICIES.viewReceipts);
  const monthQuery = (c: Parameters<typeof csrfTokenOf>[0]) =>
    monthText.catch(today().slice(0, 7)).parse(c.req.query("month"));
  const page = async (
    c: Parameters<typeof csrfTokenOf>[0],
    o: Omit<Parameters<typeof workReportsPage>[0], "csrfToken" | "date" | "month" | "data"> = {},
  ) => {
    const date = dateQuery(c, "date", today());
    const data = await showWorkReport(platform, c.get("actor"), { from: date, to: date });
    return renderPage(
      c,
      workReportsPage({ csrfToken: csrfTokenOf(c), date, month: monthQuery(c), data, ...o }),
    );
  };
  const app = screenApp()
    .get("/reports", read, (c) => page(c))
    // The domain's schema reads the record (it owns the messages); the form only gathers the texts.
    .post("/work-records", requirePermission(POLICIES.recordWork), async (c) => {
      const form = await safeParseForm(c, z.record(z.string(), z.unknown()));
      const result = await recordWork(platform, c.get("actor"), form.values);
      return result.ok
        ? page(c, {
            top: noticeBox(
              `登録しました：${workItemTitle(result.record.workItemId)} ${result.record.count}件`,
            ),
          })
        : page(c, { values: form.values, issues: [...result.issues], status: 422 });
    });
  for (const kind of ["daily", "monthly"] as const) {
    for (const format of ["xlsx", "pdf"] as const) {
      app.get(`/reports/${kind}.${format}`, read, async (c) => {
        const date = dateQuery(c, "date", today());
        const range = kind === "daily" ? { from: date, to: date } : monthRange(monthQuery(c));
        const bytes = await exportWorkReport(platform, c.get("actor"), { range, kind, format }, workers);
        const name = kind === "daily" ? `nippo-${range.from}` : `kanryo-${monthQuery(c)}`;
        return fileResponse(c, bytes, `${name}.${format}`);
      });
    }
  }
  return app;
}
