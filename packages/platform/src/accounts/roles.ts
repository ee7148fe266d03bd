import type { Role } from "../storage/schema.js";

/** The signed-in user as the request sees it. */
export interface SessionUser {
  readonly id: number;
  readonly loginId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly departmentId: number | null;
  readonly mustChangePassword: boolean;
  /** Permissions granted to this user on top of the role's (see `grantPermission`). */
  readonly grants?: readonly Permission[];
}

/** What a role may do; apps check these instead of role names. */
export type Permission =
  | "read"
  | "write"
  | "manage_department_users"
  | "manage_all_users"
  | "manage_departments"
  | "view_audit"
  /** Reading personal data (addresses, bank accounts): granted per user, and to system admins. */
  | "personal_data";

const GRANTS: Record<Role, readonly Permission[]> = {
  system_admin: [
    "read",
    "write",
    "manage_department_users",
    "manage_all_users",
    "manage_departments",
    "view_audit",
    "personal_data",
  ],
  department_admin: ["read", "write", "manage_department_users"],
  staff: ["read", "write"],
  read_only: ["read"],
};

/** Japanese role names for screens. */
export const ROLE_LABELS: Record<Role, string> = {
  system_admin: "システム管理者",
  department_admin: "所属管理者",
  staff: "職員",
  read_only: "閲覧のみ",
};

/**
 * Whether a user's role, or a permission granted to the user, allows something.
 *
 * @example
 * ```ts
 * can({ role: "read_only" }, "write"); // false
 * can({ role: "department_admin" }, "manage_department_users"); // true
 * can({ role: "staff", grants: ["personal_data"] }, "personal_data"); // true
 * ```
 */
export function can(user: Pick<SessionUser, "role" | "grants">, permission: Permission): boolean {
  return GRANTS[user.role].includes(permission) || (user.grants?.includes(permission) ?? false);
}

/**
 * Whether `actor` may see or change data of a department (system admins: every department;
 * others: their own, plus data with no department).
 *
 * @example
 * ```ts
 * canAccessDepartment({ role: "staff", departmentId: 2 }, 3); // false
 * ```
 */
export function canAccessDepartment(
  actor: Pick<SessionUser, "role" | "departmentId">,
  departmentId: number | null,
): boolean {
  return actor.role === "system_admin" || departmentId === null || actor.departmentId === departmentId;
}
