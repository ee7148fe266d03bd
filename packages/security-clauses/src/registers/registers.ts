import { z } from "zod";
import { instantSchema, isoDateSchema, ms, type RegisterDefinition } from "./register.js";

const text = z.string().trim().min(1);
const opt = (v: string | undefined) => v ?? "";
const yesNo = (v: boolean | undefined) => (v === undefined ? "" : v ? "有" : "無");

/** §18(2) media take-out ledger entry. */
export const mediaTakeOutEntrySchema = z
  .object({
    mediaId: text,
    /** 格納情報 (「なし」 for empty media: the ledger covers media with or without information). */
    storedInformation: text,
    takenOutAt: instantSchema,
    takenOutBy: text,
    approvedBy: text,
    purpose: text,
    destination: text,
    returnedAt: instantSchema.optional(),
    returnCheckedBy: text.optional(),
  })
  .refine((e) => e.returnedAt === undefined || ms(e.returnedAt) >= ms(e.takenOutAt), {
    path: ["returnedAt"],
    message: "返却日時が持出し日時より前",
  })
  .refine((e) => (e.returnedAt === undefined) === (e.returnCheckedBy === undefined), {
    path: ["returnCheckedBy"],
    message: "返却日時と返却確認者は両方記録する",
  });
/** A media take-out ledger entry. */
export type MediaTakeOutEntry = z.infer<typeof mediaTakeOutEntrySchema>;

/**
 * 記録媒体持出管理簿 (Nerima §18(2)): stored information, time out, person, approver, purpose, destination, time
 * returned, who checked the return.
 *
 * @example
 * registerToCsv(mediaTakeOutLedger, []).split(",")[0]; // => "媒体番号"
 */
export const mediaTakeOutLedger: RegisterDefinition<MediaTakeOutEntry> = {
  id: "media-take-out",
  name: "記録媒体持出管理簿",
  provisions: ["nerima:18:1:2"],
  schema: mediaTakeOutEntrySchema,
  columns: [
    { header: "媒体番号", value: (e) => e.mediaId },
    { header: "格納情報", value: (e) => e.storedInformation },
    { header: "持出し日時", value: (e) => e.takenOutAt },
    { header: "持ち出した者", value: (e) => e.takenOutBy },
    { header: "承認者", value: (e) => e.approvedBy },
    { header: "用途", value: (e) => e.purpose },
    { header: "持出し先", value: (e) => e.destination },
    { header: "返却日時", value: (e) => opt(e.returnedAt) },
    { header: "返却確認者", value: (e) => opt(e.returnCheckedBy) },
  ],
};

/** §17(4) media mailing log entry. */
export const mediaMailingEntrySchema = z
  .object({
    mediaId: text,
    storedInformation: text,
    sentAt: instantSchema,
    sentBy: text,
    recipient: text,
    /** §17(2): data encrypted (required when the media holds information). */
    encrypted: z.boolean(),
    containsImportantInformation: z.boolean(),
    /** §17(3): a trackable service (特定記録郵便等) for important information. */
    method: z.enum(["特定記録郵便", "簡易書留", "一般書留", "宅配便（追跡可能）", "普通郵便", "その他"]),
    trackingNumber: text.optional(),
  })
  .refine((e) => !e.containsImportantInformation || !["普通郵便", "その他"].includes(e.method), {
    path: ["method"],
    message: "重要情報を格納した記録媒体は追跡可能な手段で郵送する（第17条第3号）",
  })
  .refine((e) => e.storedInformation === "なし" || e.encrypted, {
    path: ["encrypted"],
    message: "情報を格納した記録媒体は暗号化して送付する（第17条第2号）",
  });
/** A media mailing log entry. */
export type MediaMailingEntry = z.infer<typeof mediaMailingEntrySchema>;

/**
 * 記録媒体送付管理簿 (Nerima §17(4)), checking §17(2) encryption and §17(3) trackable post.
 *
 * @example
 * mediaMailingLog.provisions; // => ["nerima:17:1:4", "nerima:17:1:2", "nerima:17:1:3"]
 */
