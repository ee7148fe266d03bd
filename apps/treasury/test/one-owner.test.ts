// Issue 20's scenario, re-run: the web app serves a PGlite directory while a clerk runs
// `treasury import` on it. Before, the CLI reported 取込完了 and the rows were lost; now the CLI is
// refused while the server owns the directory, and works once the server has stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createPlatform,
  DATA_DIR_LOCK_FILE,
  type Platform,
  queryAudit,
  startServer,
  verifyAuditChain,
} from "@ward/platform";
import {
  createTestSchema,
  dropTestSchemas,
  openTestPlatform,
  TEST_DATABASE_URL,
  TEST_MASTER_KEY,
  tempDir,
  testClient,
  testPlatformOptions,
} from "@ward/platform/testing";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { createTreasuryApp } from "../src/http/treasury-app.js";
import { treasuryMigrations } from "../src/storage/migrations.js";
import { CLERK_PASSWORD, createClerk } from "./support/clerk.js";
import { postgresSkipReason } from "./support/platform.js";

const HEADER = "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\n";
const file = (prefix: string, n: number) =>
  HEADER +
  Array.from(
    { length: n },
    (_, i) => `${prefix}${i + 1},2025-07-01,2025,現年,指定金融機関,01,01-01-01-01,110100,1000\n`,
  ).join("");
const OS = { username: "yamada", host: "ward-pc01" };
const MAIN = fileURLToPath(new URL("../src/http/main.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** `treasury …` in-process with captured output, as the clerk's OS account. */
async function cli(argv: string[], o: { cwd: string; openPlatform?: () => Promise<Platform> }) {
  const out = { stdout: "", stderr: "" };
  const code = await runCli(argv, {
    stdout: {
      write: (t) => {
        out.stdout += t;
      },
    },
    stderr: {
      write: (t) => {
        out.stderr += t;
      },
      isTTY: false,
    },
    cwd: o.cwd,
    today: "2025-07-10",
    env: { WARD_MASTER_KEY: TEST_MASTER_KEY },
    os: OS,
    ...(o.openPlatform ? { openPlatform: o.openPlatform } : {}),
  });
  return { code, ...out };
}

/** A client of a server over real HTTP, with testClient's cookies and CSRF. */
function httpClient(url: string) {
  return testClient({
    request: (input: string | Request | URL, init?: RequestInit) =>
      fetch(String(input).replace("http://localhost", url), init),
  });
}

async function webCount(url: string): Promise<number> {
  const c = httpClient(url);
  expect((await c.loginJson("sato", CLERK_PASSWORD)).status).toBe(200);
  const page = await (await c.request("/tallies?date=2025-07-01")).text();
  return Number(/済通集計表 2025-07-01（(\d+)件）/.exec(page)?.[1] ?? Number.NaN);
}

async function webImport(url: string, name: string, body: string): Promise<number> {
  const c = httpClient(url);
  expect((await c.loginJson("sato", CLERK_PASSWORD)).status).toBe(200);
  return (await c.form("/notices/import", { file: new File([body], name) })).status;
}

/** The treasury web app in its own process (`src/http/main.ts`), as `pnpm start` runs it. */
async function startServerProcess(cwd: string): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", WARD_MASTER_KEY: TEST_MASTER_KEY };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--conditions=@ward/source", "--import", TSX, MAIN], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

describe("one owner per embedded database (PGlite)", () => {
  const dir = tempDir("treasury-owner-");
  const dataDir = join(dir.path, ".data", "treasury");
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server && server.exitCode === null) await stop(server);
    dir.remove();
  });

  it("refuses the CLI while the server owns the directory, then agrees with the web on every row", async () => {
    mkdirSync(dataDir, { recursive: true });
    const setup = await createPlatform(
      testPlatformOptions({ appName: "treasury", dataDir, migrations: treasuryMigrations }),
    );
    await createClerk(setup, "sato", { personalData: false });
    await setup.close();
    writeFileSync(join(dir.path, "cli.csv"), file("C", 5));

    const first = await startServerProcess(dir.path);
    server = first.child;
    expect(await webImport(first.url, "web.csv", file("W", 3))).toBe(200);
    const port = new URL(first.url).port;

    const refused = await cli(["import", "cli.csv", "--data-dir", dataDir], { cwd: dir.path });
    expect(refused.code).toBe(1);
    expect(refused.stdout).not.toContain("取込完了");
    expect(refused.stderr).toContain(`プロセス番号 ${first.child.pid}`);
    expect(refused.stderr).toContain(`http://127.0.0.1:${port} で稼働中`);
    expect(refused.stderr).toContain("停止してから");
    expect(refused.stderr).toContain(`pid ${first.child.pid}, port ${port}`);
    expect(await webCount(first.url)).toBe(3);

    await stop(first.child);
    expect(existsSync(join(dataDir, DATA_DIR_LOCK_FILE))).toBe(false);
    const imported = await cli(["import", "cli.csv", "--data-dir", dataDir], { cwd: dir.path });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("取込完了：5件（新規 5件");
    const tally = await cli(["tally", "--date", "2025-07-01", "--data-dir", dataDir], { cwd: dir.path });
    expect(tally.stdout).toContain("2025-07-01～2025-07-01：8件 8,000円");

    const second = await startServerProcess(dir.path);
    server = second.child;
    expect(await webCount(second.url)).toBe(8);
    await stop(second.child);

    const check = await createPlatform(
      testPlatformOptions({ appName: "treasury", dataDir, migrations: treasuryMigrations }),
    );
    try {
      expect((await verifyAuditChain(check.db)).ok).toBe(true);
      const imports = await queryAudit(check.db, { action: "treasury.notice.import", order: "asc" });
      expect(imports.map((r) => [r.actorLogin, r.result, JSON.parse(r.detail).fresh])).toEqual([
        ["sato", "success", 3],
        ["os:yamada@ward-pc01", "success", 5],
      ]);
    } finally {
      await check.close();
    }
  }, 180_000);
});

