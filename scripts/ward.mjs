#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) land here. Plain Node, no shell:
// it must behave the same on Linux and on the Windows PCs ward staff use.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = rootManifest.packageManager.replace(/^pnpm@/, "");
const toolsDir = join(root, ".tools");
const pnpmEntry = join(toolsDir, "node_modules", "pnpm", "bin", "pnpm.cjs");

// Windows spells it Path; whichever key exists is the one child processes read.
const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === "PATH") ?? "PATH";

const env = {
  ...process.env,
  // turbo looks pnpm up on PATH.
  [pathKey]: [join(toolsDir, "node_modules", ".bin"), process.env[pathKey]].filter(Boolean).join(delimiter),
  // turbo hashes this, so a Node 20 result is never replayed on Node 24.
  WARD_NODE_VERSION: process.version,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  npm_config_update_notifier: "false",
};

function log(message) {
  process.stdout.write(`[ward] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: "inherit",
    // npm is npm.cmd on Windows, which only a shell can start.
    shell: options.shell ?? false,
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Logs a non-zero exit status and passes it on. */
function checked(label, status) {
  if (status !== 0) log(`failed: ${label} (exit ${status})`);
  return status;
}

function mustRun(command, args, options) {
  const status = checked(`${command} ${args.join(" ")}`, run(command, args, options));
  if (status !== 0) process.exit(status);
}

function installedPnpmVersion() {
  try {
    const manifest = join(toolsDir, "node_modules", "pnpm", "package.json");
    return JSON.parse(readFileSync(manifest, "utf8")).version;
  } catch {
    return undefined;
  }
}

/** Corepack cannot fetch pnpm everywhere, so the pinned pnpm comes from npm into .tools/. */
function ensurePnpm() {
  if (installedPnpmVersion() === pnpmVersion) return;
  log(`installing pnpm ${pnpmVersion} into .tools/ (one time)`);
  mkdirSync(toolsDir, { recursive: true });
  mustRun(
    "npm",
    [
      "install",
      "--prefix",
      toolsDir,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `pnpm@${pnpmVersion}`,
    ],
    { shell: process.platform === "win32" },
  );
}

function pnpm(args) {
  return run(process.execPath, [pnpmEntry, ...args]);
}

function mustPnpm(args) {
  const status = checked(`pnpm ${args.join(" ")}`, pnpm(args));
  if (status !== 0) process.exit(status);
}

function setup() {
  ensurePnpm();
  mustPnpm(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"]);
}

function workspaceDirs(groups = ["packages", "apps"]) {
  const dirs = [];
  for (const group of groups) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      if (existsSync(join(base, name, "package.json"))) dirs.push(join(base, name));
    }
  }
  return dirs;
}

/** Sums every package's vitest JSON reports: CI reads one closing line, not vitest's own summaries. */
function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let brokenFiles = 0;
  for (const dir of workspaceDirs()) {
    const reports = join(dir, ".reports");
    if (!existsSync(reports)) continue;
    for (const file of readdirSync(reports)) {
      if (!file.endsWith(".json")) continue;
      const report = JSON.parse(readFileSync(join(reports, file), "utf8"));
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      // A file that fails to load has no tests to count, but it is a failure.
      for (const suite of report.testResults ?? []) {
        if (suite.status === "failed" && (suite.assertionResults ?? []).length === 0) brokenFiles += 1;
      }
    }
  }
  return { passed, failed: failed + brokenFiles, skipped };
}

function clearReports() {
  for (const dir of workspaceDirs()) rmSync(join(dir, ".reports"), { recursive: true, force: true });
}

// Database and browser suites time out when every package runs at once on a small machine.
const concurrency = Math.max(2, availableParallelism());

function test() {
  setup();
  clearReports();
  const started = Date.now();
  const steps = [
    ["exec", "biome", "ci", "."],
    ["exec", "changeset", "status"],
    [
      "exec",
      "turbo",
      "run",
      "build",
      "typecheck",
      "check-package",
      "test",
      "--continue",
      "--output-logs=errors-only",
      `--concurrency=${concurrency}`,
    ],
  ];
  let status = 0;
  for (const step of steps) {
    // Every step runs even after a failure: the count of what failed is worth printing.
    const code = checked(`pnpm ${step.join(" ")}`, pnpm(step));
    if (code !== 0) status = code;
  }
  const { passed, failed, skipped } = summarise();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`node ${process.version}, ${seconds} s`);
  if (passed === 0 && status === 0) {
    log("no test ran");
    status = 1;
  }
  if (failed > 0 && status === 0) status = 1;
  process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
  process.exit(status);
}

function tour(date) {
  // tsx with the source condition reads the packages' TypeScript directly: no build needed.
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const args = [tsx, "--conditions=@ward/source", join(root, "scripts", "demo.mjs")];
  return run(process.execPath, date ? [...args, date] : args);
}

function appsWithStart() {
  return workspaceDirs(["apps"])
    .map((dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")))
    .filter((manifest) => manifest.scripts?.start)
    .map((manifest) => manifest.name);
}

/** Starts each app in its own process, on its own port and embedded database, until Ctrl+C. */
function startApps(names) {
  const children = names.map((name) =>
    spawn(process.execPath, [pnpmEntry, "--filter", name, "start"], { cwd: root, env, stdio: "inherit" }),
  );
  const stop = (signal) => {
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  let running = children.length;
  let status = 0;
  for (const child of children) {
    child.on("exit", (code) => {
      status ||= code ?? 0;
      running -= 1;
      if (running === 0) process.exit(status);
    });
  }
}

// npm start                 tour of today, then every app
// npm start -- tour [DATE]  the tour only
// npm start -- @ward/treasury   one app
function start() {
  setup();
  const args = process.argv.slice(3);
  if (args[0] === "tour") process.exit(tour(args[1]));
  const known = appsWithStart();
  const unknown = args.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    log(`unknown app: ${unknown.join(", ")} (apps: ${known.join(", ")})`);
    process.exit(2);
  }
  tour();
  const names = args.length > 0 ? args : known;
  log(`starting ${names.join(", ")} on the embedded database (Ctrl+C stops)`);
  startApps(names);
}

function bench() {
  setup();
  mustPnpm([
    "exec",
    "turbo",
    "run",
    "bench",
    "--concurrency=1",
    "--output-logs=full",
    ...process.argv.slice(3),
  ]);
}

const command = process.argv[2];
if (command === "test") test();
else if (command === "start") start();
else if (command === "bench") bench();
else {
  log("usage: node scripts/ward.mjs <start|test|bench>");
  process.exit(2);
}
