// 1,500 accounts from one CSV (seed 001 6(3)エ: at least 1,500 accounts): dry run, then commit with
// argon2id at the production cost (19 MiB, t=2), on embedded PGlite. Prints the time of each step.
// Peer: the same 1,500 accounts created one by one through createUser.

import { encodeCsv, formatCsv } from "@ward/csv-jp";
import { pino } from "pino";
import {
  commitAccountImport,
  createDepartment,
  createPlatform,
  createUser,
  SYSTEM,
  stageAccountImport,
} from "../src/index.js";

const ROWS = Number(process.argv[2] ?? 1500);
const open = () =>
  createPlatform({
    appName: "bench",
    memory: true,
    logger: pino({ level: "silent" }),
    env: {},
    initialAdminPassword: "Kanri-Bench-Pass-42!",
    onInitialAdmin: () => undefined,
  });

const platform = await open();
const admin = await createUser(platform, SYSTEM, {
  loginId: "somu",
  displayName: "管理",
  role: "system_admin",
  departmentId: null,
  password: "Kanri-Bench-Pass-42!",
});
const actor = { user: admin.user, sourceIp: null, requestId: null };
for (let d = 0; d < 30; d += 1) await createDepartment(platform, actor, { code: `d${d}`, name: `部署${d}` });
const rows = Array.from({ length: ROWS }, (_, i) => [
  `user${String(i).padStart(4, "0")}`,
  `職員 ${i}号`,
  "職員",
  `d${i % 30}`,
]);
const bytes = encodeCsv(
  formatCsv(rows, { header: ["ログインID", "氏名", "権限", "所属コード"], formulaGuard: false }),
  { encoding: "shift_jis" },
);

let t = performance.now();
const staged = await stageAccountImport(platform, actor, "bench.csv", bytes);
const previewMs = performance.now() - t;
if (!staged.importId) throw new Error(`dry run found issues: ${JSON.stringify(staged.issues.slice(0, 3))}`);
t = performance.now();
const result = await commitAccountImport(platform, actor, staged.importId);
const commitMs = performance.now() - t;
console.log(
  `account import, ${ROWS} rows, argon2id 19 MiB t=2: dry run ${Math.round(previewMs)} ms, commit ${Math.round(commitMs)} ms, total ${((previewMs + commitMs) / 1000).toFixed(1)} s (${result.created} created)`,
);
await platform.close();

// Peer: one createUser per account (each hashes then writes its own transaction), 100 rows, scaled.
const peer = await open();
const sample = Math.min(100, ROWS);
t = performance.now();
for (let i = 0; i < sample; i += 1) {
  await createUser(peer, SYSTEM, {
    loginId: `peer${i}`,
    displayName: `職員 ${i}号`,
    role: "staff",
    departmentId: null,
  });
}
const perRow = (performance.now() - t) / sample;
console.log(
  `createUser one by one: ${perRow.toFixed(1)} ms/account → ${((perRow * ROWS) / 1000).toFixed(1)} s for ${ROWS}`,
);
await peer.close();
