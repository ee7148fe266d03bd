import { decodeCsv } from "@ward/csv-jp";
import { testClient } from "@ward/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usageMonth } from "../src/storage/usage.js";
import { buildPptx, buildXlsx } from "./support/build-files.js";
import { openTestDesk, seedOrganisation } from "./support/desk.js";
import { buildJapanesePdf } from "./support/japanese-pdf.js";

const enc = (s: string) => new TextEncoder().encode(s);
type Desk = Awaited<ReturnType<typeof openTestDesk>>;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A fake OpenAI-compatible server: records request bodies and streams a fixed reply. */
function fakeModel(reply: string) {
  const bodies: Array<{ messages: Array<{ role: string; content: unknown }> }> = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    const usage = { prompt_tokens: 120, completion_tokens: 8, total_tokens: 128 };
    const events = `data: ${JSON.stringify({ choices: [{ delta: { content: reply } }] })}\n\ndata: ${JSON.stringify({ choices: [], usage })}\n\ndata: [DONE]\n\n`;
    return new Response(events, { headers: { "content-type": "text/event-stream" } });
  }) as typeof fetch;
  return { bodies, fetchImpl };
}

async function prepare(t: Desk) {
  const org = await seedOrganisation(t.platform);
  const admin = testClient(t.app);
  await admin.login("admin");
  const res = await admin.form("/folders", { name: "手引き", departmentId: String(org.soumu.id) });
  const folderId = Number(/\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
  await admin.form(`/folders/${folderId}/grants`, { principal: `user:${org.alice.id}`, right: "read" });
  const pdf = await buildJapanesePdf([
    "第1章 総則",
    "第2章 手数料の一覧",
    "第3章 粗大ごみの収集は毎週水曜日に行います。",
    "第4章 附則",
  ]);
  await admin.form(`/folders/${folderId}/documents`, {
    files: [
      { name: "ごみの手引き.pdf", data: pdf },
      {
        name: "研修.pptx",
        data: buildPptx([{ lines: ["研修の概要"] }, { lines: ["個人情報の持ち出しは禁止です"] }]),
      },
      {
        name: "名簿.xlsx",
        data: await buildXlsx({
          名簿: [
            ["氏名", "内線"],
            ["佐藤", 1234],
            ["鈴木", 5678],
          ],
        }),
      },
    ],
  });
  await t.queue.idle();
  const docId = async (name: string) =>
    (
      await t.desk.db
        .selectFrom("support_desk_documents")
        .select("id")
        .where("name", "like", `${name}%`)
        .executeTakeFirstOrThrow()
    ).id;
  return { org, admin, folderId, docId };
}

describe("chat with the offline responder", () => {
  let t: Desk;
  let ctx: Awaited<ReturnType<typeof prepare>>;
  beforeAll(async () => {
    t = await openTestDesk();
    ctx = await prepare(t);
  });
  afterAll(async () => t.platform.close());

  it("answers with sources a reader may follow to the page, and keeps the thread in the history", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const asked = await alice.form("/chat/ask", { question: "粗大ごみの収集は何曜日ですか", folderId: "" });
    expect(asked.status).toBe(303);
    const location = asked.headers.get("location") ?? "";
    expect(location).toMatch(/^\/chat\/\d+#m-\d+$/);
    const html = await (await alice.request(location.split("#")[0] ?? "")).text();
    const id = await ctx.docId("ごみの手引き");
    expect(html).toContain(`href="/documents/${id}/view#page=3"`);
    expect(html).toContain("毎週水曜日");
    expect(html).toContain("粗大ごみの収集は何曜日ですか");

    // Resume the thread with a follow-up, then start a new one: both are listed.
    const threadId = Number(/\/chat\/(\d+)/.exec(location)?.[1]);
    await alice.form("/chat/ask", { question: "内線番号を教えて", threadId: String(threadId) });
    const thread = (await (await alice.request(`/api/chat/threads/${threadId}`)).json()) as {
      messages: unknown[];
    };
    expect(thread.messages).toHaveLength(4);
    await alice.form("/chat/ask", { question: "個人情報の持ち出し" });
    const list = (await (await alice.request("/api/chat/threads")).json()) as {
      threads: Array<{ title: string }>;
    };
    expect(list.threads.map((x) => x.title)).toEqual(["個人情報の持ち出し", "粗大ごみの収集は何曜日ですか"]);
    const audit = await t.desk.db
      .selectFrom("audit_log")
      .select("actor_login")
      .where("action", "=", "chat.ask")
      .execute();
    expect(audit).toHaveLength(3);
  });

  it("gives a user without rights nothing from the folder: no source, no passage text", async () => {
    const bob = testClient(t.app);
    await bob.login("bob");
    const asked = await bob.form("/chat/ask", { question: "粗大ごみの収集は何曜日ですか" });
    const html = await (await bob.request((asked.headers.get("location") ?? "").split("#")[0] ?? "")).text();
    expect(html).toContain("出典: なし");
    expect(html).not.toContain("水曜日");
    expect(html).not.toContain("/documents/");
    // Another user's thread and a folder the user cannot read are not found.
    const aliceThread = await t.desk.db
      .selectFrom("support_desk_threads")
      .select("id")
      .executeTakeFirstOrThrow();
    expect((await bob.request(`/chat/${aliceThread.id}`)).status).toBe(404);
    expect((await bob.form("/chat/ask", { question: "ごみ", folderId: String(ctx.folderId) })).status).toBe(
      404,
    );
    expect(
      await bob.request(`/retrieval?q=${encodeURIComponent("粗大ごみ")}`).then((r) => r.text()),
    ).not.toContain("水曜日");
  });

  it("refuses an empty question with a Japanese message", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const res = await alice.form("/chat/ask", { question: "   " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("質問を入力してください。");
  });

  it("streams an answer as NDJSON: sources first, then text, then the stored ids", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const res = await alice.json("/api/chat", { question: "個人情報の持ち出し" });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; citations?: Array<{ href: string }> });
    expect(lines[0]?.type).toBe("sources");
    expect(lines[0]?.citations?.[0]?.href).toMatch(/\/view\?slide=2$/);
    expect(lines.some((l) => l.type === "delta")).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: "done",
      threadId: expect.any(Number),
      messageId: expect.any(Number),
    });
  });

  it("renders PDFs page by page, slides and sheet rows with the cited place marked", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const pdfId = await ctx.docId("ごみの手引き");
    const view = await (await alice.request(`/documents/${pdfId}/view`)).text();
    expect(view).toMatch(/<section id="page-3" class="doc-section"[^>]*data-page="3"/);
    const file = await alice.request(`/documents/${pdfId}/file`);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^inline/);
    expect(view).toContain('<script src="/support-desk/viewer.js" defer></script>');
    const slides = await (await alice.request(`/documents/${await ctx.docId("研修")}/view?slide=2`)).text();
    expect(slides).toMatch(/<section id="slide-2" class="doc-section highlight"[^>]*data-target="true"/);
    expect(slides).toMatch(/<section id="slide-1" class="doc-section"/);
    const sheet = await (
      await alice.request(
        `/documents/${await ctx.docId("名簿")}/view?sheet=${encodeURIComponent("名簿")}&rows=2-3`,
      )
    ).text();
    expect(sheet).toContain('data-target="true"');
    expect(sheet).toContain("佐藤");
    const script = await alice.request("/support-desk/viewer.js");
    expect(await script.text()).toContain("#page=");
  });

  it("records each question's usage; users see their own, admins each account's month, as a page and CSV", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const question = "粗大ごみの収集日を教えてください";
    await alice.form("/chat/ask", { question, folderId: String(ctx.folderId) });
    const usage = () =>
      t.desk.db
        .selectFrom("support_desk_usage as u")
        .innerJoin("users as a", "a.id", "u.user_id")
        .select([
          "a.login_id",
          "u.month",
          "u.folder_ids",
          "u.provider",
          "u.prompt_tokens",
          "u.question_chars",
          "u.answer_chars",
        ])
        .orderBy("u.id")
        .execute();
    const rows = await usage();
    const month = usageMonth(new Date());
    expect(rows.at(-1)).toMatchObject({
      login_id: "alice",
      month,
      folder_ids: JSON.stringify([ctx.folderId]),
      provider: "offline",
      prompt_tokens: null,
      question_chars: question.length,
    });
    expect(rows.at(-1)?.answer_chars).toBeGreaterThan(20);
    const aliceCount = rows.filter((r) => r.login_id === "alice").length;
    expect(rows.some((r) => r.login_id === "bob")).toBe(true);

    const own = await (await alice.request("/usage")).text();
    expect(own).toContain(month);
    expect(own).toContain("手引き");
    expect(own).toContain("offline");
    expect((await alice.request("/admin/usage")).status).toBe(403);
    expect((await alice.request("/admin/usage.csv")).status).toBe(403);

    const all = await (await ctx.admin.request(`/admin/usage?month=${month}`)).text();
    expect(all).toContain("<td>alice</td>");
    expect(all).toContain("<td>bob</td>");
    expect((await ctx.admin.request("/admin/usage?month=2026-13")).status).toBe(422);
    const head = testClient(t.app);
    await head.login("soumu-head");
    const department = await (await head.request("/admin/usage")).text();
    expect(department).toContain("<td>alice</td>");
    expect(department).not.toContain("<td>bob</td>");

    const csv = await ctx.admin.request(`/admin/usage.csv?month=${month}`);
    expect(csv.headers.get("content-disposition")).toContain(`usage-${month}.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = decodeCsv(bytes).text.split("\r\n");
    expect(table[0]).toBe(
      "年月,ログインID,氏名,所属,質問数,入力トークン,出力トークン,質問文字数,回答文字数,回答したモデル",
    );
    expect(table.find((line) => line.includes(",alice,"))).toMatch(
      new RegExp(`^${month},alice,alice,総務課,${aliceCount},0,0,\\d+,\\d+,offline$`),
    );
    const audit = await t.desk.db.selectFrom("audit_log").select("action").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["usage.view", "usage.export"]));
  });

  it("serves a Japanese staff guide at /help", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const res = await alice.request("/help");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const heading of ["質問のしかた", "出典（引用）の見かた", "困ったときの問い合わせ先"]) {
      expect(html).toContain(heading);
    }
    expect(html).not.toContain("準備中");
    expect(html).toContain('href="/help"');
  });

  it("shows ranked passages with scores on the retrieval-test screen", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const html = await (
      await alice.request(`/retrieval?q=${encodeURIComponent("内線")}&folderId=${ctx.folderId}`)
    ).text();
    expect(html).toMatch(/<span class="score">\d+\.\d{3}<\/span>/);
    expect(html).toContain("佐藤");
    expect(html).not.toContain("このフォルダの設定"); // alice reads only
  });

  it("uses text attachments and tells the clerk that images need an image-capable model", async () => {
    const alice = testClient(t.app);
    await alice.login("alice");
    const res = await alice.form("/chat/ask", {
      question: "添付の内容を要約して",
      attachments: [
        { name: "メモ.txt", data: enc("会議は3日です。") },
        { name: "写真.png", data: PNG, type: "image/png" },
        { name: "不明.bin", data: new Uint8Array([1, 2, 3, 4]) },
      ],
    });
    const html = await (await alice.request((res.headers.get("location") ?? "").split("#")[0] ?? "")).text();
    expect(html).toContain("写真.png: 設定されている生成AIモデルは画像を読み取れないため");
    expect(html).toContain("不明.bin: このファイル形式には対応していません");
    expect(html).toContain("添付: メモ.txt");
  });
});

describe("chat with a configured model", () => {
  it("sends only readable passages, attachment text and images to the model named by WARD_LLM_*", async () => {
    const model = fakeModel("毎週水曜日です [1]");
    const t = await openTestDesk({
      env: {
        WARD_LLM_BASE_URL: "http://model.test/v1",
        WARD_LLM_MODEL: "llm-jp",
        WARD_LLM_ACCEPTS_IMAGES: "1",
        WARD_HELP_CONTACT: "サポート窓口 03-0000-0000",
      },
      fetch: model.fetchImpl,
    });
    try {
      expect(t.model).toMatchObject({ model: "llm-jp", acceptsImages: true });
      const ctx = await prepare(t);
      const alice = testClient(t.app);
      await alice.login("alice");
      const res = await alice.form("/chat/ask", {
        question: "粗大ごみの収集は何曜日ですか",
        attachments: [
          { name: "メモ.txt", data: enc("会議は3日です。") },
          { name: "写真.png", data: PNG, type: "image/png" },
        ],
      });
      const html = await (
        await alice.request((res.headers.get("location") ?? "").split("#")[0] ?? "")
      ).text();
      expect(html).toContain("毎週水曜日です [1]");
      const sent = JSON.stringify(model.bodies[0]);
      expect(sent).toContain("会議は3日です。");
      expect(sent).toContain("data:image/png;base64,");
      expect(sent).toContain("水曜日");

      const bob = testClient(t.app);
      await bob.login("bob");
      await bob.form("/chat/ask", { question: "粗大ごみの収集は何曜日ですか" });
      const bobSent = JSON.stringify(model.bodies[1]);
      expect(bobSent).toContain("該当する資料はありません");
      expect(bobSent).not.toContain("水曜日に行います");
      expect(ctx.folderId).toBeGreaterThan(0);
      const usage = await t.desk.db
        .selectFrom("support_desk_usage")
        .select(["provider", "prompt_tokens", "completion_tokens"])
        .orderBy("id")
        .execute();
      expect(usage).toEqual([
        { provider: "llm-jp", prompt_tokens: 120, completion_tokens: 8 },
        { provider: "llm-jp", prompt_tokens: 120, completion_tokens: 8 },
      ]);
      expect(model.bodies[0]).toMatchObject({ stream_options: { include_usage: true } });
      expect(await (await alice.request("/help")).text()).toContain("サポート窓口 03-0000-0000");
    } finally {
      await t.platform.close();
    }
  });

  it("falls back to the offline responder when the model server fails", async () => {
    const t = await openTestDesk({
      env: { WARD_LLM_BASE_URL: "http://model.test/v1", WARD_LLM_MODEL: "llm-jp" },
      fetch: (async () => new Response("down", { status: 503 })) as typeof fetch,
    });
    try {
      await prepare(t);
      const alice = testClient(t.app);
      await alice.login("alice");
      const res = await alice.form("/chat/ask", { question: "粗大ごみの収集は何曜日ですか" });
      const html = await (
        await alice.request((res.headers.get("location") ?? "").split("#")[0] ?? "")
      ).text();
      expect(html).toContain("生成AIモデルを使わずに");
      expect(html).toContain("水曜日");
      // Usage names who really answered: the offline responder, counted in characters.
      const usage = await t.desk.db
        .selectFrom("support_desk_usage")
        .select(["provider", "prompt_tokens"])
        .executeTakeFirstOrThrow();
      expect(usage).toEqual({ provider: "offline", prompt_tokens: null });
    } finally {
      await t.platform.close();
    }
  });
});
