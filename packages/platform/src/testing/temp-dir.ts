import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Creates a fresh directory under the OS temp directory.
 *
 * @param prefix - The directory name's prefix; default `ward-test-`.
 * @returns Its path and a `remove()` that deletes it with its contents.
 * @example
 * ```ts
 * const dir = tempDir("ward-e2e-");
 * afterAll(dir.remove);
 * ```
 */
export function tempDir(prefix = "ward-test-"): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
