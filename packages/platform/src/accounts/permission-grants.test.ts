import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "../audit/audit-log.js";
import type { Platform } from "../platform.js";
import { openTestPlatform } from "../testing/test-platform.js";
import { SYSTEM } from "./actor.js";
import { grantPermission, revokePermission, withGrants } from "./permission-grants.js";
import { can, type SessionUser } from "./roles.js";
import { createUser } from "./users.js";

describe("permission grants", () => {
  let platform: Platform;
  let clerk: SessionUser;
  beforeAll(async () => {
    platform = await openTestPlatform();
    const { user } = await createUser(platform, SYSTEM, {
      loginId: "kaikei",
      displayName: "会計 花子",
      role: "staff",
      departmentId: null,
      password: "Ajisai-no-kisetsu-2025",
    });
    clerk = { ...user, mustChangePassword: false } as unknown as SessionUser;
  }, 60_000);
  afterAll(() => platform.close());

  it("gives one staff user personal data on top of the role, audited, and takes it back", async () => {
    expect(can(await withGrants(platform, clerk), "personal_data")).toBe(false);
    await grantPermission(platform, SYSTEM, { userId: clerk.id, permission: "personal_data" });
    expect(can(await withGrants(platform, clerk), "personal_data")).toBe(true);
    expect(can(await withGrants(platform, clerk), "manage_all_users")).toBe(false);
    await revokePermission(platform, SYSTEM, { userId: clerk.id, permission: "personal_data" });
    expect(can(await withGrants(platform, clerk), "personal_data")).toBe(false);
    const records = await queryAudit(platform.db, { targetType: "user", targetId: String(clerk.id) });
    expect(records.map((r) => r.action)).toEqual(
      expect.arrayContaining(["permission.grant", "permission.revoke"]),
    );
  });

  it("lets only user administrators grant, and only known permissions", async () => {
    const actor = { user: clerk, sourceIp: null, requestId: null };
    await expect(
      grantPermission(platform, actor, { userId: clerk.id, permission: "personal_data" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      grantPermission(platform, SYSTEM, {
        userId: clerk.id,
        permission: "manage_all_users" as "personal_data",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      grantPermission(platform, SYSTEM, { userId: 9999, permission: "personal_data" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("system admins have personal data by role", () => {
    expect(can({ role: "system_admin" }, "personal_data")).toBe(true);
    expect(can({ role: "department_admin" }, "personal_data")).toBe(false);
  });
});
