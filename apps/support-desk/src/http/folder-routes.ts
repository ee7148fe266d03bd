import {
  csrfField,
  dataTable,
  errorSummary,
  type FieldIssue,
  field,
  formatTokyo,
  type Html,
  html,
  isPlatformError,
  listDepartments,
  type PlatformEnv,
  PlatformError,
  renderPage,
} from "@ward/platform";
import type { Hono } from "hono";
import { allows, FOLDER_RIGHT_LABELS } from "../domain/index.js";
import type { Desk } from "../storage/desk.js";
import {
  deleteDocument,
  documentFolderId,
  eraseDocument,
  listDeletedDocuments,
  listDocuments,
  requireDocument,
} from "../storage/documents.js";
import {
  createFolder,
  type Folder,
  grantFolderRight,
  listFolderGrants,
  listFolders,
  requireFolder,
  revokeFolderGrant,
  updateFolderSettings,
} from "../storage/folders.js";
import { enqueueRechunk, enqueueUpload, getJob, type IngestionQueue } from "../storage/ingestion.js";
import { type Ctx, idParam, text, uploadedFiles, userOf } from "./helpers.js";

const STATUS_LABELS = { queued: "待機中", running: "処理中", done: "完了", failed: "失敗" } as const;
const KIND_LABELS: Record<string, string> = {
  pdf: "PDF",
  docx: "Word",
  pptx: "PowerPoint",
  xlsx: "Excel",
  csv: "CSV",
  text: "テキスト",
  markdown: "Markdown",
};
const STYLES = html`<link rel="stylesheet" href="/support-desk/app.css">`;

function validationIssues(error: unknown): FieldIssue[] | undefined {
  if (isPlatformError(error, "VALIDATION_FAILED") || isPlatformError(error, "CONFLICT")) {
    return error.issues.length > 0 ? [...error.issues] : [{ path: "form", message: error.messageJa }];
  }
  return undefined;
}

