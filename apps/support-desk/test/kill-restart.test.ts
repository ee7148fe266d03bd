import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { testClient } from "@ward/platform/testing";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDesk } from "./support/desk.js";

const child = fileURLToPath(new URL("./support/poison-child.ts", import.meta.url));

// Starts a desk process on the data directory and resolves with its first line ("claimed N" or "failed").
function start(dataDir: string): Promise<{ process: ChildProcess; line: string }> {
  const proc = spawn(process.execPath, ["--conditions=@ward/source", "--import", "tsx", child, dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line !== undefined) resolve({ process: proc, line });
    });
    proc.on("exit", (code) => reject(new Error(`desk process exited with ${code} before claiming: ${out}`)));
  });
}

describe("kill -9 during ingestion, on PGlite", () => {
  const dir = mkdtempSync(join(tmpdir(), "support-desk-kill-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("retries a file whose processing kills the process at most 3 times, then shows 失敗 with the reason", async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const { process: desk, line } = await start(dir);
      expect(line).toBe(`claimed ${attempt}`);
      const exited = new Promise((resolve) => desk.once("exit", resolve));
      desk.kill("SIGKILL");
      await exited;
    }
    const t = await openTestDesk({ storage: { dataDir: dir }, jobs: { pollMs: 0, retryDelayMs: 0 } });
    try {
      await t.queue.idle();
      const admin = testClient(t.app);
      await admin.login("admin");
      const res = await admin.request("/jobs/1", { headers: { accept: "application/json" } });
      const job = (await res.json()) as { status: string; files: Array<{ status: string; errorJa: string }> };
      expect(job.status).toBe("failed");
      expect(job.files[0]?.errorJa).toBe(
        "毒.docx: 処理が3回とも完了しなかった（制限時間の超過または異常終了）ため、中止しました。",
      );
      expect((await admin.request("/jobs/1")).status).toBe(200);
    } finally {
      await t.platform.close();
    }
  }, 600_000);
});
