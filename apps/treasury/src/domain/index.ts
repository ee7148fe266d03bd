export type { CsvImport, CsvImportError } from "./csv-import-error.js";
export { TreasuryError, type TreasuryErrorCode } from "./errors.js";
export {
  FAILED_TRANSFER_COLUMNS,
  FAILED_TRANSFER_REASONS,
  FAILED_TRANSFER_REPLY_LABELS,
  FAILED_TRANSFER_STATUS_LABELS,
  type FailedTransferInput,
  type FailedTransferReply,
  type FailedTransferStatus,
  type FailedTransferUpdate,
  failedTransferUpdateProblem,
  parseFailedTransfersCsv,
} from "./failed-transfer.js";
export { findReimports, type ReimportSplit } from "./find-reimports.js";
export { type FormatPaymentNoticesCsvOptions, formatPaymentNoticesCsv } from "./format-payment-notices.js";
export { type GeneratePaymentNoticesOptions, generatePaymentNotices } from "./generate-payment-notices.js";
export { matchTransfers, type TransferItem, type TransferMatch } from "./match-transfers.js";
export {
  type ImportedPaymentNotice,
  type NoticeImportError,
  type ParsePaymentNoticesOptions,
  type PaymentNoticeImport,
  parsePaymentNotices,
} from "./parse-payment-notices.js";
export { type PaymentAdviceRun, paymentAdviceRunDate, paymentAdviceRuns } from "./payment-advice.js";
export {
  PAYMENT_ORDER_COLUMNS,
  type PaymentOrderRow,
  parsePaymentOrdersCsv,
  parseTransferApplicationsCsv,
  TRANSFER_APPLICATION_COLUMNS,
  type TransferApplicationRow,
} from "./payment-csv.js";
export {
  CHANNEL_LABELS,
  PAYMENT_NOTICE_COLUMNS,
  type PaymentNotice,
  type PaymentNoticeColumn,
  type ReceiptChannel,
  YEAR_KIND_LABELS,
  type YearKind,
} from "./payment-notice.js";
export {
  type PaymentSlip,
  paymentSlipDueDate,
  type ScheduledPaymentSlip,
  type SchedulePaymentSlipsOptions,
  schedulePaymentSlips,
} from "./payment-slips.js";
export { type StampBook, type StampDay, type StampEntry, stampBook } from "./stamp-book.js";
export { COMMON_STAMP_DENOMINATIONS, type StampEntryInput, stampEntrySchema } from "./stamp-entry.js";
export { WORK_ITEMS, type WorkRecordInput, workItemTitle, workRecordSchema } from "./work-record.js";
