import {
  addGroupMember,
  createDepartment,
  createGroup,
  createUser,
  type Platform,
  SYSTEM,
} from "@ward/platform";
import { openTestPlatform, TEST_ADMIN_PASSWORD, type TestStorage } from "@ward/platform/testing";
import {
  createSupportDesk,
  type SupportDesk,
  type SupportDeskOptions,
} from "../../src/http/create-support-desk.js";
import { supportDeskMigrations } from "../../src/storage/schema.js";

export const PASSWORD = TEST_ADMIN_PASSWORD;

/** A desk on in-memory PGlite (or the given storage: a PGlite data dir or a PostgreSQL schema). */
export async function openTestDesk(options: SupportDeskOptions & { storage?: TestStorage } = {}) {
  const { storage = { memory: true }, ...deskOptions } = options;
  const platform: Platform = await openTestPlatform({
    appName: "support-desk",
    ...storage,
    migrations: supportDeskMigrations,
  });
  const support = await createSupportDesk(platform, {
    env: {},
    jobs: { pollMs: 0, retryDelayMs: 0 },
    ...deskOptions,
  });
  // Tests close "the platform": stop ingestion and the workers with it.
  return { ...support, platform: { ...platform, close: support.close } };
}

/** Creates the organisation the tests use (only once per platform). */
export async function seedOrganisation(platform: Platform) {
  // The first admin must change its one-time password at first login; tests skip that step.
  await platform.db
    .updateTable("users")
    .set({ must_change_password: false })
    .where("login_id", "=", "admin")
    .execute();
  const soumu = await createDepartment(platform, SYSTEM, { code: "soumu", name: "総務課" });
  const kumin = await createDepartment(platform, SYSTEM, { code: "kumin", name: "区民課" });
  const make = async (
    loginId: string,
    role: "staff" | "department_admin" | "read_only",
    departmentId: number,
  ) =>
    (
      await createUser(platform, SYSTEM, {
        loginId,
        displayName: loginId,
        role,
        departmentId,
        password: PASSWORD,
      })
    ).user;
  const alice = await make("alice", "staff", soumu.id);
  const bob = await make("bob", "staff", kumin.id);
  const carol = await make("carol", "staff", kumin.id);
  const head = await make("soumu-head", "department_admin", soumu.id);
  const viewer = await make("viewer", "read_only", kumin.id);
  const team = await createGroup(platform, SYSTEM, { name: "窓口チーム", departmentId: kumin.id });
  await addGroupMember(platform, SYSTEM, team.id, carol.id);
  return { soumu, kumin, alice, bob, carol, head, viewer, team };
}

export type TestDesk = Awaited<ReturnType<typeof openTestDesk>> & SupportDesk;
