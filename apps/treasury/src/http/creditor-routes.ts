import { fileResponse, html, idParam, renderPage, requirePermission, safeParseForm } from "@ward/platform";
import { z } from "zod";
import { creditorFormPage, creditorIssues } from "../ui/creditor-form.js";
import { POLICIES } from "../use-cases/policies.js";
import { printCreditorLetter } from "../use-cases/print-creditor-letter.js";
import { registerCreditor } from "../use-cases/register-creditor.js";
import { csrfTokenOf, type RouteDeps, screenApp } from "./route-deps.js";

// The domain validates the account (bank codes, kana); the form only gathers the texts.
const text = z.string().default("");
const creditorForm = z.object({
  creditorName: text,
  postalCode: text,
  address: text,
  bankCode: text,
  branchCode: text,
  accountType: text,
  accountNumber: text,
  holderName: text,
});

/**
 * `/creditors/new`, `POST /creditors` (債権者口座の登録) and `/creditors/:id/letter.pdf` (登録完了のお知らせ).
 *
 * @example
 * app.route("/", creditorRoutes({ platform, today, workers }));
 */
export function creditorRoutes({ platform, today, workers }: RouteDeps) {
  return screenApp()
    .get("/creditors/new", requirePermission(POLICIES.registerCreditor), (c) =>
      renderPage(c, creditorFormPage({ csrfToken: csrfTokenOf(c) })),
    )
    .get("/creditors/:id{[0-9]+}/letter.pdf", requirePermission(POLICIES.readPersonalData), async (c) => {
      const letter = await printCreditorLetter(
        platform,
        c.get("actor"),
        {
          id: idParam(c, "id"),
          today: today(),
        },
        workers,
      );
      if (!letter)
        return renderPage(c, { title: "見つかりません", status: 404, body: html`<p>登録がありません。</p>` });
      return fileResponse(c, letter.bytes, `touroku-${letter.id}.pdf`);
    })
    .post("/creditors", requirePermission(POLICIES.registerCreditor), async (c) => {
      const form = await safeParseForm(c, creditorForm);
      const values = form.values;
      const page = (vm: Omit<Parameters<typeof creditorFormPage>[0], "csrfToken">) =>
        renderPage(c, creditorFormPage({ csrfToken: csrfTokenOf(c), ...vm }));
      const result = await registerCreditor(
        platform,
        c.get("actor"),
        form.ok ? form.data : creditorForm.parse(values),
      );
      if (!result.ok) {
        return page({
          values,
          issues: creditorIssues(result.errors),
        });
      }
      const a = result.creditor.account;
      return page({
        notice: `登録しました（登録番号 ${result.creditor.id}：${a.bankCode}-${a.branchCode} ${a.accountNumber} ${a.holderName}）。${result.warnings.map((w) => w.message).join(" ")}${
          result.letterAllowed ? ` 登録完了のお知らせ：/creditors/${result.creditor.id}/letter.pdf` : ""
        }`,
      });
    });
}
