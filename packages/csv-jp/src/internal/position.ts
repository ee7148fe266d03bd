import type { CsvTextPosition } from "../csv-error.js";

/** The 1-based line and column (in code points) of a UTF-16 index; CRLF, LF and a lone CR end a line. */
export function positionOf(text: string, index: number): CsvTextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { index, line, column: [...text.slice(lineStart, index)].length + 1 };
}

/** `U+301C` style name of a character. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
