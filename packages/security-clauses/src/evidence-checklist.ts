import { type DueRule, describeDueRule } from "./due-rule.js";
import { type EvidenceDocument, evidenceDocuments } from "./evidence-documents.js";
import type { Catalogue, Tag } from "./provision.js";

/** One line of the evidence checklist: a document, why it is due and when. */
export interface ChecklistItem {
  readonly document: EvidenceDocument;
  /** Every obligation producing it, with its provision and due rule. */
  readonly sources: readonly {
    readonly provisionId: string;
    readonly label: string;
    readonly action: string;
    readonly trigger?: string;
    readonly due?: DueRule;
    /** The due rule in Japanese, or 「定めなし」 where the text sets none. */
    readonly dueText: string;
  }[];
}

/**
 * The evidence documents a contractor must produce under one or more catalogues, with due rules, in document
 * order. With `involves`, obligations conditional on something the work does not involve are left out.
 *
 * @param catalogues - the clause sets attached to the contract
 * @param options - `involves`: what the work involves (e.g. `["personal-information"]`); omit for everything
 * @returns one item per document
 * @example
 * evidenceChecklist([nerimaCatalogue, nerimaAiServiceCatalogue])
 *   .find((i) => i.document.id === "nerima-ai/erasure-certificate")?.sources[0]?.dueText;
 * // => "契約終了後30日以内"
 */
export function evidenceChecklist(
  catalogues: readonly Catalogue[],
  options: { readonly involves?: readonly Tag[] } = {},
): readonly ChecklistItem[] {
  const involved = options.involves ? new Set(options.involves) : undefined;
  const items = new Map<
    string,
    { document: EvidenceDocument; sources: ChecklistItem["sources"][number][] }
  >();
  for (const catalogue of catalogues) {
    for (const provision of catalogue.provisions) {
      for (const o of provision.obligations) {
        if (!o.evidence || o.actor !== "乙") continue;
        if (involved && o.conditions?.some((c) => !involved.has(c))) continue;
        const entry = items.get(o.evidence) ?? { document: evidenceDocuments[o.evidence], sources: [] };
        entry.sources.push({
          provisionId: provision.id,
          label: provision.label,
          action: o.action,
          ...(o.trigger !== undefined ? { trigger: o.trigger } : {}),
          ...(o.due !== undefined ? { due: o.due } : {}),
          dueText: o.due ? describeDueRule(o.due) : "定めなし",
        });
        items.set(o.evidence, entry);
      }
    }
  }
  return [...items.values()];
}
