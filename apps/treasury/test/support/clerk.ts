import { createUser, grantPermission, type Platform, SYSTEM } from "@ward/platform";

/** The password of {@link createClerk}'s users. */
export const CLERK_PASSWORD = "Ajisai-no-kisetsu-2025";

/** A staff user, with the `personal_data` grant when `personalData` is true; returns its id. */
export async function createClerk(
  platform: Platform,
  loginId: string,
  o: { readonly personalData: boolean },
): Promise<number> {
  const { user } = await createUser(platform, SYSTEM, {
    loginId,
    displayName: `${loginId} 職員`,
    role: "staff",
    departmentId: null,
    password: CLERK_PASSWORD,
  });
  if (o.personalData)
    await grantPermission(platform, SYSTEM, { userId: user.id, permission: "personal_data" });
  return user.id;
}