export const mediaMailingLog: RegisterDefinition<MediaMailingEntry> = {
  id: "media-mailing",
  name: "記録媒体送付管理簿",
  provisions: ["nerima:17:1:4", "nerima:17:1:2", "nerima:17:1:3"],
  schema: mediaMailingEntrySchema,
  columns: [
    { header: "媒体番号", value: (e) => e.mediaId },
    { header: "格納情報", value: (e) => e.storedInformation },
    { header: "送付日時", value: (e) => e.sentAt },
    { header: "送付者", value: (e) => e.sentBy },
    { header: "送付先", value: (e) => e.recipient },
    { header: "暗号化", value: (e) => yesNo(e.encrypted) },
    { header: "重要情報", value: (e) => yesNo(e.containsImportantInformation) },
    { header: "送付方法", value: (e) => e.method },
    { header: "追跡番号", value: (e) => opt(e.trackingNumber) },
  ],
};

/** §18(7) disposal log entry. */
export const disposalEntrySchema = z.object({
  mediaId: text,
  description: text,
  disposedAt: instantSchema,
  method: z.enum(["物理的破壊", "データ消去"]),
  performedBy: text,
  verifiedBy: text.optional(),
  certificateRef: text.optional(),
});
/** A disposal log entry. */
export type DisposalEntry = z.infer<typeof disposalEntrySchema>;

/**
 * 記録媒体廃棄管理簿 (Nerima §18(7)).
 *
 * @example
 * disposalLog.name; // => "記録媒体廃棄管理簿"
 */
export const disposalLog: RegisterDefinition<DisposalEntry> = {
  id: "disposal",
  name: "記録媒体廃棄管理簿",
  provisions: ["nerima:18:1:7"],
  schema: disposalEntrySchema,
  columns: [
    { header: "媒体番号", value: (e) => e.mediaId },
    { header: "内容", value: (e) => e.description },
    { header: "廃棄日時", value: (e) => e.disposedAt },
    { header: "方法", value: (e) => e.method },
    { header: "実施者", value: (e) => e.performedBy },
    { header: "確認者", value: (e) => opt(e.verifiedBy) },
    { header: "証明書番号", value: (e) => opt(e.certificateRef) },
  ],
};

/** Meguro §25 receipt register entry. */
export const receiptEntrySchema = z
  .object({
    receivedAt: instantSchema,
    receivedBy: text,
    informationType: text,
    quantity: text.optional(),
    /** §25(1): the 預かり証 handed to the ward. */
    receiptNumber: text,
    returnedAt: instantSchema.optional(),
  })
  .refine((e) => e.returnedAt === undefined || ms(e.returnedAt) >= ms(e.receivedAt), {
    path: ["returnedAt"],
    message: "返却日時が受領日時より前",
  });
/** A receipt register entry. */
export type ReceiptEntry = z.infer<typeof receiptEntrySchema>;

/**
 * 機密情報の受領記録簿 (Meguro §25): time received, receiver, kind of information, receipt (預かり証) number.
 *
 * @example
 * receiptRegister.provisions; // => ["meguro:25:1", "meguro:25:2"]
 */
export const receiptRegister: RegisterDefinition<ReceiptEntry> = {
  id: "receipt",
  name: "機密情報受領記録簿",
  provisions: ["meguro:25:1", "meguro:25:2"],
  schema: receiptEntrySchema,
  columns: [
    { header: "受領日時", value: (e) => e.receivedAt },
    { header: "受領者名", value: (e) => e.receivedBy },
    { header: "機密情報の種類", value: (e) => e.informationType },
    { header: "数量", value: (e) => opt(e.quantity) },
    { header: "預かり証番号", value: (e) => e.receiptNumber },
    { header: "返却日時", value: (e) => opt(e.returnedAt) },
  ],
};

/** Meguro §10 copy approval with its erasure report. */
export const copyApprovalEntrySchema = z
  .object({
    information: text,
    operation: z.enum(["複写", "複製", "加工"]),
    reason: text,
    notifiedAt: instantSchema,
    approvedAt: instantSchema,
    approvedBy: text,
    copiedAt: instantSchema,
    erasure: z
      .object({ erasedAt: instantSchema, erasedBy: text, method: text, reportedAt: instantSchema.optional() })
      .optional(),
  })
  .refine((e) => ms(e.approvedAt) >= ms(e.notifiedAt), { path: ["approvedAt"], message: "承認が通知より前" })
  .refine((e) => ms(e.copiedAt) >= ms(e.approvedAt), {
    path: ["copiedAt"],
    message: "承認前に複写等している（第10条: あらかじめ承認を得る）",
  })
  .refine((e) => !e.erasure || ms(e.erasure.erasedAt) >= ms(e.copiedAt), {
    path: ["erasure", "erasedAt"],
    message: "消去日時が複写等の日時より前",
  });
