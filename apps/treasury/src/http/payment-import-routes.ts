import { renderPage, requirePermission } from "@ward/platform";
import { formatYen, importErrors, NO_FILE_ALERT, noticeBox } from "../ui/parts.js";
import { paymentImportPage } from "../ui/payment-import.js";
import { importPayments, type PaymentFileKind } from "../use-cases/import-payments.js";
import { POLICIES } from "../use-cases/policies.js";
import { csrfTokenOf, type RouteDeps, screenApp, uploadedCsv } from "./route-deps.js";

const KINDS: readonly { kind: PaymentFileKind; path: string; noun: string }[] = [
  { kind: "orders", path: "/orders/import", noun: "支出命令" },
  { kind: "applications", path: "/applications/import", noun: "e ビジネスサイト申請" },
];

/**
 * 支出命令・e ビジネスサイト申請の取込: `/payments/import` and the two CSV uploads.
 *
 * @example
 * app.route("/", paymentImportRoutes({ platform, today }));
 */
export function paymentImportRoutes({ platform, workers }: RouteDeps) {
  const gate = requirePermission(POLICIES.importPayments);
  const app = screenApp().get("/payments/import", gate, (c) =>
    renderPage(c, paymentImportPage({ csrfToken: csrfTokenOf(c) })),
  );
  for (const { kind, path, noun } of KINDS) {
    app.post(path, gate, async (c) => {
      const page = (o: Omit<Parameters<typeof paymentImportPage>[0], "csrfToken">) =>
        renderPage(c, paymentImportPage({ csrfToken: csrfTokenOf(c), ...o }));
      const file = await uploadedCsv(c);
      if (!file) return page({ top: NO_FILE_ALERT, status: 422 });
      const result = await importPayments(
        platform,
        c.get("actor"),
        {
          kind,
          bytes: file.data,
          fileName: file.name,
        },
        workers,
      );
      return result.ok
        ? page({
            top: noticeBox(`${noun}を${result.count}件取り込みました（${formatYen(result.totalYen)}）。`),
          })
        : page({ top: importErrors(result.errors), status: 422 });
    });
  }
  return app;
}
