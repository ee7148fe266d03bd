import { isIsoDate } from "@ward/calendar-jp";
import { z } from "zod";

/** Face values of postage stamps the office keeps (円); other values are accepted too. */
export const COMMON_STAMP_DENOMINATIONS = [1, 10, 50, 84, 100, 110, 140, 180, 260, 500] as const;

const stampCount = (label: string) =>
  z.coerce
    .number({ error: `${label}を数字で入力してください` })
    .int(`${label}は整数です`)
    .min(0, `${label}は0以上です`)
    .max(100_000, `${label}が大きすぎます`);

/**
 * One line of the 郵券受払簿 as typed in: stamps of one face value received (受入: 返信用切手, purchases) or
 * used (払出: 支払案内書の送付), optionally with the count found on hand afterwards (実査残), which is checked.
 *
 * @example
 * stampEntrySchema.parse({ date: "2025-07-31", denomination: 110, received: 0, used: 40, description: "支払案内書送付" });
 */
export const stampEntrySchema = z
  .object({
    date: z.string().refine(isIsoDate, "日付は YYYY-MM-DD で入力してください"),
    denomination: z.coerce
      .number({ error: "券種（円）を数字で入力してください" })
      .int("券種は整数の円です")
      .min(1, "券種は1円以上です")
      .max(10_000, "券種が大きすぎます"),
    received: stampCount("受入枚数").default(0),
    used: stampCount("払出枚数").default(0),
    description: z.string().trim().min(1, "摘要を入力してください").max(100, "摘要は100文字以内です"),
    counted: stampCount("実査残").optional(),
  })
  .refine((e) => e.received > 0 || e.used > 0, {
    message: "受入か払出の枚数を入力してください",
    path: ["received"],
  });

/** A stamp entry as validated. */
export type StampEntryInput = z.output<typeof stampEntrySchema>;
