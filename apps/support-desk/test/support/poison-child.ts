// A desk process for the kill -9 test: opens the data directory, uploads the poisoned file on its
// first run, and prints "claimed N" once a file is being processed; its parser never returns.

import { testClient } from "@ward/platform/testing";
import { sql } from "kysely";
import { openTestDesk, seedOrganisation } from "./desk.js";

const dataDir = process.argv[2] ?? "";
const t = await openTestDesk({
  storage: { dataDir },
  prepare: () => new Promise<never>(() => undefined),
  jobs: { pollMs: 100, retryDelayMs: 0 },
});
const jobs = async () =>
  (
    await sql<{ status: string; attempts: number }>`select status, attempts from ward_jobs`.execute(
      t.platform.db,
    )
  ).rows;
if ((await jobs()).length === 0) {
  const org = await seedOrganisation(t.platform);
  const admin = testClient(t.app);
  await admin.login("admin");
  const res = await admin.form("/folders", { name: "窓口", departmentId: String(org.soumu.id) });
  const folderId = /\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1];
  await admin.form(`/folders/${folderId}/documents`, {
    files: [{ name: "毒.docx", data: new TextEncoder().encode("poison") }],
  });
}
for (;;) {
  const [job] = await jobs();
  if (job?.status === "running") {
    process.stdout.write(`claimed ${job.attempts}\n`);
    break;
  }
  if (job?.status === "failed") {
    process.stdout.write("failed\n");
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
