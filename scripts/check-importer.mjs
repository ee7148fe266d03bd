#!/usr/bin/env node
// Meets a published package as an importer does (issue 21): packs it and the workspace packages it
// depends on, installs the tarballs with npm into a fresh project outside the workspace, compiles a
// consumer and the README's first example with `tsc --strict` and `skipLibCheck: false` under module
// `nodenext` and `bundler`, imports it from ESM and from CommonJS `require` (require(esm), Node ≥ 20.19),
// and runs the README example. Run by every published package's `check-package` (after its build).
//
//   node ../../scripts/check-importer.mjs            (from packages/<name>)
//   node scripts/check-importer.mjs packages/<name>  (from the root)
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packageDir = resolve(process.argv[2] ?? process.cwd());
const started = Date.now();

/** Like run, without blocking: the two type checks take most of the time, so they run side by side. */
function runAsync(command, args, cwd, label) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => fail(`${label} failed in ${cwd}: ${error}`));
    child.on("close", (status) => {
      if (status !== 0) fail(`${label} failed in ${cwd}:\n${output}`);
      done(output);
    });
  });
}

const readManifest = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

/** Every workspace package by name: the published ones are those without `private: true`. */
function workspacePackages() {
  const found = new Map();
  for (const group of ["packages", "apps"]) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const dir = join(base, name);
      if (existsSync(join(dir, "package.json")))
        found.set(readManifest(dir).name, { dir, manifest: readManifest(dir) });
    }
  }
  return found;
}

function fail(message) {
  process.stderr.write(`check-importer: ${message}\n`);
  process.exit(1);
}

function run(command, args, cwd, options = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    shell: options.shell ?? false,
    env: { ...process.env, ...options.env },
    timeout: 180_000,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.error || result.status !== 0) {
    fail(`${options.label ?? `${command} ${args.join(" ")}`} failed in ${cwd}:\n${output || result.error}`);
  }
  return output;
}

const workspace = workspacePackages();
const self = [...workspace.values()].find((entry) => resolve(entry.dir) === packageDir);
if (self === undefined) fail(`${packageDir} is not a workspace package`);
const name = self.manifest.name;
if (self.manifest.private) fail(`${name} is private: only published packages are checked`);

// New published packages must take part: each one's check-package runs this script.
const missing = [...workspace.values()]
  .filter(
    (entry) =>
      !entry.manifest.private && !entry.manifest.scripts?.["check-package"]?.includes("check-importer"),
  )
  .map((entry) => entry.manifest.name);
if (missing.length > 0) {
  fail(
    `published packages whose check-package does not run scripts/check-importer.mjs: ${missing.join(", ")}`,
  );
}

// The package and, transitively, the workspace packages it depends on (published with it).
const closure = [];
const visit = (pkgName) => {
  if (closure.includes(pkgName)) return;
  closure.push(pkgName);
  const entry = workspace.get(pkgName);
  for (const dep of Object.keys(entry.manifest.dependencies ?? {})) if (workspace.has(dep)) visit(dep);
};
visit(name);
for (const pkgName of closure) {
  const entry = workspace.get(pkgName);
  if (entry.manifest.private) fail(`${name} depends on the private package ${pkgName}`);
  if (!existsSync(join(entry.dir, "dist")))
    fail(`${pkgName} is not built: run \`pnpm --filter ${pkgName} build\``);
}

const project = mkdtempSync(join(tmpdir(), `ward-importer-${basename(packageDir)}-`));
// On success and on failure (fail() exits): the temporary project never outlives the check.
process.on("exit", () => {
  if (!process.env.WARD_KEEP_IMPORTER) rmSync(project, { recursive: true, force: true });
});
const pnpmEntry = process.env.npm_execpath?.endsWith("pnpm.cjs")
  ? process.env.npm_execpath
  : join(root, ".tools", "node_modules", "pnpm", "bin", "pnpm.cjs");
