import type { Context } from "hono";
import type { PlatformEnv } from "./env.js";

/** One step of the setup checklist on the admin home (`/admin`). */
export interface SetupChecklistItem {
  /** What to do, in Japanese: `フォルダを作成する`. */
  readonly label: string;
  readonly done: boolean;
  /** Where to do it. */
  readonly href?: string;
  /** A short Japanese explanation. */
  readonly hint?: string;
}

/**
 * The app's own setup steps (the `setupChecklist` option of `createApp`), shown between the
 * platform's steps (departments, accounts) and its self-check.
 *
 * @example
 * ```ts
 * const setupChecklist: SetupChecklistHook = async () => [
 *   { label: "フォルダを作成する", done: (await countFolders()) > 0, href: "/folders" },
 * ];
 * ```
 */
export type SetupChecklistHook = (
  c: Context<PlatformEnv>,
) => readonly SetupChecklistItem[] | Promise<readonly SetupChecklistItem[]>;

/** One personal grant a user holds in an app, for the review after a move. */
export interface UserGrant {
  /** In Japanese, e.g. `フォルダ「予算編成」: 編集`. */
  readonly label: string;
  /** Where an administrator changes it. */
  readonly href?: string;
}

/**
 * Lists the personal grants of a user (the `userGrants` option of `createApp`): after a move the
 * review list (`/admin/moves/review`) shows them so an administrator can revoke what the old post
 * needed.
 *
 * @example
 * ```ts
 * const userGrants: UserGrantsProvider = async (userId) =>
 *   (await grantsOf(userId)).map((g) => ({ label: `フォルダ「${g.folder}」: ${g.right}`, href: `/folders/${g.folderId}/rights` }));
 * ```
 */
export type UserGrantsProvider = (
  userId: number,
  c: Context<PlatformEnv>,
) => readonly UserGrant[] | Promise<readonly UserGrant[]>;

/** The hooks an app gives the organisation admin screens. */
export interface AdminHooks {
  readonly setupChecklist?: SetupChecklistHook | undefined;
  readonly userGrants?: readonly UserGrantsProvider[] | undefined;
}
