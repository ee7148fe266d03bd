import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allows, type FolderGrant, folderAccess } from "./folder-right.js";

const staff = { userId: 7, role: "staff" as const, departmentId: 2, groupIds: [30] };

describe("folderAccess", () => {
  it("gives system admins manage on every folder and department admins on their department only", () => {
    expect(folderAccess({ ...staff, role: "system_admin" }, { departmentId: 9 }, [])).toBe("manage");
    expect(folderAccess({ ...staff, role: "department_admin" }, { departmentId: 2 }, [])).toBe("manage");
    expect(folderAccess({ ...staff, role: "department_admin" }, { departmentId: 3 }, [])).toBe("none");
  });

  it("gives an ordinary user nothing without a grant, even in the folder's department", () => {
    expect(folderAccess(staff, { departmentId: 2 }, [])).toBe("none");
  });

  it("takes the strongest grant among user, group and department grants", () => {
    const grants: FolderGrant[] = [
      { principalType: "department", principalId: 2, right: "read" },
      { principalType: "group", principalId: 30, right: "manage" },
      { principalType: "user", principalId: 7, right: "write" },
    ];
    expect(folderAccess(staff, { departmentId: 1 }, grants)).toBe("manage");
    expect(folderAccess({ ...staff, groupIds: [] }, { departmentId: 1 }, grants)).toBe("write");
    expect(folderAccess({ ...staff, userId: 8, groupIds: [] }, { departmentId: 1 }, grants)).toBe("read");
    expect(
      folderAccess({ ...staff, userId: 8, groupIds: [], departmentId: 5 }, { departmentId: 1 }, grants),
    ).toBe("none");
  });

  it("ignores grants to other users, groups and departments with the same number", () => {
    const grants: FolderGrant[] = [{ principalType: "group", principalId: 7, right: "manage" }];
    expect(folderAccess(staff, { departmentId: 1 }, grants)).toBe("none");
  });

  it("caps read-only users at read", () => {
    const grants: FolderGrant[] = [{ principalType: "user", principalId: 7, right: "manage" }];
    expect(folderAccess({ ...staff, role: "read_only" }, { departmentId: 1 }, grants)).toBe("read");
  });

  it("never loses a right when a grant is added (monotone)", () => {
    const grant = fc.record({
      principalType: fc.constantFrom("user" as const, "group" as const, "department" as const),
      principalId: fc.integer({ min: 1, max: 10 }),
      right: fc.constantFrom("read" as const, "write" as const, "manage" as const),
    });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 6 }), grant, (grants, extra) => {
        const before = folderAccess(staff, { departmentId: 1 }, grants);
        const after = folderAccess(staff, { departmentId: 1 }, [...grants, extra]);
        expect(allows(after, before === "none" ? "read" : before) || before === "none").toBe(true);
      }),
    );
  });
});

describe("allows", () => {
  it("orders read < write < manage", () => {
    expect(allows("manage", "write")).toBe(true);
    expect(allows("write", "manage")).toBe(false);
    expect(allows("none", "read")).toBe(false);
  });
});
