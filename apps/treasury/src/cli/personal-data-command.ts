import { GRANT_LABELS, grantPermission, revokePermission } from "@ward/platform";
import { treasuryDb } from "../storage/db.js";
import type { CommandContext } from "./records-commands.js";

/** The usage line of {@link runPersonalDataCommand}. */
export const PERSONAL_DATA_USAGE =
  "  treasury personal-data grant|revoke --login ログインID   （支払案内書・登録通知・支払不能出力の閲覧権限。監査記録あり）";

/**
 * `treasury personal-data grant|revoke --login ID`: gives a user the personal-data permission
 * (支払案内書, 登録完了のお知らせ, 支払不能 exports) or takes it back, audited as whoever runs it
 * (the OS operator, or `--user` with user-administration rights).
 *
 * @returns the exit code, or undefined when `sub` is not grant or revoke
 * @example
 * await runPersonalDataCommand("grant", ctx); // treasury personal-data grant --login yamada
 */
export async function runPersonalDataCommand(sub: string | undefined, ctx: CommandContext): Promise<number> {
  if (sub !== "grant" && sub !== "revoke")
    return ctx.fail("personal-data の後に grant か revoke を指定してください。");
  const loginValue = ctx.values.login;
  const login =
    typeof loginValue === "string"
      ? loginValue
      : ctx.fail("--login に利用者のログインIDを指定してください。");
  const platform = await ctx.open();
  try {
    const user = await treasuryDb(platform)
      .selectFrom("users")
      .select("id")
      .where("login_id", "=", login.trim().toLowerCase())
      .executeTakeFirst();
    if (!user) {
      ctx.err(`エラー：ログインID「${login}」の利用者はいません。`);
      return 1;
    }
    const change = sub === "grant" ? grantPermission : revokePermission;
    await change(platform, ctx.actor(), { userId: user.id, permission: "personal_data" });
    ctx.out(
      `${login} の「${GRANT_LABELS.personal_data}」の権限を${sub === "grant" ? "付与" : "取り消"}しました（次の操作から有効）。`,
    );
    return 0;
  } finally {
    await platform.close();
  }
}
