import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

/** The files under a directory that contain a byte string, and those the process could not read. */
export interface ByteScan {
  readonly hits: readonly string[];
  readonly unreadable: readonly string[];
  /** Files read and searched. */
  readonly scanned: number;
}

/**
 * Searches every file under `root` (recursively) for `needle` (a string is searched as UTF-8),
 * for erasure tests that must find no copy of a canary left on disk.
 *
 * @param root - a directory (a PGlite data directory, a PostgreSQL data directory, a dump's folder)
 * @param needle - the bytes to look for
 * @returns the paths containing it, the paths that could not be read, and how many files were read
 * @example
 * ```ts
 * (await scanFilesFor(dataDir, "CANARY-7f3a")).hits; // []
 * ```
 */
export async function scanFilesFor(root: string, needle: string | Uint8Array): Promise<ByteScan> {
  const bytes = typeof needle === "string" ? Buffer.from(needle, "utf8") : Buffer.from(needle);
  const hits: string[] = [];
  const unreadable: string[] = [];
  let scanned = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      unreadable.push(dir);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        try {
          if ((await readFile(path)).includes(bytes)) hits.push(path);
          scanned += 1;
        } catch {
          // Files vanish while a server runs (temporary stats, recycled WAL): count them as unread.
          unreadable.push(path);
        }
      }
    }
  };
  await walk(root);
  return { hits, unreadable, scanned };
}

/**
 * The data directory of the PostgreSQL cluster at `url` (`SHOW data_directory`, superuser or
 * `pg_read_all_settings` only), or `undefined` when the role may not see it.
 *
 * @param url - a PostgreSQL connection URL
 * @returns the path on the server's machine, or `undefined`
 * @example
 * ```ts
 * await postgresDataDirectory(TEST_DATABASE_URL); // "/var/lib/postgresql/15/main"
 * ```
 */
export async function postgresDataDirectory(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ data_directory: string }>("show data_directory");
    return result.rows[0]?.data_directory;
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/**
 * Turns `wal_recycle` off on the test cluster (`ALTER SYSTEM`, superuser only) so WAL segments
 * a checkpoint retires are deleted rather than renamed with their old contents, as SECURITY.md
 * asks operators to do. Left off afterwards: test files run in parallel and another may rely on it.
 *
 * @param url - a PostgreSQL connection URL
 * @returns `"off"` when the setting is now off, else the reason it could not be changed
 * @example
 * ```ts
 * await ensureWalRecycleOff(TEST_DATABASE_URL); // "off"
 * ```
 */
export async function ensureWalRecycleOff(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const current = await client.query<{ wal_recycle: string }>("show wal_recycle");
    if (current.rows[0]?.wal_recycle === "off") return "off";
    await client.query("alter system set wal_recycle = off");
    await client.query("select pg_reload_conf()");
    // The checkpointer rereads its settings on its next loop; give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return "off";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end();
  }
}