const tarballs = join(project, "tarballs");
mkdirSync(tarballs);
const specs = {};
for (const pkgName of closure) {
  const entry = workspace.get(pkgName);
  const output = run(process.execPath, [pnpmEntry, "pack", "--pack-destination", tarballs], entry.dir, {
    label: `pnpm pack ${pkgName}`,
  });
  const tarball = output
    .trim()
    .split(/\r?\n/)
    .reverse()
    .find((line) => line.endsWith(".tgz"));
  if (tarball === undefined) fail(`pnpm pack ${pkgName} printed no tarball:\n${output}`);
  specs[pkgName] = `file:./tarballs/${basename(tarball.trim())}`;
}

// A plain project, as an importer has: no workspace, no catalog, npm.
writeFileSync(
  join(project, "package.json"),
  `${JSON.stringify(
    { name: "ward-importer-check", private: true, type: "module", dependencies: specs, overrides: specs },
    null,
    2,
  )}\n`,
);
const npmCache = process.env.npm_config_cache;
run(
  "npm",
  [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    "--loglevel=error",
    "--no-package-lock",
  ],
  project,
  {
    shell: process.platform === "win32",
    label: "npm install of the tarballs",
    env: npmCache ? { npm_config_cache: npmCache } : {},
  },
);

// The README's first TypeScript example, compiled and run as the importer's own code.
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const example = /```(?:ts|typescript)\r?\n([\s\S]*?)```/.exec(readme)?.[1];
if (example === undefined) fail(`${name}'s README has no \`\`\`ts example`);
if (!example.includes(name)) fail(`${name}'s README's first example does not import ${name}`);
mkdirSync(join(project, "src"));
writeFileSync(join(project, "src", "readme.ts"), `${example}\nexport {};\n`);
writeFileSync(
  join(project, "src", "consumer.ts"),
  `import * as pkg from "${name}";\nexport const exported: string[] = Object.keys(pkg);\n`,
);

const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
const strict = {
  strict: true,
  skipLibCheck: false,
  target: "es2022",
  lib: ["es2023", "dom"],
  types: [],
  rootDir: "src",
};
const configs = {
  "tsconfig.nodenext.json": { ...strict, module: "nodenext", moduleResolution: "nodenext", outDir: "out" },
  "tsconfig.bundler.json": { ...strict, module: "esnext", moduleResolution: "bundler", noEmit: true },
};
await Promise.all(
  Object.entries(configs).map(([file, compilerOptions]) => {
    writeFileSync(join(project, file), JSON.stringify({ compilerOptions, include: ["src"] }, null, 2));
    return runAsync(
      process.execPath,
      [tsc, "-p", file],
      project,
      `tsc -p ${file} (strict, skipLibCheck: false)`,
    );
  }),
);

const expectExports = (kind) =>
  `if (Object.keys(pkg).length === 0) throw new Error("${kind}: ${name} exports nothing");\n`;
writeFileSync(join(project, "esm.mjs"), `import * as pkg from "${name}";\n${expectExports("import")}`);
writeFileSync(join(project, "cjs.cjs"), `const pkg = require("${name}");\n${expectExports("require")}`);
run(process.execPath, ["esm.mjs"], project, { label: `import("${name}") from ESM` });
run(process.execPath, ["cjs.cjs"], project, { label: `require("${name}") from CommonJS` });
run(process.execPath, [join("out", "readme.js")], project, { label: `${name}'s README example` });
// npm links every bin the package declares (a bin pointing at a missing file is left out silently).
for (const bin of Object.keys(self.manifest.bin ?? {})) {
  const linked = join(project, "node_modules", ".bin", process.platform === "win32" ? `${bin}.cmd` : bin);
  if (!existsSync(linked)) fail(`npm did not link the bin ${bin} of ${name}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `check-importer: ${name} (with ${closure.length - 1} workspace dependencies) packed, installed with npm, compiled (nodenext, bundler; strict, skipLibCheck: false), imported by ESM and require, README example run on node ${process.version} in ${seconds} s\n`,
);
