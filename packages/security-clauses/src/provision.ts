import { z } from "zod";
import { type DueRule, dueRuleSchema } from "./due-rule.js";
import { type EvidenceDocumentId, evidenceDocumentIdSchema } from "./evidence-documents.js";

/** 甲 (the ward) or 乙 (the contractor; 受注者 in Meguro's text). */
export const actorSchema = z.enum(["甲", "乙"]);
/** 甲 (the ward) or 乙 (the contractor). */
export type Actor = z.infer<typeof actorSchema>;

/** What a provision is about, for queries. */
export const tagSchema = z.enum([
  "personal-information",
  "specific-personal-information",
  "external-service",
  "recording-media",
  "incident",
  "subcontracting",
  "audit",
  "staff",
  "training",
  "disposal",
  "encryption",
  "certification",
  "transfer",
  "confidentiality",
]);
/** What a provision is about. */
export type Tag = z.infer<typeof tagSchema>;

/** The catalogues this package ships. */
export const catalogueIdSchema = z.enum(["nerima", "meguro", "nerima-ai"]);
/** Id of a shipped catalogue. */
export type CatalogueId = z.infer<typeof catalogueIdSchema>;

/** One duty or right a provision creates. */
export const obligationSchema = z.object({
  actor: actorSchema,
  /** What must (or may) be done, in Japanese. */
  action: z.string().min(1),
  /** `duty` (must), `prohibition` (must not), `right` (may). */
  kind: z.enum(["duty", "prohibition", "right"]),
  /** The situation that triggers it, in Japanese, when the text names one. */
  trigger: z.string().min(1).optional(),
  /** The obligation applies only to work that involves all of these. */
  conditions: z.array(tagSchema).readonly().optional(),
  due: dueRuleSchema.optional(),
  /** How the encoding reads a due time the text leaves open, in Japanese. */
  interpretation: z.string().min(1).optional(),
  /** The document (or register) the obligation produces. */
  evidence: evidenceDocumentIdSchema.optional(),
});
/** One duty or right a provision creates. */
export interface Obligation {
  readonly actor: Actor;
  readonly action: string;
  readonly kind: "duty" | "prohibition" | "right";
  readonly trigger?: string;
  readonly conditions?: readonly Tag[];
  readonly due?: DueRule;
  /** How the encoding reads a due time the text leaves open, in Japanese. */
  readonly interpretation?: string;
  readonly evidence?: EvidenceDocumentId;
}

/** The verbatim text of one provision and where it sits (paragraph, item, sub-item). */
export interface ProvisionText {
  /** Stable id: `<catalogue>:<article>:<paragraph>[:<item>[:<sub-item>]]`, article `4-2` for 第4条の2. */
  readonly id: string;
  /** `"19"`, or `"4-2"` for 第4条の2. */
  readonly article: string;
  readonly paragraph: number;
  readonly item?: number;
  /** Position of a sub-item (ア = 1, イ = 2 …) inside its item. */
  readonly subitem?: number;
  /** The mark in the text: `(2)`, `ア`. */
  readonly marker?: string;
  /** A heading that groups sub-items (第4条の3 (1)). */
  readonly group?: string;
  /** True for a 参考 block that informs but obliges nothing. */
  readonly reference?: boolean;
  /** The article caption in brackets (見出し); articles without one share the preceding caption. */
  readonly caption: string;
  /** The text exactly as in the seed (PDF line breaks inside a sentence rejoined). */
  readonly text: string;
}

/** A provision: its text, its place, its tags and its obligations. */
export interface Provision extends ProvisionText {
  readonly catalogue: CatalogueId;
  /** `第19条第3項第2号` style label. */
  readonly label: string;
  readonly tags: readonly Tag[];
  readonly obligations: readonly Obligation[];
}

/** One clause set. */
export interface Catalogue {
  readonly id: CatalogueId;
  readonly title: string;
  readonly ward: string;
  /** The seed documents the text comes from. */
  readonly sources: readonly string[];
  /** Article numbers in order (`"4-2"` for 第4条の2). */
  readonly articles: readonly string[];
  readonly provisions: readonly Provision[];
}