/** Registers folder, document, job and rights screens. */
export function registerFolderRoutes(app: Hono<PlatformEnv>, desk: Desk, queue: IngestionQueue): void {
  const folderListPage = async (c: Ctx, values: Record<string, string> = {}, issues: FieldIssue[] = []) => {
    const user = userOf(c);
    const folders = await listFolders(desk, user);
    const departments = await listDepartments(desk.platform);
    const canCreate = user.role === "system_admin" || user.role === "department_admin";
    const ownDepartments = departments.filter(
      (d) => user.role === "system_admin" || d.id === user.departmentId,
    );
    const noDepartment =
      user.role === "system_admin"
        ? html`<p>所属がまだ登録されていません。<a href="/admin/departments">所属・グループ</a>で所属を登録してからフォルダを作成してください。</p>`
        : html`<p>所属が設定されていないため、フォルダを作成できません。管理者に所属の設定を依頼してください。</p>`;
    const createForm = !canCreate
      ? ""
      : ownDepartments.length === 0
        ? html`<h2>フォルダの作成</h2>${noDepartment}`
        : html`<h2>フォルダの作成</h2>${errorSummary(issues)}
<form method="post" action="/folders" novalidate>${csrfField(c.get("session")?.csrfToken)}
${field({ name: "name", label: "フォルダ名", required: true, value: values.name ?? "", error: issues.find((i) => i.path === "name")?.message })}
<div class="field"><label for="f-departmentId">所属</label>
<select id="f-departmentId" name="departmentId">${ownDepartments.map(
            (d) =>
              html`<option value="${d.id}"${String(d.id) === values.departmentId ? html` selected` : ""}>${d.name}</option>`,
          )}</select></div>
<button class="primary" type="submit">作成する</button></form>`;
    return renderPage(c, {
      title: "データフォルダ",
      status: issues.length ? 422 : 200,
      ...(c.req.query("created") ? { notice: "フォルダを作成しました。" } : {}),
      body: html`${dataTable({
        caption: "閲覧できるフォルダ",
        columns: ["フォルダ名", "所属", "あなたの権限"],
        empty: "閲覧できるフォルダはありません。管理者に権限の付与を依頼してください。",
        rows: folders.map(({ folder, access }) => [
          html`<a href="/folders/${folder.id}">${folder.name}</a>`,
          departments.find((d) => d.id === folder.departmentId)?.name ?? "",
          FOLDER_RIGHT_LABELS[access],
        ]),
      })}${createForm}`,
    });
  };

  app.get("/folders", (c) => folderListPage(c));
  app.post("/folders", async (c) => {
    const body = await c.req.parseBody();
    const values = { name: text(body, "name"), departmentId: text(body, "departmentId") };
    try {
      const folder = await createFolder(desk, c.get("actor"), values);
      return c.redirect(`/folders/${folder.id}?created=1`, 303);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) return folderListPage(c, values, issues);
      throw error;
    }
  });

  const folderPage = async (c: Ctx, folderId: number, issues: FieldIssue[] = [], notice?: string) => {
    const { folder, access } = await requireFolder(desk, c.get("actor"), folderId, "read");
    const documents = await listDocuments(desk, folder.id);
    const csrf = csrfField(c.get("session")?.csrfToken);
    const canWrite = allows(access, "write");
    const deletedDocuments = canWrite ? await listDeletedDocuments(desk, folder.id) : [];
    const jobs = await desk.db
      .selectFrom("support_desk_jobs")
      .select(["id", "status", "created_at", "kind"])
      .where("folder_id", "=", folder.id)
      .orderBy("id", "desc")
      .limit(5)
      .execute();
    const created = c.req.query("created") ? "フォルダを作成しました。" : undefined;
    const deleted = c.req.query("deleted") ? "文書を削除しました。" : undefined;
    const erased = c.req.query("erased")
      ? "文書を完全に消去しました。元のファイルの鍵を破棄し、本文とチャット履歴の引用を削除しました（バックアップは運用管理者が消去します）。"
      : undefined;
    const message = notice ?? created ?? deleted ?? erased;
    return renderPage(c, {
      title: `フォルダ「${folder.name}」`,
      status: issues.length ? 422 : 200,
      ...(message ? { notice: message } : {}),
      body: html`${STYLES}<p>あなたの権限: ${FOLDER_RIGHT_LABELS[access as "read"]}
${allows(access, "manage") ? html` ・ <a href="/folders/${folder.id}/rights">閲覧権限の管理</a>` : ""}
 ・ <a href="/retrieval?folderId=${folder.id}">検索テスト</a></p>
${dataTable({
  caption: "登録済みの文書",
  columns: canWrite ? ["文書", "形式", "版", "更新日時", "操作"] : ["文書", "形式", "版", "更新日時"],
  empty: "文書はまだ登録されていません。",
  rows: documents.map((d) => {
    const cells: unknown[] = [
      html`<a href="/documents/${d.id}/view">${d.name}</a>${
        d.pagesWithoutText.length > 0
          ? html`<br><small>${d.pagesWithoutText.join("、")}ページは文字情報がなく検索できません</small>`
          : ""
      }${
        d.vectorsMissing
          ? html`<br><small class="vectors-missing">意味検索用のベクトルを作成できなかったため、語句検索のみの対象です（差し替えると作成し直します）</small>`
          : ""
      }`,
      KIND_LABELS[d.kind] ?? d.kind,
      `第${d.version}版`,
      formatTokyo(d.updatedAt),
    ];
    if (canWrite) {
      cells.push(html`<form method="post" action="/documents/${d.id}/replace" enctype="multipart/form-data">${csrf}
<label for="replace-${d.id}">差し替えるファイル（${d.name}）</label>
<input id="replace-${d.id}" type="file" name="file"> <button type="submit">差し替える</button></form>
<form method="post" action="/documents/${d.id}/delete">${csrf}<button type="submit" aria-label="${d.name}を削除する">削除する</button></form>
<form method="post" action="/documents/${d.id}/erase">${csrf}
<label for="erase-${d.id}">完全消去の理由（${d.name}）</label>
<input id="erase-${d.id}" name="reason" maxlength="200" required> <button type="submit" aria-label="${d.name}を完全に消去する（元に戻せません）">完全に消去する</button></form>`);
    }
    return cells as never;
  }),
})}
${
  deletedDocuments.length > 0
    ? dataTable({
        caption: "削除済みの文書（元のファイルを暗号化して保管中。完全に消去すると復元できません）",
        columns: ["文書", "削除日時", "保管中の版", "操作"],
        rows: deletedDocuments.map((d) => [
          d.name,
          formatTokyo(d.deletedAt),
          `${d.keptFiles}件`,
          html`<form method="post" action="/documents/${d.id}/erase">${csrf}
<label for="erase-${d.id}">完全消去の理由（${d.name}）</label>
<input id="erase-${d.id}" name="reason" maxlength="200" required> <button type="submit" aria-label="${d.name}を完全に消去する（元に戻せません）">完全に消去する</button></form>`,
        ]) as never,
      })
    : ""
}
${
  canWrite
    ? html`<h2>文書の登録</h2>${errorSummary(issues)}
<form method="post" action="/folders/${folder.id}/documents" enctype="multipart/form-data" novalidate>${csrf}
<div class="field"><label for="f-files">登録するファイル</label>
<span class="hint" id="f-files-hint">テキスト、Word(.docx)、PDF、PowerPoint(.pptx)、Excel(.xlsx)、CSV。複数選択できます（合計20MBまで）。取り込みはバックグラウンドで行います。</span>
<input id="f-files" type="file" name="files" multiple aria-describedby="f-files-hint"></div>
<button class="primary" type="submit">登録する</button></form>`
    : ""
}
${
  jobs.length > 0
    ? dataTable({
        caption: "最近の取り込み",
        columns: ["番号", "状態", "受付日時"],
        rows: jobs.map((j) => [
          html`<a href="/jobs/${j.id}">取り込み ${j.id}</a>`,
          STATUS_LABELS[j.status],
          formatTokyo(j.created_at),
        ]),
      })
    : ""
}
<p><a href="/folders">フォルダ一覧へ戻る</a></p>`,
    });
  };

  app.get("/folders/:id{[0-9]+}", (c) => folderPage(c, idParam(c, "id")));

  app.post("/folders/:id{[0-9]+}/documents", async (c) => {
    const folderId = idParam(c, "id");
    const body = await c.req.parseBody({ all: true });
    try {
      const jobId = await enqueueUpload(desk, c.get("actor"), folderId, await uploadedFiles(body, "files"));
      queue.kick();
      return c.redirect(`/jobs/${jobId}`, 303);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) return folderPage(c, folderId, issues);
      throw error;
    }
  });

  app.post("/documents/:id/replace", async (c) => {
    const { document } = await requireDocument(desk, c.get("actor"), c.req.param("id"), "write");
    const body = await c.req.parseBody({ all: true });
    try {
      const jobId = await enqueueUpload(
        desk,
        c.get("actor"),
        document.folder_id,
        await uploadedFiles(body, "file"),
        { replaceDocumentId: document.id },
      );
      queue.kick();
      return c.redirect(`/jobs/${jobId}`, 303);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) return folderPage(c, document.folder_id, issues);
      throw error;
    }
  });

  app.post("/documents/:id/delete", async (c) => {
    const { document } = await requireDocument(desk, c.get("actor"), c.req.param("id"), "write");
    await deleteDocument(desk, c.get("actor"), document.id);
    return c.redirect(`/folders/${document.folder_id}?deleted=1`, 303);
  });

  app.post("/documents/:id/erase", async (c) => {
    const body = await c.req.parseBody();
    // Deleted documents are erased from the same form; eraseDocument checks the folder right.
    const folderId = await documentFolderId(desk, c.req.param("id"));
    if (folderId === undefined) throw new PlatformError("NOT_FOUND");
    try {
      await eraseDocument(desk, c.get("actor"), c.req.param("id"), { reason: text(body, "reason") });
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) return folderPage(c, folderId, issues);
      throw error;
    }
    return c.redirect(`/folders/${folderId}?erased=1`, 303);
  });

  app.get("/jobs/:id{[0-9]+}", async (c) => {
    const job = await getJob(desk, idParam(c, "id"));
    if (!job) throw new PlatformError("NOT_FOUND");
    const { folder } = await requireFolder(desk, c.get("actor"), job.folderId, "read");
    const pending = job.status === "queued" || job.status === "running";
    const failed = job.files.filter((f) => f.status === "failed").length;
    if (c.req.header("accept")?.includes("application/json")) return c.json(job);
    return renderPage(c, {
      title: `取り込み ${job.id}`,
      body: html`${STYLES}${pending ? html`<meta http-equiv="refresh" content="2">` : ""}
<p role="status" id="job-progress">${folder.name}: ${job.total}件中${job.finished}件を処理しました${
        pending
          ? "（処理中。この画面は自動で更新されます）"
          : failed > 0
            ? `（${failed}件は失敗）`
            : "（すべて完了）"
      }。</p>
<progress max="${job.total}" value="${job.finished}" aria-labelledby="job-progress"></progress>
${dataTable({
  caption: "ファイルごとの状態",
  columns: ["ファイル", "状態", "説明"],
  rows: job.files.map((f) => [
    f.documentId && f.status === "done"
      ? html`<a href="/documents/${f.documentId}/view">${f.fileName}</a>`
      : f.fileName,
    html`<span class="status-${f.status}">${STATUS_LABELS[f.status]}</span>`,
    f.errorJa ?? f.noticeJa ?? "",
  ]),
})}
<p><a href="/folders/${folder.id}">フォルダ「${folder.name}」へ戻る</a></p>`,
    });
  });

  const rightsPage = async (c: Ctx, folderId: number, issues: FieldIssue[] = [], notice?: string) => {
    const { folder } = await requireFolder(desk, c.get("actor"), folderId, "manage");
    const grants = await listFolderGrants(desk, folder.id);
    const [users, groups, departments] = await Promise.all([
      desk.db
        .selectFrom("users")
        .select(["id", "display_name", "login_id"])
        .where("disabled", "=", false)
        .orderBy("id")
        .execute(),
      desk.db.selectFrom("groups").select(["id", "name"]).orderBy("id").execute(),
      listDepartments(desk.platform),
    ]);
    const csrf = csrfField(c.get("session")?.csrfToken);
    const typeLabels = { user: "利用者", group: "グループ", department: "所属" } as const;
    return renderPage(c, {
      title: `閲覧権限の管理「${folder.name}」`,
      status: issues.length ? 422 : 200,
      ...(notice ? { notice } : {}),
      body: html`${dataTable({
        caption: "このフォルダの権限",
        columns: ["対象", "種類", "権限", "操作"],
        empty: "まだ誰にも権限を付与していません（所属管理者とシステム管理者は常に管理できます）。",
        rows: grants.map((g) => [
          g.principalName,
          typeLabels[g.principalType],
          FOLDER_RIGHT_LABELS[g.right],
          html`<form method="post" action="/folders/${folder.id}/grants/${g.id}/delete">${csrf}<button type="submit" aria-label="${g.principalName}の権限を取り消す">取り消す</button></form>`,
        ]),
      })}
<h2>権限の付与・変更</h2>${errorSummary(issues)}
<form method="post" action="/folders/${folder.id}/grants" novalidate>${csrf}
<div class="field"><label for="f-principal">対象</label>
<select id="f-principal" name="principal">
<optgroup label="利用者">${users.map((u) => html`<option value="user:${u.id}">${u.display_name}（${u.login_id}）</option>`)}</optgroup>
<optgroup label="グループ">${groups.map((g) => html`<option value="group:${g.id}">${g.name}</option>`)}</optgroup>
<optgroup label="所属">${departments.map((d) => html`<option value="department:${d.id}">${d.name}</option>`)}</optgroup>
</select></div>
<div class="field"><label for="f-right">権限</label>
<select id="f-right" name="right">
<option value="read">${FOLDER_RIGHT_LABELS.read}</option>
<option value="write">${FOLDER_RIGHT_LABELS.write}</option>
<option value="manage">${FOLDER_RIGHT_LABELS.manage}（管理を委任）</option>
</select></div>
<button class="primary" type="submit">付与する</button></form>
${settingsForm(c, folder)}
<p><a href="/folders/${folder.id}">フォルダ「${folder.name}」へ戻る</a></p>`,
    });
  };

  const settingsForm = (c: Ctx, folder: Folder, issues: FieldIssue[] = []): Html => html`<h2>検索の設定</h2>
${errorSummary(issues)}
<form method="post" action="/folders/${folder.id}/settings" novalidate>${csrfField(c.get("session")?.csrfToken)}
${field({ name: "chunkSize", label: "チャンクの大きさ（文字）", value: String(folder.chunkSize), hint: "100〜8000。変更すると登録済みの文書を分割し直します。", error: issues.find((i) => i.path === "chunkSize")?.message })}
${field({ name: "chunkOverlap", label: "チャンクの重なり（文字）", value: String(folder.chunkOverlap), hint: "大きさの半分未満。", error: issues.find((i) => i.path === "chunkOverlap")?.message })}
${field({ name: "topK", label: "回答に使う箇所の数（top-k）", value: String(folder.topK), hint: "1〜20。", error: issues.find((i) => i.path === "topK")?.message })}
<button type="submit">設定を保存する</button></form>`;

  app.get("/folders/:id{[0-9]+}/rights", (c) =>
    rightsPage(c, idParam(c, "id"), [], c.req.query("saved") ? "権限を更新しました。" : undefined),
  );

  app.post("/folders/:id{[0-9]+}/grants", async (c) => {
    const folderId = idParam(c, "id");
    const body = await c.req.parseBody();
    const [principalType = "", principalId = ""] = text(body, "principal").split(":");
    try {
      await grantFolderRight(desk, c.get("actor"), folderId, {
        principalType,
        principalId,
        right: text(body, "right"),
      });
      return c.redirect(`/folders/${folderId}/rights?saved=1`, 303);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) return rightsPage(c, folderId, issues);
      throw error;
    }
  });

  app.post("/folders/:id{[0-9]+}/grants/:grant{[0-9]+}/delete", async (c) => {
    const folderId = idParam(c, "id");
    await revokeFolderGrant(desk, c.get("actor"), folderId, idParam(c, "grant"));
    return c.redirect(`/folders/${folderId}/rights?saved=1`, 303);
  });

  app.post("/folders/:id{[0-9]+}/settings", async (c) => {
    const folderId = idParam(c, "id");
    const body = await c.req.parseBody();
    try {
      const { rechunk } = await updateFolderSettings(desk, c.get("actor"), folderId, {
        chunkSize: text(body, "chunkSize"),
        chunkOverlap: text(body, "chunkOverlap"),
        topK: text(body, "topK"),
      });
      if (rechunk) {
        const jobId = await enqueueRechunk(desk, c.get("actor"), folderId);
        if (jobId !== null) {
          queue.kick();
          return c.redirect(`/jobs/${jobId}`, 303);
        }
      }
      return c.redirect(`/folders/${folderId}/rights?saved=1`, 303);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) return rightsPage(c, folderId, issues);
      throw error;
    }
  });
}
