import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isPlatformError, type PlatformError } from "../errors.js";
import { tempDir } from "../testing/temp-dir.js";
import { acquireDataDirLock, DATA_DIR_LOCK_FILE, pidAlive } from "./data-dir-lock.js";
import { openDatabase } from "./database.js";

const root = tempDir("ward-lock-");
afterAll(root.remove);
let n = 0;
// Spaces and Japanese in the path: data directories on Windows desktops look like this.
const freshDir = () => {
  const dir = join(root.path, `データ ${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

function refusal(fn: () => unknown): PlatformError {
  try {
    fn();
  } catch (error) {
    if (isPlatformError(error, "DATA_DIR_LOCKED")) return error;
    throw error;
  }
  throw new Error("expected DATA_DIR_LOCKED");
}

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  const pid = Number(child.stdout.toString());
  expect(pidAlive(pid)).toBe(false);
  return pid;
}

describe("acquireDataDirLock", () => {
  it("refuses a second owner and names the first in Japanese and English", () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir, { app: "treasury", now: () => new Date("2025-07-10T01:00:00Z") });
    lock.setPort(3100);
    const error = refusal(() => acquireDataDirLock(dir, { app: "treasury-cli", pid: process.pid + 1 }));
    expect(error.status).toBe(423);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain("port 3100");
    expect(error.message).toContain("2025-07-10T01:00:00.000Z");
    expect(error.messageJa).toContain(`プロセス番号 ${process.pid}`);
    expect(error.messageJa).toContain("http://127.0.0.1:3100");
    expect(error.messageJa).toContain("停止してから");
    lock.release();
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it("writes pid, host, start time and port into the lock file", () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir, { app: "support-desk" });
    lock.setPort(3200);
    const written = JSON.parse(readFileSync(lock.path, "utf8"));
    expect(written).toMatchObject({ pid: process.pid, host: hostname(), app: "support-desk", port: 3200 });
    expect(Date.parse(written.startedAt)).not.toBeNaN();
    lock.release();
    lock.release();
  });

  it("recovers a lock left by a dead process on this host", () => {
    const dir = freshDir();
    const stale = {
      pid: deadPid(),
      host: hostname(),
      startedAt: "2025-01-01T00:00:00.000Z",
      app: "treasury",
      port: 3100,
    };
    writeFileSync(join(dir, DATA_DIR_LOCK_FILE), JSON.stringify(stale));
    const lock = acquireDataDirLock(dir, { app: "treasury" });
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("does not guess about a pid on another host", () => {
    const dir = freshDir();
    const other = {
      pid: deadPid(),
      host: "other-host",
      startedAt: "2025-01-01T00:00:00.000Z",
      app: "treasury",
      port: null,
    };
    writeFileSync(join(dir, DATA_DIR_LOCK_FILE), JSON.stringify(other));
    expect(refusal(() => acquireDataDirLock(dir)).message).toContain("host other-host");
  });

  it("treats a fresh empty lock file as taken and an old one as stale", () => {
    const dir = freshDir();
    const path = join(dir, DATA_DIR_LOCK_FILE);
    writeFileSync(path, "");
    refusal(() => acquireDataDirLock(dir));
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    acquireDataDirLock(dir).release();
  });

  it("refuses while a live process of another program holds it, recovers after it is killed", async () => {
    const dir = freshDir();
    // A real second process (no shell): it takes the lock through this module and waits.
    const child = spawn(
      process.execPath,
      [
        "--conditions=@ward/source",
        "--import",
        "tsx",
        "-e",
        `const { acquireDataDirLock } = await import(${JSON.stringify(new URL("./data-dir-lock.ts", import.meta.url).href)});
         acquireDataDirLock(${JSON.stringify(dir)}, { app: "holder" }); process.stdout.write("held\\n"); setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("held") && resolve());
      child.once("exit", (code) => reject(new Error(`holder exited ${code}`)));
    });
    expect(refusal(() => acquireDataDirLock(dir)).message).toContain(`holder (pid ${child.pid}`);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    // kill -9 skips the holder's exit hook: the file stays, and its dead pid makes it stale.
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(true);
    acquireDataDirLock(dir).release();
  }, 30_000);
});

describe("openDatabase on a data directory", () => {
  it("lets one opener in at a time and frees the directory on close", async () => {
    const dir = freshDir();
    const first = await openDatabase({ dataDir: dir, owner: "treasury" });
    await expect(openDatabase({ dataDir: dir, owner: "treasury-cli" })).rejects.toMatchObject({
      code: "DATA_DIR_LOCKED",
    });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    expect(second.lock?.owner.app).toBe("ward");
    await second.close();
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
  }, 60_000);
});
