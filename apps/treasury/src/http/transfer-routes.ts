import { renderPage, requirePermission } from "@ward/platform";
import { transfersPage } from "../ui/transfers.js";
import { matchTransfers } from "../use-cases/match-transfers.js";
import { POLICIES } from "../use-cases/policies.js";
import { dateQuery, type RouteDeps, screenApp } from "./route-deps.js";

/**
 * `/transfers?from=&to=`: e ビジネスサイト applications matched with payment orders.
 *
 * @example
 * app.route("/", transferRoutes({ platform, today }));
 */
export function transferRoutes({ platform, today }: RouteDeps) {
  return screenApp().get("/transfers", requirePermission(POLICIES.viewReceipts), async (c) => {
    const from = dateQuery(c, "from", today());
    const to = dateQuery(c, "to", from);
    const matches = await matchTransfers(platform, c.get("actor"), { from, to });
    return renderPage(c, transfersPage({ from, to, matches }));
  });
}
