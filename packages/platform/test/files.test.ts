import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eraseFile,
  listErasures,
  openFile,
  type Platform,
  putFile,
  readFile,
  SYSTEM,
  sealFile,
  verifyAuditChain,
} from "../src/index.js";
import { dropTestSchemas, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);
const key = new Uint8Array(32).fill(9);
const text = (s: string) => new TextEncoder().encode(s);

describe("envelope encryption", () => {
  it("round-trips and detects any altered byte, a wrong key or a moved ciphertext", () => {
    const env = sealFile(key, "f1", text("見積書"));
    expect(new TextDecoder().decode(openFile(key, "f1", env))).toBe("見積書");
    const flipped = new Uint8Array(env.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openFile(key, "f1", { ...env, ciphertext: flipped })).toThrow(
      expect.objectContaining({ code: "FILE_INTEGRITY" }),
    );
    expect(() => openFile(new Uint8Array(32), "f1", env)).toThrow(
      expect.objectContaining({ code: "FILE_INTEGRITY" }),
    );
    expect(() => openFile(key, "f2", env)).toThrow(expect.objectContaining({ code: "FILE_INTEGRITY" }));
  });
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`file store ${backend.label}`, () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await backend.open();
    });
    afterAll(async () => {
      await platform?.close();
    });

    it("stores ciphertext only, reads it back, and crypto-erases with a record", async () => {
      const stored = await putFile(platform, SYSTEM, {
        name: "名簿.csv",
        contentType: "text/csv",
        data: text("氏名,年齢\n山田,3"),
      });
      const row = await platform.db
        .selectFrom("files")
        .selectAll()
        .where("id", "=", stored.id)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(row.ciphertext ?? []).toString("utf8")).not.toContain("山田");
      const { data } = await readFile(platform, SYSTEM, stored.id);
      expect(new TextDecoder().decode(data)).toBe("氏名,年齢\n山田,3");
      const record = await eraseFile(platform, SYSTEM, stored.id, { reason: "契約終了に伴う消去" });
      expect(record).toMatchObject({
        fileName: "名簿.csv",
        reason: "契約終了に伴う消去",
        erasedByLogin: "system",
      });
      expect(record.erasedAt).toMatch(/\+09:00$/);
      await expect(readFile(platform, SYSTEM, stored.id)).rejects.toMatchObject({ code: "FILE_ERASED" });
      await expect(eraseFile(platform, SYSTEM, stored.id, { reason: "再" })).rejects.toMatchObject({
        code: "FILE_ERASED",
      });
      expect(await listErasures(platform, { fileIds: [stored.id] })).toEqual([record]);
      const after = await platform.db
        .selectFrom("files")
        .selectAll()
        .where("id", "=", stored.id)
        .executeTakeFirstOrThrow();
      expect(after.wrapped_key).toBeNull();
      expect(after.ciphertext).toBeNull();
    });

    it("refuses a file whose stored ciphertext was tampered with", async () => {
      const stored = await putFile(platform, SYSTEM, {
        name: "a.txt",
        contentType: "text/plain",
        data: text("原本"),
      });
      await platform.db
        .updateTable("files")
        .set({ tag: new Uint8Array(16) })
        .where("id", "=", stored.id)
        .execute();
      await expect(readFile(platform, SYSTEM, stored.id)).rejects.toMatchObject({ code: "FILE_INTEGRITY" });
      expect((await verifyAuditChain(platform.db)).ok).toBe(true);
    });
  });
}
