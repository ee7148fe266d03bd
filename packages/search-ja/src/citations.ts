import { citationHref } from "./citation-link.js";
import type { SearchHit } from "./indexed-chunk.js";
import { describeLocator, type Locator, locatorKey } from "./locator.js";

/** A source an answer rests on: the document, where in it, and the link that opens it there. */
export interface Citation {
  /** 1-based number the answer text refers to as [n]. */
  readonly number: number;
  readonly documentId: string;
  readonly documentName: string;
  readonly locator: Locator;
  /** Japanese label of the locator, e.g. `3ページ`. */
  readonly label: string;
  /** Viewer link, e.g. `/documents/<id>/view#page=3`. */
  readonly href: string;
}

/** A retrieved passage and the citation it is quoted under. */
export interface CitedPassage {
  readonly citation: Citation;
  readonly text: string;
  readonly score: number;
}

/**
 * Numbers the sources of the retrieved passages: passages from the same place (document and
 * locator) share one citation number, in order of first appearance.
 *
 * @param hits - search results, best first (already access-filtered)
 * @param documentName - the display name of a document id
 * @param href - the link that opens a document at a locator (default {@link citationHref}'s `/documents/<id>/view…`)
 * @returns the cited passages (same order as `hits`) and the distinct citations
 * @example
 * const { citations } = citePassages(hits, (id) => names.get(id) ?? id);
 * citations[0]; // => { number: 1, documentName: "手引き.pdf", label: "3ページ", href: "/documents/d1/view#page=3", … }
 */
export function citePassages(
  hits: readonly SearchHit[],
  documentName: (documentId: string) => string,
  href: (documentId: string, locator: Locator) => string = citationHref,
): { passages: CitedPassage[]; citations: Citation[] } {
  const byPlace = new Map<string, Citation>();
  const passages = hits.map((hit) => {
    const place = `${hit.documentId}\u0000${locatorKey(hit.locator)}`;
    let citation = byPlace.get(place);
    if (citation === undefined) {
      citation = {
        number: byPlace.size + 1,
        documentId: hit.documentId,
        documentName: documentName(hit.documentId),
        locator: hit.locator,
        label: describeLocator(hit.locator),
        href: href(hit.documentId, hit.locator),
      };
      byPlace.set(place, citation);
    }
    return { citation, text: hit.text, score: hit.score };
  });
  return { passages, citations: [...byPlace.values()] };
}
