import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Where Debian's Chromium lives. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
const CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

function aptInstall(packages: readonly string[]): boolean {
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "ignore" })
      .status === 0;
  if (install()) return true;
  spawnSync("apt-get", ["update"], { stdio: "ignore" });
  return install();
}

/**
 * Makes sure Debian's Chromium and a CJK font exist (installing them with apt-get when running as
 * root on Linux and either is missing) and returns the browser's path, or why it cannot run here.
 *
 * @returns `{ path }` of the browser, or `{ reason }` it is unavailable.
 * @example
 * ```ts
 * const browser = ensureChromium();
 * describe.skipIf("reason" in browser)("in Chromium", () => { ... });
 * ```
 */
export function ensureChromium(): { readonly path: string } | { readonly reason: string } {
  if (existsSync(CHROMIUM_PATH) && existsSync(CJK_FONT)) return { path: CHROMIUM_PATH };
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    return existsSync(CHROMIUM_PATH)
      ? { path: CHROMIUM_PATH }
      : { reason: `${CHROMIUM_PATH} is missing and this is not root on Linux` };
  }
  aptInstall(["chromium", "fonts-noto-cjk"]);
  return existsSync(CHROMIUM_PATH) ? { path: CHROMIUM_PATH } : { reason: "apt-get install chromium failed" };
}
