import { z } from "zod";
import { sourceRefSchema } from "./source-ref.js";

/** Kinds of prohibitions: 再委託, 複写複製, 持ち出し, 目的外使用, 第三者提供, 秘密の漏えい, 持ち込み. */
export const PROHIBITION_KINDS = [
  "subcontracting",
  "copying",
  "taking-out",
  "other-use",
  "disclosure",
  "confidentiality",
  "bringing-in",
] as const;
/** A prohibition kind. */
export type ProhibitionKind = (typeof PROHIBITION_KINDS)[number];

/**
 * A prohibition of the contract, with its exception (ただし…) when the text has one.
 *
 * @example
 * prohibitionSchema.parse({ kind: "subcontracting", text: "本仕様書に記載の業務を行うに当たり、再委託することを禁止する。",
 *   source: { seed: "003", section: "12" } });
 */
export const prohibitionSchema = z.strictObject({
  kind: z.enum(PROHIBITION_KINDS),
  text: z.string().min(1),
  exception: z.string().min(1).optional(),
  /** Also required by an attached clause, e.g. `nerima:15:1`. */
  clause: z.string().min(1).optional(),
  source: sourceRefSchema,
});
/** A prohibition. */
export type Prohibition = z.output<typeof prohibitionSchema>;
