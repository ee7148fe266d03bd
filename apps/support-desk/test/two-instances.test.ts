import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@ward/platform";
import {
  dropTestSchemas,
  openTestPlatform,
  type TestClient,
  testClient,
  testDatabases,
} from "@ward/platform/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supportDeskMigrations } from "../src/storage/schema.js";
import { PASSWORD, seedOrganisation } from "./support/desk.js";

// Two desk processes on one PostgreSQL schema (one database, one file store: the encrypted originals
// are rows of that database): shared sessions, a file uploaded through A searchable through B, and
// a file whose instance is killed with SIGKILL mid-parse finished by the other one.
const { backends } = await testDatabases();
const postgres = backends.find((b) => b.name === "postgres");
afterAll(dropTestSchemas);

const CHILD = fileURLToPath(new URL("./support/instance-child.ts", import.meta.url));

interface Instance {
  readonly process: ChildProcess;
  readonly url: string;
  /** Everything the instance printed so far. */
  output(): string;
}

function startInstance(databaseUrl: string, schema: string): Promise<Instance> {
  const proc = spawn(
    process.execPath,
    ["--conditions=@ward/source", "--import", "tsx", CHILD, databaseUrl, schema],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /ready (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ process: proc, url: url.replace(/\/$/, ""), output: () => out });
    });
    proc.once("exit", (code) => reject(new Error(`instance exited with ${code}: ${out}`)));
  });
}

// A cookie-keeping client on a real server (the platform's test client over fetch).
const clientOf = (url: string): TestClient =>
  testClient({ request: (input, init) => fetch(input.replace("http://localhost", url), init) });

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface JobJson {
  status: string;
  files: Array<{ status: string; documentId: string | null }>;
}

