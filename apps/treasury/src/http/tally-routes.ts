import { fileResponse, renderPage, requirePermission } from "@ward/platform";
import { talliesPage } from "../ui/tallies.js";
import { POLICIES } from "../use-cases/policies.js";
import { tallyNotices, tallyWorkbook } from "../use-cases/tally-notices.js";
import { dateQuery, type RouteDeps, screenApp } from "./route-deps.js";

/**
 * `/tallies?date=` (済通集計表) and `/tallies.xlsx?date=` (the three tallies as a workbook).
 *
 * @example
 * app.route("/", tallyRoutes({ platform, today, workers }));
 */
export function tallyRoutes({ platform, today, workers }: RouteDeps) {
  const gate = requirePermission(POLICIES.viewReceipts);
  return screenApp()
    .get("/tallies", gate, async (c) => {
      const date = dateQuery(c, "date", today());
      return renderPage(c, talliesPage({ date, ...(await tallyNotices(platform, c.get("actor"), date)) }));
    })
    .get("/tallies.xlsx", gate, async (c) => {
      const date = dateQuery(c, "date", today());
      const bytes = await tallyWorkbook(platform, c.get("actor"), { date, today: today() }, workers);
      return fileResponse(c, bytes, `shutsuno-${date}.xlsx`);
    });
}
