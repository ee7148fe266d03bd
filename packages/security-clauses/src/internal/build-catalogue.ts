import type { DueRule } from "../due-rule.js";
import type { EvidenceDocumentId } from "../evidence-documents.js";
import type {
  Actor,
  Catalogue,
  CatalogueId,
  Obligation,
  Provision,
  ProvisionText,
  Tag,
} from "../provision.js";

/** Hand-written annotations of one provision. */
export interface Annotation {
  readonly tags?: readonly Tag[];
  readonly obligations?: readonly Obligation[];
}

interface ObligationOptions {
  readonly trigger?: string;
  readonly conditions?: readonly Tag[];
  readonly due?: DueRule;
  readonly interpretation?: string;
  readonly evidence?: EvidenceDocumentId;
}

/** A duty of `actor`. */
export function must(actor: Actor, action: string, options: ObligationOptions = {}): Obligation {
  return { actor, action, kind: "duty", ...options };
}

/** A prohibition on `actor`. */
export function mustNot(actor: Actor, action: string, options: ObligationOptions = {}): Obligation {
  return { actor, action, kind: "prohibition", ...options };
}

/** A right of `actor`. */
export function may(actor: Actor, action: string, options: ObligationOptions = {}): Obligation {
  return { actor, action, kind: "right", ...options };
}

function labelOf(text: ProvisionText): string {
  const [article, branch] = text.article.split("-");
  let label = `第${article}条${branch ? `の${branch}` : ""}`;
  if (text.reference) return `${label}（参考）`;
  label += `第${text.paragraph}項`;
  if (text.item !== undefined) label += `第${text.item}号`;
  if (text.marker !== undefined && text.subitem !== undefined) label += text.marker;
  else if (text.subitem !== undefined) label += `（${text.group ?? text.subitem}）`;
  return label;
}

/** Joins generated texts with hand annotations; article tags apply to every provision of the article. */
export function buildCatalogue(options: {
  readonly id: CatalogueId;
  readonly title: string;
  readonly ward: string;
  readonly sources: readonly string[];
  readonly texts: readonly ProvisionText[];
  readonly articleTags: Readonly<Record<string, readonly Tag[]>>;
  readonly annotations: Readonly<Record<string, Annotation>>;
}): Catalogue {
  const known = new Set(options.texts.map((t) => t.id));
  for (const id of Object.keys(options.annotations)) {
    // A typo in an annotation key would silently drop obligations.
    if (!known.has(id)) throw new Error(`@ward/security-clauses: annotation for unknown provision ${id}`);
  }
  const provisions: Provision[] = options.texts.map((text) => {
    const annotation = options.annotations[text.id] ?? {};
    const tags = [...new Set([...(options.articleTags[text.article] ?? []), ...(annotation.tags ?? [])])];
    return Object.freeze({
      ...text,
      catalogue: options.id,
      label: labelOf(text),
      tags: Object.freeze(tags),
      obligations: Object.freeze([...(annotation.obligations ?? [])]),
    });
  });
  const articles = [...new Set(options.texts.map((t) => t.article))];
  return Object.freeze({
    id: options.id,
    title: options.title,
    ward: options.ward,
    sources: options.sources,
    articles: Object.freeze(articles),
    provisions: Object.freeze(provisions),
  });
}
