/** Right on a folder, weakest first: read (閲覧), write (登録・差替・削除), manage (権限と設定の管理). */
export type FolderAccess = "none" | "read" | "write" | "manage";

const rank: Record<FolderAccess, number> = { none: 0, read: 1, write: 2, manage: 3 };

/** Japanese labels of rights for screens. */
export const FOLDER_RIGHT_LABELS: Record<Exclude<FolderAccess, "none">, string> = {
  read: "閲覧",
  write: "閲覧・登録",
  manage: "閲覧・登録・権限管理",
};

/** A grant as the rights rule sees it. */
export interface FolderGrant {
  readonly principalType: "user" | "group" | "department";
  readonly principalId: number;
  readonly right: "read" | "write" | "manage";
}

/** Who asks: role, department and the groups the user is in. */
export interface FolderSubject {
  readonly userId: number;
  readonly role: "system_admin" | "department_admin" | "staff" | "read_only";
  readonly departmentId: number | null;
  readonly groupIds: readonly number[];
}

/**
 * A user's right on one folder (別紙1 1(2)イ・ウ): system admins manage every folder, department
 * admins the folders of their department; everyone else holds the strongest grant made to them,
 * to a group they are in, or to their department. Read-only users never get more than read.
 *
 * @param subject - the user
 * @param folder - the folder's department
 * @param grants - the folder's grants
 * @returns `none`, `read`, `write` or `manage`
 * @example
 * ```ts
 * folderAccess({ userId: 7, role: "staff", departmentId: 2, groupIds: [] }, { departmentId: 1 },
 *   [{ principalType: "user", principalId: 7, right: "read" }]); // "read"
 * ```
 */
export function folderAccess(
  subject: FolderSubject,
  folder: { readonly departmentId: number },
  grants: readonly FolderGrant[],
): FolderAccess {
  if (subject.role === "system_admin") return "manage";
  if (subject.role === "department_admin" && subject.departmentId === folder.departmentId) return "manage";
  let best: FolderAccess = "none";
  for (const grant of grants) {
    const applies =
      (grant.principalType === "user" && grant.principalId === subject.userId) ||
      (grant.principalType === "group" && subject.groupIds.includes(grant.principalId)) ||
      (grant.principalType === "department" && grant.principalId === subject.departmentId);
    if (applies && rank[grant.right] > rank[best]) best = grant.right;
  }
  return subject.role === "read_only" && best !== "none" ? "read" : best;
}

/**
 * Whether `access` includes `needed`.
 *
 * @example
 * ```ts
 * allows("write", "read"); // true
 * allows("read", "manage"); // false
 * ```
 */
export function allows(access: FolderAccess, needed: "read" | "write" | "manage"): boolean {
  return rank[access] >= rank[needed];
}
