import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import {
  createPlatform,
  defaultSecretsDir,
  type PlatformOptions,
  putFile,
  readFile,
  SYSTEM,
  verifyAuditChain,
} from "../src/index.js";
import {
  dropTestSchemas,
  openTestPlatform,
  tempDir,
  testDatabases,
  testPlatformOptions,
} from "../src/testing/index.js";

const { backends } = await testDatabases();
const dir = tempDir("ward-master-key-");
afterAll(async () => {
  await dropTestSchemas();
  dir.remove();
});

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");
let n = 0;

/** Options without the test master key (so the platform has to find one) and with default checkpoints. */
function withoutKey(extra: Partial<PlatformOptions>): PlatformOptions {
  const { masterKey: _key, auditCheckpointFile: _file, ...options } = testPlatformOptions(extra);
  return options;
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`master key check ${backend.label}`, () => {
    // Storage that survives a close: a data directory on PGlite, a schema on PostgreSQL.
    const reopenable = () => {
      const storage = backend.storage();
      return "databaseUrl" in storage ? storage : { dataDir: join(dir.path, `data-${++n}`) };
    };

    it("refuses a wrong master key with a bilingual error and keeps the data readable with the right one", async () => {
      const storage = reopenable();
      const first = await openTestPlatform({ ...storage, masterKey: KEY_A });
      const stored = await putFile(first, SYSTEM, {
        name: "見積書.txt",
        contentType: "text/plain",
        data: new TextEncoder().encode("鍵の確認"),
      });
      await first.close();
      const wrong = openTestPlatform({ ...storage, masterKey: KEY_B });
      await expect(wrong).rejects.toMatchObject({
        code: "MASTER_KEY_MISMATCH",
        message: expect.stringMatching(/does not match.*一致しません/s),
        messageJa: expect.stringMatching(/一致しません/),
      });
      const again = await openTestPlatform({ ...storage, masterKey: KEY_A });
      try {
        const { data } = await readFile(again, SYSTEM, stored.id);
        expect(new TextDecoder().decode(data)).toBe("鍵の確認");
        // The refused start wrote nothing: no file, no audit record under the wrong key.
        expect((await verifyAuditChain(again.db)).ok).toBe(true);
      } finally {
        await again.close();
      }
    });

    it("refuses to start without the key when data exists, and never generates one then", async () => {
      const storage = reopenable();
      const keyFile = join(dir.path, `key-${++n}`, "master.key");
      const first = await createPlatform(withoutKey({ ...storage, masterKeyFile: keyFile }));
      expect(existsSync(keyFile)).toBe(true);
      await first.close();
      const kept = readFileSync(keyFile, "utf8");
      const lost = join(dir.path, `lost-${++n}`, "master.key");
      await expect(createPlatform(withoutKey({ ...storage, masterKeyFile: lost }))).rejects.toMatchObject({
        code: "MASTER_KEY_MISSING",
        message: expect.stringMatching(/no master key found.*新しい鍵は作りません/s),
      });
      expect(existsSync(lost)).toBe(false);
      const again = await createPlatform(withoutKey({ ...storage, masterKeyFile: keyFile }));
      await again.close();
      expect(readFileSync(keyFile, "utf8")).toBe(kept);
    });

    it("refuses to start without the key when encrypted files exist from before the key check", async () => {
      const storage = reopenable();
      const first = await openTestPlatform({ ...storage, masterKey: KEY_A });
      await putFile(first, SYSTEM, { name: "a.txt", contentType: "text/plain", data: new Uint8Array([1]) });
      // An installation from before this version: files, but no key check value.
      await sql`alter table ward_keyring disable trigger ward_keyring_no_update`.execute(first.db);
      await sql`delete from ward_keyring`.execute(first.db);
      await first.close();
      const lost = join(dir.path, `lost-${++n}`, "master.key");
      await expect(createPlatform(withoutKey({ ...storage, masterKeyFile: lost }))).rejects.toMatchObject({
        code: "MASTER_KEY_MISSING",
      });
      expect(existsSync(lost)).toBe(false);
    });
  });
}

describe("master key location", () => {
  it("puts the secrets folder beside .data/<name>, else under the working directory", () => {
    expect(defaultSecretsDir({ appName: "t", cwd: "/srv", dataDir: "/srv/app/.data/treasury" })).toBe(
      resolve("/srv/app/.secrets/treasury"),
    );
    expect(defaultSecretsDir({ appName: "t", cwd: "/srv", dataDir: "/tmp/x/data" })).toBe(
      resolve("/srv/.secrets/t"),
    );
    expect(defaultSecretsDir({ appName: "t", cwd: "/srv" })).toBe(resolve("/srv/.secrets/t"));
  });

  it("generates the key outside the data directory, in the secrets folder", async () => {
    const dataDir = join(dir.path, "fresh", ".data", "app");
    const secretsDir = join(dir.path, "fresh", ".secrets", "app");
    const platform = await createPlatform(withoutKey({ dataDir, secretsDir }));
    try {
      expect(existsSync(join(secretsDir, "master.key"))).toBe(true);
      expect(existsSync(join(dataDir, "master.key"))).toBe(false);
      expect(platform.auditCheckpointFile).toBe(join(secretsDir, "audit-checkpoints.jsonl"));
      expect(existsSync(join(secretsDir, "audit-checkpoints.jsonl"))).toBe(true);
    } finally {
      await platform.close();
    }
  });

  it("moves a key that an older version left in the data directory", async () => {
    const dataDir = join(dir.path, "old", ".data", "app");
    const secretsDir = join(dir.path, "old", ".secrets", "app");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "master.key"), `${KEY_A}\n`);
    const platform = await createPlatform(withoutKey({ dataDir, secretsDir }));
    try {
      expect(Buffer.from(platform.masterKey).toString("base64")).toBe(KEY_A);
      expect(existsSync(join(dataDir, "master.key"))).toBe(false);
      expect(readFileSync(join(secretsDir, "master.key"), "utf8").trim()).toBe(KEY_A);
    } finally {
      await platform.close();
    }
  });

  it("refuses when the data directory and the secrets folder hold different keys", async () => {
    const dataDir = join(dir.path, "two", ".data", "app");
    const secretsDir = join(dir.path, "two", ".secrets", "app");
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(secretsDir, { recursive: true });
    writeFileSync(join(dataDir, "master.key"), `${KEY_A}\n`);
    writeFileSync(join(secretsDir, "master.key"), `${KEY_B}\n`);
    await expect(createPlatform(withoutKey({ dataDir, secretsDir }))).rejects.toMatchObject({
      code: "MASTER_KEY_INVALID",
      message: expect.stringMatching(/two different master keys/),
    });
    expect(existsSync(join(dataDir, "master.key"))).toBe(true);
  });

  it("reads the key from WARD_MASTER_KEY_FILE", async () => {
    const keyFile = join(dir.path, "env-key", "k");
    mkdirSync(join(dir.path, "env-key"), { recursive: true });
    writeFileSync(keyFile, KEY_B);
    const platform = await createPlatform(
      withoutKey({ memory: true, env: { WARD_MASTER_KEY_FILE: keyFile } }),
    );
    try {
      expect(Buffer.from(platform.masterKey).toString("base64")).toBe(KEY_B);
    } finally {
      await platform.close();
    }
  });
});
