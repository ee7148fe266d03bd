import { isIsoDate } from "@ward/calendar-jp";
import { nerimaTreasury2025 } from "@ward/contract-model";
import { z } from "zod";

/** The contract's work items (委託内容, 第5) by id: what a work record counts. */
export const WORK_ITEMS: readonly { readonly id: string; readonly title: string }[] =
  nerimaTreasury2025.workItems.map((w) => ({ id: w.id, title: w.title }));

const ITEM_IDS = new Set(WORK_ITEMS.map((w) => w.id));

/**
 * One line of the 業務日報 as typed in: date, the contract's work item, how many, who, notes.
 *
 * @example
 * workRecordSchema.parse({ date: "2025-07-10", workItemId: "internal-mail", count: 3, staff: "山田" });
 */
export const workRecordSchema = z.object({
  date: z.string().refine(isIsoDate, "日付は YYYY-MM-DD で入力してください"),
  workItemId: z.string().refine((v) => ITEM_IDS.has(v), "業務項目を契約の委託内容から選んでください"),
  count: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "件数を数字で入力してください" })
      .int("件数は整数です")
      .min(0, "件数は0以上です")
      .max(1_000_000, "件数が大きすぎます"),
  ),
  staff: z.string().trim().min(1, "担当者を入力してください").max(50, "担当者は50文字以内です"),
  note: z.string().trim().max(200, "備考は200文字以内です").default(""),
});

/** A work record as validated. */
export type WorkRecordInput = z.output<typeof workRecordSchema>;

/**
 * The title of a work item id, or the id.
 *
 * @example
 * workItemTitle("internal-mail"); // => "庁内交換便の仕分け・配付"
 */
export function workItemTitle(id: string): string {
  return WORK_ITEMS.find((w) => w.id === id)?.title ?? id;
}
