import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const packageDir = new URL("../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", packageDir), "utf8")) as {
  bin?: Record<string, string>;
  files?: string[];
};

// pnpm links bins at install time, before any build: a bin in dist/ is a "Failed to create bin" warning
// on a fresh install and stays missing after the build until the next install.
describe("bins", () => {
  it.each(Object.entries(manifest.bin ?? {}))(
    "%s is a committed shim outside dist/, and published",
    (_, path) => {
      expect(path.startsWith("./dist/")).toBe(false);
      expect(existsSync(new URL(path, packageDir))).toBe(true);
      expect(manifest.files).toContain(path.replace(/^\.\//, "").split("/")[0]);
    },
  );
});
