import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { login, queryAudit } from "../src/index.js";
import {
  dropTestSchemas,
  openTestPlatform,
  TEST_MASTER_KEY,
  tempDir,
  testDatabases,
} from "../src/testing/index.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
const cli = fileURLToPath(new URL("../src/cli/break-glass.ts", import.meta.url));

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`ward-break-glass CLI ${backend.label}`, () => {
    it("lets a locked-out admin back in with a one-time password, audited with the OS user", async () => {
      const dir = tempDir();
      const storage = backend.name === "pglite" ? { dataDir: dir.path } : backend.storage();
      const where =
        "dataDir" in storage
          ? ["--data-dir", storage.dataDir]
          : "databaseUrl" in storage
            ? ["--database-url", storage.databaseUrl, "--schema", storage.schema]
            : [];
      const office = { sourceIp: "192.0.2.10", requestId: null };
      let platform = await openTestPlatform(storage);
      try {
        for (let i = 0; i < 5; i += 1) {
          await login(platform, { loginId: "admin", password: `Bad-${i}-xx` }, office).catch(() => undefined);
        }
        // PGlite allows one process per data directory: the operator stops the app first.
        if (backend.name === "pglite") await platform.close();
        const { stdout } = await run(
          tsx,
          ["--conditions=@ward/source", cli, "--login", "admin", "--reset-password", ...where],
          {
            env: {
              ...process.env,
              DATABASE_URL: "",
              WARD_MASTER_KEY: TEST_MASTER_KEY,
              WARD_AUDIT_CHECKPOINT_FILE: join(dir.path, "checkpoints.jsonl"),
            },
          },
        );
        expect(stdout).toContain("ロックを1件解除しました。");
        const unknown = await run(tsx, ["--conditions=@ward/source", cli, "--login", "nobody", ...where], {
          env: {
            ...process.env,
            DATABASE_URL: "",
            WARD_MASTER_KEY: TEST_MASTER_KEY,
            WARD_AUDIT_CHECKPOINT_FILE: join(dir.path, "checkpoints.jsonl"),
          },
        }).catch((error: { code: number }) => error);
        expect((unknown as { code: number }).code).toBe(1);
        const oneTime = /一時パスワード: (\S+)（/.exec(stdout)?.[1] ?? "";
        if (backend.name === "pglite") platform = await openTestPlatform(storage);
        const { session } = await login(platform, { loginId: "admin", password: oneTime }, office);
        expect(session.user.mustChangePassword).toBe(true);
        const [record] = await queryAudit(platform.db, { action: "auth.break_glass" });
        expect(record?.actorLogin).toMatch(/^os:.+/);
      } finally {
        await platform.close().catch(() => undefined);
        dir.remove();
      }
    }, 120_000);
  });
}
