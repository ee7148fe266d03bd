import { z } from "zod";

/**
 * Where an encoded field comes from: the seed file's number, the section of the specification
 * (「第5-1-(1)」, 「5-E-(4)」, 「別紙1 2-(4)」, 「特記事項第25条」) and optionally a short verbatim quote that a
 * test finds in the seed text.
 *
 * @example
 * sourceRefSchema.parse({ seed: "003", section: "5-E-(4)", quote: "翌月 15 日（閉庁日の場合、翌開庁日）までに" });
 */
export const sourceRefSchema = z.strictObject({
  seed: z
    .string()
    .regex(/^\d{3}$/, "expected a seed number such as 000")
    .optional(),
  section: z.string().min(1),
  quote: z.string().min(1).optional(),
});

/** A pointer back into the source text. See {@link sourceRefSchema}. */
export type SourceRef = z.infer<typeof sourceRefSchema>;
