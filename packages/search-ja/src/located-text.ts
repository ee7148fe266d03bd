import type { Locator } from "./locator.js";

/** A piece of a document's text and where it sits (a page, a slide, rows, a heading path). */
export interface LocatedText {
  readonly text: string;
  readonly locator: Locator;
}
