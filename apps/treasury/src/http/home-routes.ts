import { renderPage, requirePermission } from "@ward/platform";
import { homePage } from "../ui/home.js";
import { listDueSlips } from "../use-cases/list-due-slips.js";
import { POLICIES } from "../use-cases/policies.js";
import { type RouteDeps, screenApp } from "./route-deps.js";

/**
 * `/`: ホーム (slips due today, the main tasks).
 *
 * @example
 * app.route("/", homeRoutes({ platform, today }));
 */
export function homeRoutes({ platform, today }: RouteDeps) {
  return screenApp().get("/", requirePermission(POLICIES.viewReceipts), async (c) => {
    const due = await listDueSlips(platform, c.get("actor"), { today: today(), scope: "today" });
    return renderPage(c, homePage({ today: today(), dueCount: due.length }));
  });
}
