import type { IsoDate } from "@ward/calendar-jp";

/** 現年 (belongs to the fiscal year of its cash date) or 過年 (the previous year, during 出納整理期間). */
export type YearKind = "current" | "past";

/** Where the money came in: 指定金融機関, ゆうちょ銀行 or 窓口 (派出所). */
export type ReceiptChannel = "bank" | "japan-post" | "counter";

/** A payment notice (納入済通知書) as imported. Money is integer yen. */
export interface PaymentNotice {
  /** 通知書番号, unique across imports. */
  readonly noticeNumber: string;
  /** 収納日 (cash date). */
  readonly cashDate: IsoDate;
  /** 所属年度, e.g. 2025 for 令和7年度. */
  readonly fiscalYear: number;
  /** 現年 / 過年. */
  readonly yearKind: YearKind;
  readonly channel: ReceiptChannel;
  /** 会計コード, 2 digits (01 一般会計 …). */
  readonly accountCode: string;
  /** 科目コード 款-項-目-節, e.g. `01-01-01-01`. */
  readonly subjectCode: string;
  /** 所属コード (department), 1–8 digits. */
  readonly departmentCode: string;
  /** Yen, a positive integer. */
  readonly amount: number;
}

/** The CSV columns of a payment-notice file, in order (header row required). */
export const PAYMENT_NOTICE_COLUMNS = [
  "通知書番号",
  "収納日",
  "所属年度",
  "現過年区分",
  "収納経路",
  "会計コード",
  "科目コード",
  "所属コード",
  "金額",
] as const;

/** One column name of {@link PAYMENT_NOTICE_COLUMNS}. */
export type PaymentNoticeColumn = (typeof PAYMENT_NOTICE_COLUMNS)[number];

/** CSV spelling of {@link YearKind}. */
export const YEAR_KIND_LABELS: Readonly<Record<YearKind, string>> = { current: "現年", past: "過年" };

/** CSV spelling of {@link ReceiptChannel}. */
export const CHANNEL_LABELS: Readonly<Record<ReceiptChannel, string>> = {
  bank: "指定金融機関",
  "japan-post": "ゆうちょ銀行",
  counter: "窓口",
};
