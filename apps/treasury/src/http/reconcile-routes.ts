import type { IsoDate } from "@ward/calendar-jp";
import { renderPage, requirePermission, safeParseForm } from "@ward/platform";
import { z } from "zod";
import { reconcilePage } from "../ui/reconcile.js";
import { POLICIES } from "../use-cases/policies.js";
import { reconcileNotices } from "../use-cases/reconcile-notices.js";
import { csrfTokenOf, type RouteDeps, screenApp } from "./route-deps.js";

const reconcileForm = z.object({
  from: z.iso.date("日付を入力してください。"),
  to: z.iso.date("日付を入力してください。"),
  file: z.instanceof(File, { message: "ファイルを選んでください。" }),
});

/**
 * `/reconcile`: 財務会計入力との照合 (the accounting system's CSV against the stored notices).
 *
 * @example
 * app.route("/", reconcileRoutes({ platform, today }));
 */
export function reconcileRoutes({ platform, today }: RouteDeps) {
  const gate = requirePermission(POLICIES.reconcileNotices);
  return screenApp()
    .get("/reconcile", gate, (c) =>
      renderPage(c, reconcilePage({ csrfToken: csrfTokenOf(c), today: today() })),
    )
    .post("/reconcile", gate, async (c) => {
      const vm = { csrfToken: csrfTokenOf(c), today: today() };
      const form = await safeParseForm(c, reconcileForm);
      if (!form.ok) return renderPage(c, reconcilePage({ ...vm, issues: form.issues }));
      const result = await reconcileNotices(platform, c.get("actor"), {
        from: form.data.from as IsoDate,
        to: form.data.to as IsoDate,
        bytes: new Uint8Array(await form.data.file.arrayBuffer()),
      });
      return renderPage(c, reconcilePage({ ...vm, result }));
    });
}
