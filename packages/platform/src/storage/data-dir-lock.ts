import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { PlatformError } from "../errors.js";

/** The lock file's name inside a PGlite data directory. */
export const DATA_DIR_LOCK_FILE = "ward-owner.lock";

/** Who owns a data directory, as written in its lock file. */
export interface DataDirOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO time the owner took the lock. */
  readonly startedAt: string;
  /** The app that owns it (`treasury`, `support-desk`, `verify-audit`…). */
  readonly app: string;
  /** The HTTP port while the owner serves, else null. */
  readonly port: number | null;
}

/** A held lock: update what it says about the owner, release it on close. */
export interface DataDirLock {
  readonly path: string;
  readonly owner: DataDirOwner;
  /** Records the port the owner serves on (shown to the next opener). */
  setPort(port: number | null): void;
  /** Removes the lock file if it is still ours; idempotent. */
  release(): void;
}

/** Options of {@link acquireDataDirLock}; the defaults are this process. */
export interface DataDirLockOptions {
  readonly app?: string;
  readonly pid?: number;
  readonly host?: string;
  readonly now?: () => Date;
  /** Whether a pid is alive on this host; default `process.kill(pid, 0)`. */
  readonly isAlive?: (pid: number) => boolean;
}

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
  app: z.string(),
  port: z.number().int().nullable(),
});

// A lock file that is still empty is being written by its creator (wx then write); after this long
// without content its creator died between the two steps.
const HALF_WRITTEN_GRACE_MS = 5_000;

/** Whether a process exists (EPERM means it exists under another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): DataDirOwner | "half-written" | "gone" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    return ownerSchema.parse(JSON.parse(text));
  } catch {
    return "half-written";
  }
}

function lockedError(path: string, owner: DataDirOwner | null): PlatformError {
  const where = owner?.port ? `http://127.0.0.1:${owner.port}` : null;
  const who = owner
    ? `${owner.app} (pid ${owner.pid}${owner.port ? `, port ${owner.port}` : ""}, host ${owner.host}, since ${owner.startedAt})`
    : "another process (lock file being written)";
  const whoJa = owner
    ? `${owner.app}（プロセス番号 ${owner.pid}${where ? `、${where} で稼働中` : ""}、${owner.host}、${owner.startedAt} から）`
    : "別のプロセス";
  return new PlatformError("DATA_DIR_LOCKED", {
    message: `the data directory is in use by ${who}; lock file ${path}`,
    messageJa: `このデータは ${whoJa} が使用中です。同時に開くとデータが失われるため開きません。${where ? `画面（${where}）で操作するか、` : ""}そのプロセスを停止してから実行してください。（ロックファイル：${path}）`,
  });
}

/**
 * Takes the one-owner lock of a PGlite data directory: creates `ward-owner.lock` exclusively
 * (`wx`), recovering it when its owner's pid is dead on this host, and removes it on release or
 * process exit. Two processes on one PGlite directory lose data silently; this makes the second
 * one fail loudly instead.
 *
 * @param dataDir - the PGlite data directory (must exist)
 * @param options - owner details; defaults describe this process
 * @returns the held lock
 * @throws PlatformError `DATA_DIR_LOCKED` naming the owner (pid, port, host, start time)
 * @example
 * ```ts
 * const lock = acquireDataDirLock(".data/treasury", { app: "treasury" });
 * lock.setPort(3100);
 * lock.release();
 * ```
 */
export function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): DataDirLock {
  const path = join(dataDir, DATA_DIR_LOCK_FILE);
  const isAlive = options.isAlive ?? pidAlive;
  let owner: DataDirOwner = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    app: options.app ?? "ward",
    port: null,
  };
  const write = (flag: "wx" | "w") => writeFileSync(path, JSON.stringify(owner), { flag, mode: 0o644 });
  for (let attempt = 0; ; attempt++) {
    try {
      write("wx");
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw lockedError(path, null);
        throw error;
      }
    }
    const current = readOwner(path);
    if (current === "gone") continue;
    if (current === "half-written") {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat === undefined) continue;
      if (Date.now() - stat.mtimeMs <= HALF_WRITTEN_GRACE_MS) throw lockedError(path, null);
    } else if (current.host !== owner.host || current.pid === owner.pid || isAlive(current.pid)) {
      // Another host's pid cannot be checked from here; our own pid means a second opener in-process.
      throw lockedError(path, current);
    }
    // Stale: move it aside atomically so that of two recoverers only one removes it.
    const aside = `${path}.stale-${owner.pid}-${Date.now()}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = readOwner(aside);
    const same =
      current === "half-written"
        ? moved === "half-written"
        : moved !== "gone" &&
          moved !== "half-written" &&
          moved.pid === current.pid &&
          moved.startedAt === current.startedAt;
    if (!same) {
      // We raced another recoverer and moved its fresh lock: give it back and yield to it.
      try {
        renameSync(aside, path);
      } catch {
        // It is gone or replaced; the next attempt decides.
      }
      if (moved !== "gone" && moved !== "half-written") throw lockedError(path, moved);
      continue;
    }
    unlinkSync(aside);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    const current = readOwner(path);
    if (
      current !== "gone" &&
      current !== "half-written" &&
      current.pid === owner.pid &&
      current.startedAt === owner.startedAt
    ) {
      try {
        unlinkSync(path);
      } catch {
        // Already removed by hand; nothing to release.
      }
    }
  };
  process.on("exit", release);
  return {
    path,
    get owner() {
      return owner;
    },
    setPort(port) {
      if (released) return;
      owner = { ...owner, port };
      write("w");
    },
    release,
  };
}
