import { appendAudit, formatTokyo, html, type PlatformEnv, readFile, renderPage } from "@ward/platform";
import type { Hono } from "hono";
import type { Desk } from "../storage/desk.js";
import { requireDocument, versionSections } from "../storage/documents.js";
import { authorizeDeskFile } from "../storage/file-access.js";
import { CHAT_JS, DESK_CSS, VIEWER_JS } from "../ui/assets.js";
import { renderDocumentSections, viewTargetFromQuery } from "../ui/document-view.js";

/** Registers the document viewer, the original-file download and the desk's static assets. */
export function registerDocumentRoutes(app: Hono<PlatformEnv>, desk: Desk): void {
  const asset =
    (type: string, body: string) =>
    (c: { body: (b: string) => Response; header: (k: string, v: string) => void }) => {
      c.header("Content-Type", type);
      c.header("Cache-Control", "private, max-age=300");
      return c.body(body);
    };
  app.get("/support-desk/app.css", asset("text/css; charset=utf-8", DESK_CSS));
  app.get("/support-desk/viewer.js", asset("text/javascript; charset=utf-8", VIEWER_JS));
  app.get("/support-desk/chat.js", asset("text/javascript; charset=utf-8", CHAT_JS));

  app.get("/documents/:id/view", async (c) => {
    const actor = c.get("actor");
    const { document, folder } = await requireDocument(desk, actor, c.req.param("id"), "read");
    const sections = await versionSections(desk, document.version_id);
    await appendAudit(
      desk.db,
      actor,
      {
        action: "document.view",
        targetType: "document",
        targetId: document.id,
        detail: { version: document.version },
      },
      { clock: desk.platform.clock },
    );
    return renderPage(c, {
      title: document.name,
      body: html`<link rel="stylesheet" href="/support-desk/app.css">
<p>フォルダ: <a href="/folders/${folder.id}">${folder.name}</a> ・ 第${document.version}版（${formatTokyo(document.version_created_at)}登録）
 ・ <a href="/documents/${document.id}/file">元のファイルを開く</a></p>
${renderDocumentSections(sections, viewTargetFromQuery(c.req.query()))}
<script src="/support-desk/viewer.js" defer></script>`,
    });
  });

  app.get("/documents/:id/file", async (c) => {
    const actor = c.get("actor");
    const { document } = await requireDocument(desk, actor, c.req.param("id"), "read");
    const { file, data } = await readFile(desk.platform, actor, document.file_id, {
      authorize: (stored) => authorizeDeskFile(desk, actor, stored),
    });
    await appendAudit(
      desk.db,
      actor,
      {
        action: "document.download",
        targetType: "document",
        targetId: document.id,
        detail: { fileId: file.id },
      },
      { clock: desk.platform.clock },
    );
    const pdf = document.kind === "pdf";
    c.header("Content-Type", pdf ? "application/pdf" : file.contentType);
    c.header("X-Content-Type-Options", "nosniff");
    c.header(
      "Content-Disposition",
      `${pdf ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(document.file_name)}`,
    );
    return c.body(new Uint8Array(data));
  });
}