/** A copy approval entry. */
export type CopyApprovalEntry = z.infer<typeof copyApprovalEntrySchema>;

/**
 * 複写等承認・消去報告記録 (Meguro §10): notice, approval before copying, and the erasure report (date, person,
 * what was done).
 *
 * @example
 * copyApprovals.provisions; // => ["meguro:10:1"]
 */
export const copyApprovals: RegisterDefinition<CopyApprovalEntry> = {
  id: "copy-approval",
  name: "複写等承認・消去報告記録",
  provisions: ["meguro:10:1"],
  schema: copyApprovalEntrySchema,
  columns: [
    { header: "機密情報", value: (e) => e.information },
    { header: "処理", value: (e) => e.operation },
    { header: "理由", value: (e) => e.reason },
    { header: "通知日時", value: (e) => e.notifiedAt },
    { header: "承認日時", value: (e) => e.approvedAt },
    { header: "承認者", value: (e) => e.approvedBy },
    { header: "複写等日時", value: (e) => e.copiedAt },
    { header: "消去日時", value: (e) => opt(e.erasure?.erasedAt) },
    { header: "消去担当者", value: (e) => opt(e.erasure?.erasedBy) },
    { header: "消去処理内容", value: (e) => opt(e.erasure?.method) },
    { header: "報告日時", value: (e) => opt(e.erasure?.reportedAt) },
  ],
};

/** Staff roster entry (Nerima §6–§7; Meguro §6(2) adds responsibility, workplace and media handling). */
export const staffEntrySchema = z
  .object({
    name: text,
    affiliation: text,
    role: z.enum(["管理責任者", "従事者"]),
    startDate: isoDateSchema,
    plannedEndDate: isoDateSchema,
    responsibility: text.optional(),
    workplace: text.optional(),
    handlesMedia: z.boolean().optional(),
  })
  .refine((e) => e.plannedEndDate >= e.startDate, {
    path: ["plannedEndDate"],
    message: "終了予定日が開始日より前",
  });
/** A staff roster entry. */
export type StaffEntry = z.infer<typeof staffEntrySchema>;

/**
 * 従事者名簿 (Nerima §7: name, affiliation, period; §6 管理責任者; Meguro §6(2)).
 *
 * @example
 * staffRoster.provisions; // => ["nerima:6:1", "nerima:7:1", "meguro:6:1:2"]
 */
export const staffRoster: RegisterDefinition<StaffEntry> = {
  id: "staff-roster",
  name: "従事者名簿",
  provisions: ["nerima:6:1", "nerima:7:1", "meguro:6:1:2"],
  schema: staffEntrySchema,
  columns: [
    { header: "氏名", value: (e) => e.name },
    { header: "所属", value: (e) => e.affiliation },
    { header: "役割", value: (e) => e.role },
    { header: "従事開始日", value: (e) => e.startDate },
    { header: "終了予定日", value: (e) => e.plannedEndDate },
    { header: "責任・役割", value: (e) => opt(e.responsibility) },
    { header: "事務執行場所", value: (e) => opt(e.workplace) },
    { header: "記録媒体の授受", value: (e) => yesNo(e.handlesMedia) },
  ],
};

/** Training record (Nerima §9, Meguro §19). */
export const trainingEntrySchema = z.object({
  date: isoDateSchema,
  title: text,
  content: text,
  trainer: text,
  attendees: z.array(text).min(1),
  kind: z.enum(["教育", "訓練"]).default("教育"),
});
/** A training record. */
export type TrainingEntry = z.infer<typeof trainingEntrySchema>;

/**
 * 教育実施記録 (Nerima §9, Meguro §19); attendees are joined with 「、」 in the CSV.
 *
 * @example
 * trainingRecords.name; // => "教育実施記録"
 */
export const trainingRecords: RegisterDefinition<TrainingEntry> = {
  id: "training",
  name: "教育実施記録",
  provisions: ["nerima:9:1", "meguro:19:1"],
  schema: trainingEntrySchema,
  columns: [
    { header: "実施日", value: (e) => e.date },
    { header: "区分", value: (e) => e.kind },
    { header: "題目", value: (e) => e.title },
    { header: "内容", value: (e) => e.content },
    { header: "講師", value: (e) => e.trainer },
    { header: "受講者数", value: (e) => String(e.attendees.length) },
    { header: "受講者", value: (e) => e.attendees.join("、") },
  ],
};
