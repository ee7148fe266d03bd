// Scaffolds packages/<name> with the @ward package template (see ../shared/STYLE.md).
// usage: node scripts/new-package.mjs <name> "<description>" "<dep,dep>" "<devDep,devDep>" [private]
import { mkdirSync, writeFileSync } from "node:fs";

const [name, description, deps, devDeps, priv] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <name> "<description>" "<deps>" "<devDeps>" [private]');
  process.exit(2);
}
const dir = `packages/${name}`;
mkdirSync(`${dir}/src`, { recursive: true });
mkdirSync(`${dir}/bench`, { recursive: true });
const toObj = (s) =>
  Object.fromEntries(
    (s ? s.split(",") : []).map((d) => [d, d.startsWith("@ward/") ? "workspace:^" : "catalog:"]),
  );
const isPrivate = priv === "private";
const pkg = {
  name: `@ward/${name}`,
  version: "0.0.0",
  description,
  ...(isPrivate ? { private: true } : {}),
  license: "MIT",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20.19" },
  exports: {
    ".": { "@ward/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
    "./package.json": "./package.json",
  },
  files: ["dist", "src", "!src/**/*.test.ts", "!src/**/*.test-d.ts", "!src/**/fixtures"],
  ...(isPrivate ? {} : { publishConfig: { access: "public" } }),
  scripts: {
    build: "tsup",
    typecheck: "tsc -p tsconfig.json",
    lint: "biome ci .",
    test: "vitest run",
    bench: "tsx --conditions=@ward/source bench/index.ts",
    ...(isPrivate
      ? {}
      : {
          "check-package":
            "publint --strict && attw --pack . --profile esm-only && node ../../scripts/check-importer.mjs",
        }),
  },
  dependencies: toObj(deps),
  devDependencies: toObj(devDeps),
};
writeFileSync(`${dir}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  `${dir}/tsconfig.json`,
  `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "bench", "*.ts"] }, null, 2)}\n`,
);
writeFileSync(
  `${dir}/tsup.config.ts`,
  `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
});
`,
);
writeFileSync(
  `${dir}/vitest.config.ts`,
  `import { wardVitestConfig } from "../../vitest.shared.ts";

export default wardVitestConfig();
`,
);
