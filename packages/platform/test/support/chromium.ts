import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

function aptInstall(packages: string[]): boolean {
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "ignore" })
      .status === 0;
  if (install()) return true;
  spawnSync("apt-get", ["update"], { stdio: "ignore" });
  return install();
}

/**
 * Makes sure Debian's Chromium and a CJK font exist (installing them with apt-get as root when
 * missing) and returns the browser's path, or a reason it cannot run here.
 */
export function ensureChromium(): { path: string } | { reason: string } {
  const fontPresent = existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  if (existsSync(CHROMIUM) && fontPresent) return { path: CHROMIUM };
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    return existsSync(CHROMIUM)
      ? { path: CHROMIUM }
      : { reason: `${CHROMIUM} is missing and this is not root on Linux` };
  }
  aptInstall(["chromium", "fonts-noto-cjk"]);
  return existsSync(CHROMIUM) ? { path: CHROMIUM } : { reason: "apt-get install chromium failed" };
}
