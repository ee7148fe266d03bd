import type { Locator } from "./locator.js";

/**
 * The path of the viewer link that opens a document at a locator: PDFs open at the page
 * (`#page=N`, which browsers' PDF viewers honour), slides, sheets and sections by query.
 *
 * @param documentId - the document's id
 * @param locator - where in the document
 * @returns a root-relative link path
 * @example
 * citationHref("doc-1", { kind: "page", page: 3 }); // => "/documents/doc-1/view#page=3"
 * citationHref("doc-2", { kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 9 });
 * // => "/documents/doc-2/view?sheet=%E5%90%8D%E7%B0%BF&rows=2-9"
 */
export function citationHref(documentId: string, locator: Locator): string {
  const base = `/documents/${encodeURIComponent(documentId)}/view`;
  switch (locator.kind) {
    case "page":
      return `${base}#page=${locator.page}`;
    case "slide":
      return `${base}?slide=${locator.slide}`;
    case "sheet":
      return `${base}?sheet=${encodeURIComponent(locator.sheet)}&rows=${locator.fromRow}-${locator.toRow}`;
    case "rows":
      return `${base}?rows=${locator.fromRow}-${locator.toRow}`;
    case "section":
      return locator.path.length === 0
        ? base
        : `${base}?section=${encodeURIComponent(locator.path.join(" > "))}`;
  }
}
