import { renderPage, requirePermission } from "@ward/platform";
import { z } from "zod";
import { slipsPage } from "../ui/slips.js";
import { listDueSlips } from "../use-cases/list-due-slips.js";
import { POLICIES } from "../use-cases/policies.js";
import { type RouteDeps, screenApp } from "./route-deps.js";

const scopeQuery = z.enum(["today", "week"]).catch("today");

/**
 * `/slips?scope=today|week`: 払込票 due.
 *
 * @example
 * app.route("/", slipRoutes({ platform, today }));
 */
export function slipRoutes({ platform, today }: RouteDeps) {
  return screenApp().get("/slips", requirePermission(POLICIES.viewReceipts), async (c) => {
    const scope = scopeQuery.parse(c.req.query("scope"));
    const slips = await listDueSlips(platform, c.get("actor"), { today: today(), scope });
    return renderPage(c, slipsPage({ scope, today: today(), slips }));
  });
}
