// Load on the running desk, as issue 20 item 7 asks: the app runs in its own child process through
// its start entry (src/cli/start.ts), this process generates load over loopback with fetch (undici,
// keep-alive), on PGlite and on PostgreSQL (a fresh database dropped afterwards). One line per scenario.
// Run: pnpm --filter @ward/support-desk bench:load [--minutes 5] [--b2b-seconds 60] [--engine both|pglite|postgres]
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDepartment, createPlatform, createUser, openDatabase, SYSTEM } from "@ward/platform";
import { silentLogger, TEST_ADMIN_PASSWORD, testClient } from "@ward/platform/testing";
import { sql } from "kysely";
import { z } from "zod";
import { supportDeskMigrations } from "../src/storage/schema.js";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "5" },
    "b2b-seconds": { type: "string", default: "60" },
    engine: { type: "string", default: "both" },
    users: { type: "string", default: "100" },
    documents: { type: "string", default: "100" },
    files: { type: "string", default: "1000" },
    "database-url": {
      type: "string",
      default: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    },
  },
});
const options = z
  .object({
    minutes: z.coerce.number().positive().max(60),
    b2bSeconds: z.coerce.number().positive().max(3600),
    engine: z.enum(["both", "pglite", "postgres"]),
    users: z.coerce.number().int().min(1).max(1000),
    documents: z.coerce.number().int().min(1).max(10_000),
    files: z.coerce.number().int().min(0).max(100_000),
    databaseUrl: z.string().url(),
  })
  .parse({ ...values, b2bSeconds: values["b2b-seconds"], databaseUrl: values["database-url"] });

const START = fileURLToPath(new URL("../src/cli/start.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");
const PASSWORD = TEST_ADMIN_PASSWORD;
/** Characters per seed document: at the default chunking (600, overlap 100) about 104 chunks each. */
const DOCUMENT_CHARS = 52_000;
const SEED_PER_REQUEST = 10;
const BURST_REQUESTS = 20;

// A deterministic PRNG (mulberry32), so every run asks the same questions of the same corpus.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const TOPICS = [
  "住民票",
  "印鑑登録",
  "国民健康保険",
  "児童手当",
  "保育園",
  "介護保険",
  "固定資産税",
  "住民税",
  "転入届",
  "転出届",
  "戸籍謄本",
  "粗大ごみ",
  "道路占用",
  "公園使用",
  "図書館",
  "選挙",
  "防災",
  "納税証明",
  "福祉タクシー",
  "障害者手帳",
];
const NOUNS = [
  "申請書",
  "窓口",
  "受付時間",
  "必要書類",
  "手数料",
  "本人確認",
  "代理人",
  "委任状",
  "郵送請求",
  "電子申請",
  "期限",
  "審査",
  "通知",
  "還付",
  "減免",
  "相談",
  "予約",
  "証明書",
  "様式",
  "控え",
];
const CLAUSES = [
  "は区役所本庁舎の担当課で受け付けます",
  "には顔写真付きの身分証明書が必要です",
  "は平日の午前8時30分から午後5時までです",
  "の手数料は1通300円です",
  "は郵送でも請求できます",
  "は代理人が行う場合に委任状が必要です",
  "の審査には通常2週間かかります",
  "は電子申請システムから提出できます",
  "の期限を過ぎた場合は相談窓口にお問い合わせください",
  "の結果は文書で通知します",
];

