import { catalogueIdSchema } from "@ward/security-clauses";
import { z } from "zod";
import { sourceRefSchema } from "./source-ref.js";

/**
 * A set of clauses attached to the contract: a catalogue of `@ward/security-clauses` (`nerima`, `meguro`,
 * `nerima-ai`) — all of it, or the provisions named by their stable ids (`nerima:19:3:2`). Ids are checked
 * against the catalogue when the contract is built.
 *
 * @example
 * clauseSetSchema.parse({ catalogue: "nerima", title: "情報の保護および管理に関する特記事項",
 *   source: { seed: "000", section: "第12-4-(2)-イ" } });
 */
export const clauseSetSchema = z.strictObject({
  catalogue: catalogueIdSchema,
  title: z.string().min(1),
  /** Provision ids; omitted = the whole catalogue. */
  provisions: z.array(z.string().min(1)).min(1).optional(),
  source: sourceRefSchema,
});
/** An attached clause set. */
export type ClauseSet = z.output<typeof clauseSetSchema>;