describe.skipIf(postgresSkipReason !== undefined)(
  `CLI and server together on PostgreSQL${postgresSkipReason ? ` — skipped: ${postgresSkipReason}` : ""}`,
  () => {
    afterAll(dropTestSchemas);
    it("imports from the web and the CLI at the same time; both counts agree, the chain is intact", async () => {
      const dir = tempDir("treasury-owner-pg-");
      const storage = {
        appName: "treasury",
        migrations: treasuryMigrations,
        databaseUrl: TEST_DATABASE_URL,
        schema: createTestSchema(),
      };
      const platform = await openTestPlatform(storage);
      await createClerk(platform, "sato", { personalData: false });
      const server = await startServer(createTreasuryApp(platform, { today: () => "2025-07-10" }), platform);
      // The CLI gets its own connection pool, as a separate process would.
      const cliPlatform = () => openTestPlatform(storage);
      try {
        writeFileSync(join(dir.path, "cli.csv"), file("C", 5));
        const [web, viaCli] = await Promise.all([
          webImport(server.url, "web.csv", file("W", 3)),
          cli(["import", "cli.csv"], { cwd: dir.path, openPlatform: cliPlatform }),
        ]);
        expect(web).toBe(200);
        expect(viaCli.code).toBe(0);
        const tally = await cli(["tally", "--date", "2025-07-01"], {
          cwd: dir.path,
          openPlatform: cliPlatform,
        });
        expect(tally.stdout).toContain("8件 8,000円");
        expect(await webCount(server.url)).toBe(8);
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
        const imports = await queryAudit(platform.db, { action: "treasury.notice.import" });
        expect(imports.map((r) => r.actorLogin).sort()).toEqual(["os:yamada@ward-pc01", "sato"]);
      } finally {
        await server.close();
        dir.remove();
      }
    }, 120_000);
  },
);
