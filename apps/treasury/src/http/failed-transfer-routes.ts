import type { IsoDate } from "@ward/calendar-jp";
import {
  errorSummary,
  fileResponse,
  idParam,
  renderPage,
  requirePermission,
  safeParseForm,
} from "@ward/platform";
import { z } from "zod";
import {
  FAILED_TRANSFER_REASONS,
  FAILED_TRANSFER_STATUS_LABELS,
  type FailedTransferReply,
  type FailedTransferStatus,
} from "../domain/index.js";
import { failedTransfersPage, STATUS_OPTIONS } from "../ui/failed-transfers.js";
import { alertBox, importErrors, NO_FILE_ALERT, noticeBox } from "../ui/parts.js";
import { exportFailedTransfers, listFailedTransfers } from "../use-cases/list-failed-transfers.js";
import { POLICIES } from "../use-cases/policies.js";
import {
  answerFailedTransfer,
  importFailedTransfers,
  recordFailedTransfer,
} from "../use-cases/record-failed-transfers.js";
import { csrfTokenOf, type RouteDeps, screenApp, uploadedCsv } from "./route-deps.js";

const failedTransferForm = z.object({
  notifiedOn: z.iso.date("通知日を入力してください。"),
  payee: z.string().trim().min(1, "支払先を入力してください。").max(100, "支払先は100文字以内です。"),
  amount: z.coerce
    .number("金額を数字で入力してください。")
    .int("金額は円単位の整数です。")
    .min(1, "金額は1円以上です。"),
  reasonCode: z.enum(
    Object.keys(FAILED_TRANSFER_REASONS) as [string, ...string[]],
    "不能事由を選んでください。",
  ),
  reasonText: z.string().trim().max(100, "不能事由は100文字以内です。").default(""),
  departmentCode: z
    .string()
    .trim()
    .regex(/^\d{1,8}$/, "所属コードは8桁以内の数字です。"),
});
const updateForm = z.object({
  status: z.enum(
    Object.keys(FAILED_TRANSFER_STATUS_LABELS) as [FailedTransferStatus, ...FailedTransferStatus[]],
  ),
  replyKind: z.union([z.literal(""), z.enum(["resend", "change", "refund"])]).default(""),
  replyText: z.string().trim().max(200, "回答内容は200文字以内です。").default(""),
});

/**
 * 口座振替支払不能: the log (`?status=`), entry, CSV import, the department's reply per case and the
 * Excel/CSV exports (personal data: `personal_data` only, audited).
 *
 * @example
 * app.route("/", failedTransferRoutes({ platform, today, workers }));
 */
export function failedTransferRoutes({ platform, today, workers }: RouteDeps) {
  const write = requirePermission(POLICIES.recordFailedTransfers);
  const page = async (
    c: Parameters<typeof csrfTokenOf>[0],
    o: Omit<Parameters<typeof failedTransfersPage>[0], "csrfToken" | "today" | "list" | "mayExport"> = {},
  ) => {
    const filter = c.req.query("status");
    const status = STATUS_OPTIONS.find(([k]) => k === filter)?.[0];
    const listed = await listFailedTransfers(platform, c.get("actor"), status ? { status } : {});
    return renderPage(c, failedTransfersPage({ csrfToken: csrfTokenOf(c), today: today(), ...listed, ...o }));
  };
  const app = screenApp()
    .get("/failed-transfers", requirePermission(POLICIES.viewReceipts), (c) => page(c))
    .post("/failed-transfers", write, async (c) => {
      const form = await safeParseForm(c, failedTransferForm);
      if (!form.ok) return page(c, { values: form.values, issues: form.issues, status: 422 });
      const id = await recordFailedTransfer(platform, c.get("actor"), {
        ...form.data,
        notifiedOn: form.data.notifiedOn as IsoDate,
      });
      return page(c, { top: noticeBox(`登録しました（番号 ${id ?? ""}、未連絡）。`) });
    })
    .post("/failed-transfers/import", write, async (c) => {
      const file = await uploadedCsv(c);
      if (!file) return page(c, { top: NO_FILE_ALERT, status: 422 });
      const result = await importFailedTransfers(
        platform,
        c.get("actor"),
        {
          bytes: file.data,
          fileName: file.name,
        },
        workers,
      );
      return result.ok
        ? page(c, { top: noticeBox(`${result.count}件を取り込みました（未連絡）。`) })
        : page(c, { top: importErrors(result.errors), status: 422 });
    })
    .post("/failed-transfers/:id{[0-9]+}", write, async (c) => {
      const form = await safeParseForm(c, updateForm);
      if (!form.ok) return page(c, { top: errorSummary(form.issues), status: 422 });
      const result = await answerFailedTransfer(platform, c.get("actor"), idParam(c, "id"), {
        status: form.data.status,
        ...(form.data.replyKind ? { replyKind: form.data.replyKind as FailedTransferReply } : {}),
        replyText: form.data.replyText,
      });
      return result.ok
        ? page(c, {
            top: noticeBox(
              `番号 ${result.transfer.id} を「${FAILED_TRANSFER_STATUS_LABELS[result.transfer.status]}」にしました。`,
            ),
          })
        : page(c, { top: alertBox(`更新できません：${result.message}`), status: 422 });
    });
  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/failed-transfers.${format}`, requirePermission(POLICIES.readPersonalData), async (c) => {
      const bytes = await exportFailedTransfers(
        platform,
        c.get("actor"),
        { format, today: today() },
        workers,
      );
      return fileResponse(c, bytes, `funou-${today()}.${format}`);
    });
  }
  return app;
}
