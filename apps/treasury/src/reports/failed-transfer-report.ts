import { FAILED_TRANSFER_REPLY_LABELS, FAILED_TRANSFER_STATUS_LABELS } from "../domain/index.js";
import type { FailedTransfer } from "../storage/failed-transfers.js";
import type { ReportDocument } from "./report-files.js";

/**
 * The 口座振替支払不能 log as a report (one table: 番号, 通知日, 支払先, 金額, 事由, 所属, 回答, 回答内容, 状態).
 *
 * @example
 * await writeReportWorkbook(failedTransferReport(await listFailedTransfers(platform), "2025-07-31"));
 */
export function failedTransferReport(list: readonly FailedTransfer[], createdOn: string): ReportDocument {
  return {
    title: "口座振替支払不能処理簿",
    subtitle: `作成日 ${createdOn}　${list.length}件`,
    sections: [
      {
        name: "支払不能",
        caption: "口座振替支払不能一覧",
        columns: [
          { header: "番号", width: 6, kind: "count" },
          { header: "通知日", width: 12 },
          { header: "支払先", width: 24 },
          { header: "金額", width: 12, kind: "yen" },
          { header: "事由コード", width: 8 },
          { header: "不能事由", width: 18 },
          { header: "所属コード", width: 10 },
          { header: "担当課の回答", width: 10 },
          { header: "回答内容", width: 24 },
          { header: "状態", width: 8 },
        ],
        rows: list.map((f) => ({
          values: [
            f.id,
            f.notifiedOn,
            f.payee,
            f.amount,
            f.reasonCode,
            f.reasonText,
            f.departmentCode,
            f.replyKind ? FAILED_TRANSFER_REPLY_LABELS[f.replyKind] : "",
            f.replyText,
            FAILED_TRANSFER_STATUS_LABELS[f.status],
          ],
        })),
      },
    ],
  };
}