describe.skipIf(postgres === undefined || postgres.skip)(
  `two desk instances on one PostgreSQL ${postgres?.label ?? "(PostgreSQL unavailable)"}`,
  () => {
    let a: Instance;
    let b: Instance;
    let storage: { databaseUrl: string; schema: string };
    let folderId: string;
    let onA: TestClient;
    let onB: TestClient;

    // Citations B gives alice for a question (her session cookie and CSRF token come from A's login).
    async function citedOnB(question: string): Promise<string[]> {
      const res = await onB.request("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": onA.csrf },
        body: JSON.stringify({ question }),
      });
      expect(res.status).toBe(200);
      const first = (await res.text()).split("\n")[0] ?? "{}";
      return (JSON.parse(first) as { citations: Array<{ documentName: string }> }).citations.map(
        (c) => c.documentName,
      );
    }

    async function job(client: TestClient, id: string): Promise<JobJson> {
      const res = await client.request(`/jobs/${id}`, { headers: { accept: "application/json" } });
      return (await res.json()) as JobJson;
    }

    beforeAll(async () => {
      storage = postgres?.storage() as { databaseUrl: string; schema: string };
      const platform = await openTestPlatform({
        appName: "support-desk",
        ...storage,
        migrations: supportDeskMigrations,
      });
      const org = await seedOrganisation(platform);
      await platform.close();
      [a, b] = await Promise.all([
        startInstance(storage.databaseUrl, storage.schema),
        startInstance(storage.databaseUrl, storage.schema),
      ]);
      const admin = clientOf(a.url);
      await admin.login("admin");
      const created = await admin.form("/folders", { name: "窓口", departmentId: String(org.soumu.id) });
      folderId = /\/folders\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1] ?? "";
      onA = admin;
      onB = clientOf(b.url);
    }, 120_000);

    afterAll(() => {
      a?.process.kill("SIGKILL");
      b?.process.kill("SIGKILL");
    });

    it("keeps a user logged in through A logged in on B (sessions live in the database)", async () => {
      const alice = clientOf(a.url);
      await alice.login("alice", PASSWORD);
      const onBAsAlice = clientOf(b.url);
      for (const [name, value] of alice.jar) onBAsAlice.jar.set(name, value);
      const me = (await (await onBAsAlice.request("/api/me")).json()) as { user?: { loginId: string } };
      expect(me.user?.loginId).toBe("alice");
      // Logging out on B ends the session on A too.
      const out = await onBAsAlice.request("/api/logout", {
        method: "POST",
        headers: { "x-csrf-token": alice.csrf },
      });
      expect(out.status).toBeLessThan(400);
      expect((await alice.request("/api/me", { headers: { accept: "application/json" } })).status).toBe(401);
    });

    it("makes a file uploaded through A searchable through B within 2 s of its job completing, and a deletion too", async () => {
      for (const [name, value] of onA.jar) onB.jar.set(name, value);
      const upload = await onA.form(`/folders/${folderId}/documents`, {
        files: [
          { name: "案内.txt", data: new TextEncoder().encode("ゆずりは制度の申請期限は毎年6月30日です。") },
        ],
      });
      const jobId = /\/jobs\/(\d+)/.exec(upload.headers.get("location") ?? "")?.[1] ?? "";
      const done = await waitFor(
        "the upload's job",
        async () => {
          const j = await job(onA, jobId);
          return j.status === "done" || j.status === "failed" ? j : undefined;
        },
        60_000,
      );
      expect(done.status).toBe("done");
      const completed = Date.now();
      await waitFor(
        "B to cite 案内.txt",
        async () => ((await citedOnB("ゆずりは制度の申請期限")).includes("案内.txt") ? true : undefined),
        2_000,
      );
      expect(Date.now() - completed).toBeLessThan(2_000);

      const documentId = done.files[0]?.documentId ?? "";
      expect((await onA.form(`/documents/${documentId}/delete`, {})).status).toBe(303);
      const deleted = Date.now();
      await waitFor(
        "B to stop citing 案内.txt",
        async () => ((await citedOnB("ゆずりは制度の申請期限")).includes("案内.txt") ? undefined : true),
        2_000,
      );
      expect(Date.now() - deleted).toBeLessThan(2_000);
    }, 120_000);

    it("lets B finish a file whose instance A was killed with SIGKILL mid-parse (the job's lease expires)", async () => {
      const upload = await onA.form(`/folders/${folderId}/documents`, {
        files: [
          {
            name: "slow-手順.txt",
            data: new TextEncoder().encode("かたくり手続の受付窓口は本庁舎3階です。"),
          },
        ],
      });
      const jobId = /\/jobs\/(\d+)/.exec(upload.headers.get("location") ?? "")?.[1] ?? "";
      // A claims at once after its own upload (B only polls every 250 ms).
      await waitFor(
        "A to start on the file",
        async () => (a.output().includes("preparing slow-手順.txt") ? true : undefined),
        30_000,
      );
      expect(b.output()).not.toContain("preparing slow-手順.txt");
      const exited = new Promise((resolve) => a.process.once("exit", resolve));
      a.process.kill("SIGKILL");
      await exited;
      const done = await waitFor(
        "B to finish the job",
        async () => {
          const j = await job(onB, jobId);
          return j.status === "done" || j.status === "failed" ? j : undefined;
        },
        60_000,
      );
      expect(done.status).toBe("done");
      expect(b.output()).toContain("preparing slow-手順.txt");
      const database = await openDatabase(storage);
      try {
        const rows = (
          await sql<{ status: string; attempts: number }>`select q.status, q.attempts from ward_jobs q
            join support_desk_job_files f on f.queue_job_id = q.id where f.job_id = ${Number(jobId)}`.execute(
            database.db,
          )
        ).rows;
        expect(rows).toEqual([{ status: "done", attempts: 2 }]);
        const chunks = await sql<{
          n: number;
        }>`select count(*)::int as n from support_desk_chunks where document_id = ${done.files[0]?.documentId ?? ""}`.execute(
          database.db,
        );
        expect(chunks.rows[0]?.n).toBe(1);
      } finally {
        await database.close();
      }
      expect(await citedOnB("かたくり手続の受付窓口")).toContain("slow-手順.txt");
    }, 120_000);
  },
);
