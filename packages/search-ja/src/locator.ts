import { z } from "zod";

const positiveInt = z.number().int().positive();

/** zod schema of a {@link Locator}; use it when a locator crosses a boundary (storage, HTTP). */
export const locatorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page"), page: positiveInt }),
  z.object({ kind: z.literal("slide"), slide: positiveInt }),
  z.object({ kind: z.literal("sheet"), sheet: z.string().min(1), fromRow: positiveInt, toRow: positiveInt }),
  z.object({ kind: z.literal("rows"), fromRow: positiveInt, toRow: positiveInt }),
  z.object({ kind: z.literal("section"), path: z.array(z.string()) }),
]);

/**
 * Where a passage sits inside its source document: a PDF page, a slide, a sheet's row range,
 * a CSV row range, or a heading path (text, Markdown, Word).
 */
export type Locator = z.infer<typeof locatorSchema>;

/**
 * Parses an unknown value (e.g. a JSON column) into a {@link Locator}.
 *
 * @param value - the value to check
 * @returns the locator
 * @throws ZodError when the value is not a locator
 * @example
 * parseLocator({ kind: "page", page: 3 }); // => { kind: "page", page: 3 }
 */
export function parseLocator(value: unknown): Locator {
  return locatorSchema.parse(value);
}

/**
 * Describes a locator for a clerk, in Japanese.
 *
 * @param locator - the locator
 * @returns a short label such as `3ページ` or `シート「名簿」 2〜21行`
 * @example
 * describeLocator({ kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 21 }); // => "シート「名簿」 2〜21行"
 */
export function describeLocator(locator: Locator): string {
  switch (locator.kind) {
    case "page":
      return `${locator.page}ページ`;
    case "slide":
      return `スライド${locator.slide}`;
    case "sheet":
      return `シート「${locator.sheet}」 ${rowRange(locator.fromRow, locator.toRow)}`;
    case "rows":
      return rowRange(locator.fromRow, locator.toRow);
    case "section":
      return locator.path.length === 0 ? "本文" : locator.path.join(" > ");
  }
}

function rowRange(fromRow: number, toRow: number): string {
  return fromRow === toRow ? `${fromRow}行` : `${fromRow}〜${toRow}行`;
}

/**
 * Tells whether two locators point at the same place.
 *
 * @param a - one locator
 * @param b - the other
 * @returns true when kind and every field agree
 * @example
 * sameLocator({ kind: "page", page: 1 }, { kind: "page", page: 1 }); // => true
 */
export function sameLocator(a: Locator, b: Locator): boolean {
  return locatorKey(a) === locatorKey(b);
}

/**
 * A stable string key for a locator (for grouping and de-duplicating citations).
 *
 * @param locator - the locator
 * @returns a key such as `page:3` or `sheet:名簿:2-21`
 * @example
 * locatorKey({ kind: "slide", slide: 4 }); // => "slide:4"
 */
export function locatorKey(locator: Locator): string {
  switch (locator.kind) {
    case "page":
      return `page:${locator.page}`;
    case "slide":
      return `slide:${locator.slide}`;
    case "sheet":
      return `sheet:${locator.sheet}:${locator.fromRow}-${locator.toRow}`;
    case "rows":
      return `rows:${locator.fromRow}-${locator.toRow}`;
    case "section":
      return `section:${JSON.stringify(locator.path)}`;
  }
}
