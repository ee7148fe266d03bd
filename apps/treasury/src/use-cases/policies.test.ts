import { type Actor, isPlatformError, type SessionUser } from "@ward/platform";
import { describe, expect, it } from "vitest";
import { allows, authorize } from "./policies.js";

const user = (role: SessionUser["role"], grants: SessionUser["grants"] = []): Actor => ({
  user: {
    id: 1,
    loginId: "u",
    displayName: "u",
    role,
    departmentId: null,
    mustChangePassword: false,
    grants,
  },
  sourceIp: null,
  requestId: null,
});
const cli: Actor = { user: null, sourceIp: null, requestId: null, login: "os:clerk@host" };

describe("allows", () => {
  it("lets staff import and a read-only user only look", () => {
    expect(allows(user("staff"), "importNotices")).toBe(true);
    expect(allows(user("read_only"), "viewReceipts")).toBe(true);
    expect(allows(user("read_only"), "importNotices")).toBe(false);
  });

  it("keeps personal data to holders of the grant, never to a command line without a user", () => {
    expect(allows(user("staff"), "readPersonalData")).toBe(false);
    expect(allows(user("staff", ["personal_data"]), "readPersonalData")).toBe(true);
    expect(allows(cli, "readPersonalData")).toBe(false);
    expect(allows(cli, "importNotices")).toBe(true);
  });
});

describe("authorize", () => {
  it("throws FORBIDDEN for an action the actor may not do", () => {
    expect(() => authorize(user("staff"), "recordStamps")).not.toThrow();
    let caught: unknown;
    try {
      authorize(user("read_only"), "recordStamps");
    } catch (error) {
      caught = error;
    }
    expect(isPlatformError(caught, "FORBIDDEN")).toBe(true);
  });
});
