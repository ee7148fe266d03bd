import { fileResponse, renderPage, requirePermission, safeParseForm } from "@ward/platform";
import { z } from "zod";
import { stampEntrySchema } from "../domain/index.js";
import { alertBox, noticeBox } from "../ui/parts.js";
import { stampsPage } from "../ui/stamps.js";
import { POLICIES } from "../use-cases/policies.js";
import { recordStampEntry } from "../use-cases/record-stamp-entry.js";
import { exportStampBook, showStampBook } from "../use-cases/show-stamp-book.js";
import { csrfTokenOf, type RouteDeps, screenApp } from "./route-deps.js";

// Blank counts are 0 and a blank 実査残 is "not counted" before the domain schema reads them.
const stampForm = z.preprocess((body) => {
  const v = body as Record<string, unknown>;
  return { ...v, received: v.received || 0, used: v.used || 0, counted: v.counted || undefined };
}, stampEntrySchema);

/**
 * 郵券受払簿: `/stamps` (entry and balances) and `/stamps.xlsx`.
 *
 * @example
 * app.route("/", stampRoutes({ platform, today, workers }));
 */
export function stampRoutes({ platform, today, workers }: RouteDeps) {
  const page = async (
    c: Parameters<typeof csrfTokenOf>[0],
    o: Omit<Parameters<typeof stampsPage>[0], "csrfToken" | "today" | "book"> = {},
  ) => {
    const book = await showStampBook(platform, c.get("actor"));
    return renderPage(c, stampsPage({ csrfToken: csrfTokenOf(c), today: today(), book, ...o }));
  };
  return screenApp()
    .get("/stamps", requirePermission(POLICIES.viewReceipts), (c) => page(c))
    .post("/stamps", requirePermission(POLICIES.recordStamps), async (c) => {
      const form = await safeParseForm(c, stampForm);
      const values = form.values;
      if (!form.ok) return page(c, { values, issues: form.issues, status: 422 });
      const result = await recordStampEntry(platform, c.get("actor"), form.data);
      return result.ok
        ? page(c, {
            top: noticeBox(`記録しました：${form.data.denomination}円切手 残 ${result.remaining}枚`),
          })
        : page(c, { values, top: alertBox(result.message), status: 422 });
    })
    .get("/stamps.xlsx", requirePermission(POLICIES.viewReceipts), async (c) =>
      fileResponse(
        c,
        await exportStampBook(platform, c.get("actor"), today(), workers),
        `yuken-${today()}.xlsx`,
      ),
    );
}
