import { csrfField, dataTable, html, type PlatformEnv, renderPage } from "@ward/platform";
import type { Hono } from "hono";
import { allows, citePassages } from "../domain/index.js";
import type { Desk } from "../storage/desk.js";
import { documentNames } from "../storage/document-names.js";
import { listFolders } from "../storage/folders.js";
import { userOf } from "./helpers.js";

/** Registers the retrieval-test screen: ranked passages with scores for a question. */
export function registerRetrievalRoutes(app: Hono<PlatformEnv>, desk: Desk): void {
  app.get("/retrieval", async (c) => {
    const user = userOf(c);
    const folders = await listFolders(desk, user);
    const folderId = Number(c.req.query("folderId") ?? "");
    const selected = folders.find((f) => f.folder.id === folderId);
    const question = (c.req.query("q") ?? "").trim();
    const scope = selected ? [String(selected.folder.id)] : folders.map((f) => String(f.folder.id));
    const limit = selected?.folder.topK ?? 10;
    const hits = question === "" ? [] : await desk.retrieve(question, { readableFolderIds: scope, limit });
    const { passages } = citePassages(
      hits,
      await documentNames(
        desk,
        hits.map((h) => h.documentId),
      ),
    );
    return renderPage(c, {
      title: "検索テスト",
      body: html`<link rel="stylesheet" href="/support-desk/app.css">
<p>質問を入力すると、回答の根拠として使われる箇所を順位とスコアつきで表示します（生成AIは使いません）。${
        desk.dense
          ? "語句検索（BM25）と意味検索（ベクトル）の順位を統合したスコア（RRF）です。"
          : "スコアは語句検索（BM25）の値です。"
      }</p>
<form method="get" action="/retrieval">
<div class="field"><label for="f-q">質問</label><input id="f-q" type="search" name="q" value="${question}"></div>
<div class="field"><label for="f-folderId">フォルダ</label><select id="f-folderId" name="folderId">
<option value="">閲覧できるすべてのフォルダ（上位10件）</option>${folders.map(
        (f) =>
          html`<option value="${f.folder.id}"${f.folder.id === selected?.folder.id ? html` selected` : ""}>${f.folder.name}（上位${f.folder.topK}件）</option>`,
      )}</select></div>
<button class="primary" type="submit">検索する</button></form>
${
  question === ""
    ? ""
    : dataTable({
        caption: `「${question}」の検索結果`,
        columns: ["順位", "スコア", "出典", "本文"],
        empty: "該当する箇所はありません。",
        rows: passages.map((p, i) => [
          i + 1,
          html`<span class="score">${p.score.toFixed(3)}</span>`,
          html`<a href="${p.citation.href}">${p.citation.documentName}（${p.citation.label}）</a>`,
          html`<div class="passage">${p.text}</div>`,
        ]),
      })
}
${
  selected && allows(selected.access, "manage")
    ? html`<h2>このフォルダの設定</h2><p>チャンクの大きさ ${selected.folder.chunkSize}文字、重なり ${selected.folder.chunkOverlap}文字、top-k ${selected.folder.topK}件。</p>
<form method="post" action="/folders/${selected.folder.id}/settings">${csrfField(c.get("session")?.csrfToken)}
<div class="field"><label for="s-chunkSize">チャンクの大きさ（文字）</label><input id="s-chunkSize" name="chunkSize" value="${selected.folder.chunkSize}"></div>
<div class="field"><label for="s-chunkOverlap">チャンクの重なり（文字）</label><input id="s-chunkOverlap" name="chunkOverlap" value="${selected.folder.chunkOverlap}"></div>
<div class="field"><label for="s-topK">top-k（件）</label><input id="s-topK" name="topK" value="${selected.folder.topK}"></div>
<button type="submit">設定を保存して分割し直す</button></form>`
    : ""
}`,
    });
  });
}
