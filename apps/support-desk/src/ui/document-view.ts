import { html, raw } from "@ward/platform";
import { describeLocator, type Locator } from "../domain/index.js";

/** What the viewer link asked for: `?slide=N`, `?sheet=..&rows=a-b`, `?rows=a-b`, `?section=..`. */
export interface ViewTarget {
  readonly slide?: number;
  readonly sheet?: string;
  readonly rows?: readonly [number, number];
  readonly section?: string;
}

/**
 * Reads the viewer's query into a {@link ViewTarget}; malformed values are ignored.
 *
 * @example
 * ```ts
 * viewTargetFromQuery({ sheet: "名簿", rows: "2-9" }); // { sheet: "名簿", rows: [2, 9] }
 * ```
 */
export function viewTargetFromQuery(query: Readonly<Record<string, string | undefined>>): ViewTarget {
  const target: { slide?: number; sheet?: string; rows?: readonly [number, number]; section?: string } = {};
  const slide = Number(query.slide);
  if (Number.isInteger(slide) && slide > 0) target.slide = slide;
  if (query.sheet) target.sheet = query.sheet;
  const rows = /^(\d+)-(\d+)$/.exec(query.rows ?? "");
  if (rows) target.rows = [Number(rows[1]), Number(rows[2])];
  if (query.section) target.section = query.section;
  return target;
}

/**
 * The element id of a section in the viewer: `page-3`, `slide-2`, `sheet-1-rows-2-9`, `rows-5-8`, `section-4`.
 *
 * @example
 * ```ts
 * sectionAnchor({ kind: "page", page: 3 }, 2); // "page-3"
 * ```
 */
export function sectionAnchor(locator: Locator, ordinal: number): string {
  switch (locator.kind) {
    case "page":
      return `page-${locator.page}`;
    case "slide":
      return `slide-${locator.slide}`;
    case "sheet":
      return `sheet-${ordinal}-rows-${locator.fromRow}-${locator.toRow}`;
    case "rows":
      return `rows-${locator.fromRow}-${locator.toRow}`;
    case "section":
      return `section-${ordinal}`;
  }
}

/**
 * Whether a section is the one a viewer link points at.
 *
 * @example
 * ```ts
 * isTarget({ kind: "slide", slide: 2 }, { slide: 2 }); // true
 * ```
 */
export function isTarget(locator: Locator, target: ViewTarget): boolean {
  const overlaps = (from: number, to: number) =>
    target.rows !== undefined && from <= target.rows[1] && to >= target.rows[0];
  switch (locator.kind) {
    case "page":
      return false; // pages are chosen by the #page=N fragment, client side
    case "slide":
      return target.slide === locator.slide;
    case "sheet":
      return target.sheet === locator.sheet && overlaps(locator.fromRow, locator.toRow);
    case "rows":
      return target.sheet === undefined && overlaps(locator.fromRow, locator.toRow);
    case "section":
      return target.section !== undefined && target.section === locator.path.join(" > ");
  }
}

/**
 * The viewer body: every section of the document as `<section id=…>` with its label and text;
 * the targeted one carries `data-target` and the highlight class; `viewer.js` handles `#page=N`.
 *
 * @example
 * ```ts
 * renderDocumentSections([{ locator: { kind: "page", page: 1 }, text: "…" }], {});
 * ```
 */
export function renderDocumentSections(
  sections: ReadonlyArray<{ readonly locator: Locator; readonly text: string }>,
  target: ViewTarget,
) {
  let first = true;
  const items = sections.map((section, ordinal) => {
    const id = sectionAnchor(section.locator, ordinal);
    const hit = first && isTarget(section.locator, target);
    if (hit) first = false;
    const label = describeLocator(section.locator);
    return html`<section id="${id}" class="doc-section${hit ? " highlight" : ""}" tabindex="-1" aria-labelledby="${id}-h"${
      hit ? raw(' data-target="true" aria-current="location"') : ""
    }${section.locator.kind === "page" ? html` data-page="${section.locator.page}"` : ""}>
<h2 id="${id}-h">${label}</h2>
<div class="doc-text">${section.text.trim() === "" ? "（このページには文字情報がありません）" : section.text}</div>
</section>`;
  });
  const index = sections.map((section, ordinal) => {
    const id = sectionAnchor(section.locator, ordinal);
    const href = section.locator.kind === "page" ? `#page=${section.locator.page}` : `#${id}`;
    return html`<li><a href="${href}">${describeLocator(section.locator)}</a></li>`;
  });
  return html`<nav aria-label="文書内の移動"><ul class="doc-index">${index}</ul></nav>
${items}`;
}
