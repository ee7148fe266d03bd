import { renderPage, requirePermission } from "@ward/platform";
import { noticeImportPage } from "../ui/notice-import.js";
import { importNotices } from "../use-cases/import-notices.js";
import { POLICIES } from "../use-cases/policies.js";
import { csrfTokenOf, type RouteDeps, screenApp, uploadedCsv } from "./route-deps.js";

/**
 * `/notices/import`: 納入済通知書の取込 (a CSV file, whole or not at all).
 *
 * @example
 * app.route("/", noticeImportRoutes({ platform, today, workers }));
 */
export function noticeImportRoutes({ platform, today, workers }: RouteDeps) {
  const gate = requirePermission(POLICIES.importNotices);
  return screenApp()
    .get("/notices/import", gate, (c) =>
      renderPage(c, noticeImportPage({ csrfToken: csrfTokenOf(c), outcome: { kind: "form" } })),
    )
    .post("/notices/import", gate, async (c) => {
      const page = (outcome: Parameters<typeof noticeImportPage>[0]["outcome"]) =>
        renderPage(c, noticeImportPage({ csrfToken: csrfTokenOf(c), outcome }));
      const file = await uploadedCsv(c);
      if (!file) return page({ kind: "no-file" });
      const result = await importNotices(
        platform,
        c.get("actor"),
        file.data,
        {
          fileName: file.name,
          today: today(),
        },
        workers,
      );
      if ("busy" in result) return page({ kind: "busy", messageJa: result.messageJa });
      if (!result.ok) return page({ kind: "rejected", errors: result.errors, truncated: result.truncated });
      return page({ kind: "imported", ...result });
    });
}
