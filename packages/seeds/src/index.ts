import { readFileSync } from "node:fs";

/** The four source specifications, by their number in `texts/README.md`. */
export const SEED_FILES = {
  "000": "000_3fdf0f1bf526ab49.txt",
  "001": "001_0bca18dbea2f17e7.txt",
  "002": "002_e75b339a80024631.txt",
  "003": "003_8372b8f1eeb6231a.txt",
} as const;

export type SeedId = keyof typeof SEED_FILES;

/**
 * The text of a source specification, for tests that check transcribed data against it.
 * A copy lives in this package so a fresh clone's tests need nothing beside the repo.
 *
 * @example
 * readSeed("002").includes("情報の保護および管理に関する特記事項"); // => true
 */
export function readSeed(id: SeedId): string {
  return readFileSync(new URL(`../texts/${SEED_FILES[id]}`, import.meta.url), "utf8");
}
