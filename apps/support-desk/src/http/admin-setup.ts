import type { SetupChecklistHook, UserGrantsProvider } from "@ward/platform";
import { sql } from "kysely";
import { FOLDER_RIGHT_LABELS, type ModelSettings } from "../domain/index.js";
import type { Desk } from "../storage/desk.js";

/**
 * The support desk's steps on the admin home's setup checklist: a first folder, a first document,
 * and the answer model (the offline responder counts as set up, with a hint).
 *
 * @example
 * ```ts
 * createApp(platform, { setupChecklist: deskSetupChecklist(desk, model) });
 * ```
 */
export function deskSetupChecklist(desk: Desk, model: ModelSettings | undefined): SetupChecklistHook {
  return async () => {
    const count = async (table: "support_desk_folders" | "support_desk_documents") =>
      (await desk.db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow())
        .n;
    const [folders, documents] = await Promise.all([
      count("support_desk_folders"),
      count("support_desk_documents"),
    ]);
    return [
      {
        label: "データフォルダを作成する",
        done: folders > 0,
        href: "/folders",
        hint: "所属ごとのフォルダを作り、閲覧・登録の権限を付与します。",
      },
      {
        label: "文書を登録して質問してみる",
        done: documents > 0,
        href: "/folders",
        hint: "フォルダに文書をアップロードし、チャットで質問して出典が表示されることを確かめます。",
      },
      {
        label: "回答に使う生成AIモデルを確認する",
        done: true,
        href: "/help",
        hint: model
          ? `生成AIモデル「${model.model}」に接続する設定です。`
          : "生成AIモデルは未設定のため、資料の該当箇所を示すオフライン回答で動作しています（WARD_LLM_BASE_URL などで設定できます）。",
      },
    ];
  };
}

/**
 * The folder rights granted to a user personally, for the review after a move.
 *
 * @example
 * ```ts
 * createApp(platform, { userGrants: [deskUserGrants(desk)] });
 * ```
 */
export function deskUserGrants(desk: Desk): UserGrantsProvider {
  return async (userId) => {
    const rows = await desk.db
      .selectFrom("support_desk_grants as g")
      .innerJoin("support_desk_folders as f", "f.id", "g.folder_id")
      .select(["f.id", "f.name", "g.right"])
      .where("g.principal_type", "=", "user")
      .where("g.principal_id", "=", userId)
      .orderBy("f.name")
      .execute();
    return rows.map((r) => ({
      label: `フォルダ「${r.name}」: ${FOLDER_RIGHT_LABELS[r.right]}`,
      href: `/folders/${r.id}/rights`,
    }));
  };
}