function sentence(): string {
  return `${pick(TOPICS)}の${pick(NOUNS)}${pick(CLAUSES)}。`;
}
function documentText(n: number, chars: number): string {
  const parts: string[] = [`# 業務手引き 第${n}号`];
  let length = 0;
  while (length < chars) {
    const s = sentence();
    parts.push(s);
    length += s.length;
  }
  return parts.join("\n");
}
const question = (): string => `${pick(TOPICS)}の${pick(NOUNS)}について教えてください`;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
const sortedCopy = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const ms = (x: number) => (Number.isNaN(x) ? "-" : `${Math.round(x)}`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join("/");
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

interface Engine {
  readonly name: "pglite" | "postgres";
  /** Options for the seeding platform in this process. */
  readonly platform: { dataDir: string } | { databaseUrl: string };
  /** Environment and working directory of the app's process. */
  readonly env: Record<string, string>;
  readonly cwd: string;
  cleanup(): Promise<void>;
}

async function prepareEngine(name: Engine["name"], masterKey: string): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), "support-desk-load-"));
  // Behind a trusted proxy (127.0.0.1 here) each user has an address of its own, as in a ward's
  // network: from one address, 100 logins at once would meet the per-address throttle instead.
  const base = {
    WARD_MASTER_KEY: masterKey,
    PORT: "0",
    HOST: "127.0.0.1",
    WARD_TRUSTED_PROXIES: "127.0.0.1",
  };
  if (name === "pglite") {
    return {
      name,
      platform: { dataDir: join(dir, ".data", "support-desk") },
      env: base,
      cwd: dir,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = `ward_bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: options.databaseUrl });
  await sql`create database ${sql.id(database)}`.execute(admin.db);
  const url = new URL(options.databaseUrl);
  url.pathname = `/${database}`;
  return {
    name,
    platform: { databaseUrl: url.toString() },
    env: { ...base, DATABASE_URL: url.toString() },
    cwd: dir,
    async cleanup() {
      await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin.db);
      await admin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Accounts through platform functions (real argon2id cost): one department, an admin, N staff.
async function seedAccounts(engine: Engine, masterKey: string): Promise<number> {
  const platform = await createPlatform({
    appName: "support-desk",
    ...engine.platform,
    masterKey,
    migrations: supportDeskMigrations,
    logger: silentLogger,
    env: {},
    initialAdminPassword: PASSWORD,
    onInitialAdmin: () => undefined,
  });
  try {
    await platform.db
      .updateTable("users")
      .set({ must_change_password: false })
      .where("login_id", "=", "admin")
      .execute();
    const department = await createDepartment(platform, SYSTEM, { code: "bench", name: "負荷試験課" });
    for (let i = 0; i < options.users; i += 1) {
      await createUser(platform, SYSTEM, {
        loginId: `user${i}`,
        displayName: `利用者${i}`,
        role: "staff",
        departmentId: department.id,
        password: PASSWORD,
      });
    }
    return department.id;
  } finally {
    await platform.close();
  }
}

async function countChunks(
  engine: Engine,
  masterKey: string,
): Promise<{ chunks: number; documents: number }> {
  const platform = await createPlatform({
    appName: "support-desk",
    ...engine.platform,
    masterKey,
    migrations: supportDeskMigrations,
    logger: silentLogger,
    env: {},
  });
  try {
    const count = async (table: string) =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(platform.db)).rows[0]
          ?.n,
      );
    return { chunks: await count("support_desk_chunks"), documents: await count("support_desk_documents") };
  } finally {
    await platform.close();
  }
}

// The app under test, through its start entry; resolves with its URL once it listens.
function startApp(engine: Engine): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--conditions=@ward/source", "--import", TSX, START], {
    cwd: engine.cwd,
    env: { ...process.env, ...engine.env, ...(engine.name === "pglite" ? { DATABASE_URL: "" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep the app's logs (one line per request) for a post-mortem; the pipe must be drained anyway.
  const log = createWriteStream(join(engine.cwd, "app.log"));
  child.stderr?.pipe(log);
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      out += chunk.toString("utf8");
      const match = /サービス: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        out = "";
        resolve({ url: match[1], child });
      } else if (out.length > 1_000_000) out = out.slice(-10_000);
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`the desk exited with ${code} before listening (see ${engine.cwd}/app.log)`)),
    );
  });
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A signed-in user on the real server: cookie and CSRF token. */
interface Session {
  readonly loginId: string;
  cookie: string;
  csrf: string;
}

async function login(
  base: string,
  loginId: string,
  address: string,
): Promise<{ session?: Session; ms: number; status: number | "network" }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ loginId, password: PASSWORD }),
  }).catch(() => undefined);
  const body = (await res?.json().catch(() => ({}))) as
    | { csrfToken?: string; error?: { code?: string } }
    | undefined;
  const elapsed = performance.now() - started;
  if (!res) return { ms: elapsed, status: "network" };
  if (!res.ok || !body?.csrfToken) {
    process.stderr.write(`login ${loginId}: ${res.status} ${body?.error?.code ?? ""}\n`);
    return { ms: elapsed, status: res.status };
  }
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { session: { loginId, cookie, csrf: body.csrfToken }, ms: elapsed, status: res.status };
}

interface Answer {
  readonly ok: boolean;
  /** Why it failed: the HTTP status, `network`, or `stream` (no `done` line). */
  readonly error?: string;
  /** Time to the first byte of the body (the `sources` line). */
  readonly ttfb: number;
  readonly total: number;
}

async function ask(base: string, session: Session): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrf },
      body: JSON.stringify({ question: question() }),
    });
    if (!res.ok || !res.body) {
      await res.text().catch(() => "");
      const elapsed = performance.now() - started;
      return { ok: false, error: String(res.status), ttfb: elapsed, total: elapsed };
    }
    let ttfb = Number.NaN;
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of res.body) {
      if (Number.isNaN(ttfb)) ttfb = performance.now() - started;
      text += decoder.decode(chunk, { stream: true });
    }
    const ok = text.includes('"type":"done"');
    return { ok, ...(ok ? {} : { error: "stream" }), ttfb, total: performance.now() - started };
  } catch {
    const elapsed = performance.now() - started;
    return { ok: false, error: "network", ttfb: elapsed, total: elapsed };
  }
}

interface Run {
  readonly answers: Answer[];
  /** Per user: the longest wait between two answers (from the start for the first). */
  readonly maxGap: number[];
  readonly seconds: number;
}

// Every user asks in a loop until the deadline, with `think()` ms between questions.
async function drive(
  base: string,
  sessions: readonly Session[],
  seconds: number,
  think: () => number,
): Promise<Run> {
  const answers: Answer[] = [];
  const maxGap: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    sessions.map(async (session, i) => {
      // Paced users start spread over their first think time, as people do.
      let last = performance.now();
      let gap = 0;
      const initial = think();
      if (initial > 0) await sleep(random() * initial);
      while (performance.now() < deadline) {
        const answer = await ask(base, session);
        answers.push(answer);
        const now = performance.now();
        if (answer.ok) {
          gap = Math.max(gap, now - last);
          last = now;
        }
        const pause = think();
        if (pause > 0) await sleep(Math.min(pause, Math.max(0, deadline - performance.now())));
      }
      maxGap[i] = Math.max(gap, performance.now() - last);
    }),
  );
  return { answers, maxGap, seconds: (performance.now() - started) / 1000 };
}

// "3 (503 ×2, network ×1)": failures by kind.
function describeErrors(kinds: ReadonlyArray<string | undefined>): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) if (kind !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return total === 0 ? "0" : `${total} (${[...counts].map(([k, n]) => `${k} ×${n}`).join(", ")})`;
}

function describeRun(label: string, run: Run): string {
  const ok = run.answers.filter((a) => a.ok);
  const errors = describeErrors(run.answers.map((a) => a.error));
  const ttfb = sortedCopy(ok.map((a) => a.ttfb));
  const total = sortedCopy(ok.map((a) => a.total));
  return `${label}: ${ok.length} chats in ${run.seconds.toFixed(0)} s (${(ok.length / run.seconds).toFixed(1)} chats/s), TTFB p50 ${ms(percentile(ttfb, 50))} p95 ${ms(percentile(ttfb, 95))} p99 ${ms(percentile(ttfb, 99))} max ${ms(ttfb.at(-1) ?? Number.NaN)} ms, answer p50 ${ms(percentile(total, 50))} p95 ${ms(percentile(total, 95))} p99 ${ms(percentile(total, 99))} ms, errors ${errors}`;
}

async function waitForJobs(
  admin: ReturnType<typeof testClient>,
  jobIds: readonly number[],
  until = Number.POSITIVE_INFINITY,
): Promise<{ done: number; failed: number; files: number }> {
  for (;;) {
    let done = 0;
    let failed = 0;
    let files = 0;
    let pending = false;
    for (const id of jobIds) {
      const res = await admin.request(`/jobs/${id}`, { headers: { accept: "application/json" } });
      const job = (await res.json()) as { status: string; files: Array<{ status: string }> };
      files += job.files.length;
      done += job.files.filter((f) => f.status === "done").length;
      failed += job.files.filter((f) => f.status === "failed").length;
      if (job.status === "queued" || job.status === "running") pending = true;
    }
    if (!pending || performance.now() > until) return { done, failed, files };
    await sleep(1000);
  }
}

async function upload(
  admin: ReturnType<typeof testClient>,
  folderId: string,
  files: Array<{ name: string; data: Uint8Array }>,
): Promise<number> {
  const res = await admin.form(`/folders/${folderId}/documents`, { files });
  const jobId = /\/jobs\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1];
  if (res.status !== 303 || !jobId) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
  return Number(jobId);
}

async function runEngine(name: Engine["name"]): Promise<void> {
  const masterKey = randomBytes(32).toString("base64");
  const engine = await prepareEngine(name, masterKey);
  let child: ChildProcess | undefined;
  try {
    const seedStarted = performance.now();
    const departmentId = await seedAccounts(engine, masterKey);
    const app = await startApp(engine);
    child = app.child;
    const base = app.url.replace(/\/$/, "");
    const admin = testClient({
      request: (input, init) => fetch(input.replace("http://localhost", base), init),
    });
    await admin.login("admin", PASSWORD);
    const created = await admin.form("/folders", { name: "業務手引き", departmentId: String(departmentId) });
    const folderId = /\/folders\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1];
    if (!folderId) throw new Error(`folder not created: ${created.status}`);
    await admin.form(`/folders/${folderId}/grants`, {
      principalType: "department",
      principalId: String(departmentId),
      right: "read",
    });
    const encoder = new TextEncoder();
    const seedJobs: number[] = [];
    for (let i = 0; i < options.documents; i += SEED_PER_REQUEST) {
      const files = Array.from({ length: Math.min(SEED_PER_REQUEST, options.documents - i) }, (_, k) => ({
        name: `手引き${i + k + 1}.txt`,
        data: encoder.encode(documentText(i + k + 1, DOCUMENT_CHARS)),
      }));
      seedJobs.push(await upload(admin, folderId, files));
    }
    const seeded = await waitForJobs(admin, seedJobs);
    process.stdout.write(
      `seed ${name}: ${options.users} users, ${seeded.done}/${seeded.files} documents of ${DOCUMENT_CHARS.toLocaleString("en")} characters ingested (${seeded.failed} failed) in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s; load ${load()}\n`,
    );

    // 100 logins at once (argon2id at the platform's default cost).
    const logins = await Promise.all(
      Array.from({ length: options.users }, (_, i) => login(base, `user${i}`, `10.20.${i >> 8}.${i & 255}`)),
    );
    const loginMs = sortedCopy(logins.map((l) => l.ms));
    const sessions = logins.flatMap((l) => (l.session ? [l.session] : []));
    process.stdout.write(
      `logins ${name}: ${options.users} at once, p50 ${ms(percentile(loginMs, 50))} p95 ${ms(percentile(loginMs, 95))} max ${ms(loginMs.at(-1) ?? Number.NaN)} ms, errors ${describeErrors(logins.map((l) => (l.session ? undefined : String(l.status))))}; load ${load()}\n`,
    );

    const paced = () => 5000 + random() * 10_000;
    const pacedRun = await drive(base, sessions, options.minutes * 60, paced);
    process.stdout.write(`${describeRun(`paced ${name}`, pacedRun)}; load ${load()}\n`);

    const b2b = await drive(base, sessions, options.b2bSeconds, () => 0);
    const gaps = sortedCopy(b2b.maxGap);
    process.stdout.write(
      `${describeRun(`back-to-back ${name}`, b2b)}, longest wait of a user between answers p50 ${ms(percentile(gaps, 50))} max ${ms(gaps.at(-1) ?? Number.NaN)} ms, users over 2 s ${gaps.filter((g) => g > 2000).length}; load ${load()}\n`,
    );

    // The paced scenario while a burst of small files is uploaded and ingested; /health sampled too.
    const burst = Array.from({ length: options.files }, (_, i) => ({
      name: `お知らせ${i + 1}.txt`,
      data: encoder.encode(`# お知らせ ${i + 1}\n${Array.from({ length: 12 }, sentence).join("\n")}`),
    }));
    const perRequest = Math.ceil(options.files / BURST_REQUESTS);
    const uploadStarted = performance.now();
    let acceptedSeconds = Number.NaN;
    const burstJobs = Promise.all(
      Array.from({ length: BURST_REQUESTS }, (_, r) => burst.slice(r * perRequest, (r + 1) * perRequest))
        .filter((files) => files.length > 0)
        .map((files) => upload(admin, folderId, files)),
    ).then((ids) => {
      acceptedSeconds = (performance.now() - uploadStarted) / 1000;
      return ids;
    });
    const health: number[] = [];
    let healthErrors = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const started = performance.now();
        const ok = await fetch(`${base}/health`).then(
          async (r) => {
            await r.arrayBuffer();
            return r.ok;
          },
          () => false,
        );
        if (ok) health.push(performance.now() - started);
        else healthErrors += 1;
        await sleep(100);
      }
    })();
    const during = await drive(base, sessions, options.minutes * 60, paced);
    const jobIds = await burstJobs;
    const ingested = await waitForJobs(admin, jobIds, 0);
    sampling = false;
    await sampler;
    const healthSorted = sortedCopy(health);
    process.stdout.write(
      `${describeRun(`paced during ${options.files} uploads ${name}`, during)}; uploads accepted in ${acceptedSeconds.toFixed(1)} s, ${ingested.done} ingested and ${ingested.failed} failed by the end; /health p99 ${ms(percentile(healthSorted, 99))} max ${ms(healthSorted.at(-1) ?? Number.NaN)} ms, errors ${healthErrors}; load ${load()}\n`,
    );
    await waitForJobs(admin, jobIds);
    await stopApp(child);
    const corpus = await countChunks(engine, masterKey);
    process.stdout.write(
      `corpus ${name}: ${corpus.chunks} chunks in ${corpus.documents} documents at the end\n`,
    );
  } finally {
    if (child) await stopApp(child);
    await engine.cleanup();
  }
}

process.stdout.write(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load ${load()}; ${options.minutes} min paced, ${options.b2bSeconds} s back to back, ${options.users} users\n`,
);
for (const name of options.engine === "both" ? (["pglite", "postgres"] as const) : [options.engine]) {
  await runEngine(name);
}
