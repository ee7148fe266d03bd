import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import { createPlatform } from "../src/index.js";
import { FAST_ARGON2, TEST_MASTER_KEY } from "../src/testing/index.js";

describe("the first administrator's one-time password", () => {
  it("goes to the terminal only, never into the JSON log", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const terminal: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      terminal.push(String(chunk));
      return true;
    });
    try {
      const platform = await createPlatform({
        appName: "test",
        memory: true,
        masterKey: TEST_MASTER_KEY,
        argon2: FAST_ARGON2,
        env: {},
        logger: pino({ level: "info" }, sink),
      });
      await platform.close();
    } finally {
      spy.mockRestore();
    }
    const password = /一時パスワード: (\S+)（/.exec(terminal.join(""))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(lines.join("")).toContain("created the first administrator");
    expect(lines.join("")).not.toContain(password);
  });
});
