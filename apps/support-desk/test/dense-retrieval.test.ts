import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TestClient, testClient } from "@ward/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeVector } from "../src/domain/index.js";
import { openTestDesk, seedOrganisation } from "./support/desk.js";
import { startFakeServer } from "./support/fake-server.js";

const enc = (s: string) => new TextEncoder().encode(s);

// A toy embedding model: one dimension per topic, so "廃棄物" lands next to "ごみ" though they share no characters.
const TOPICS = [/ごみ|廃棄物/, /税/, /保育|子ども/];
const embedText = (text: string) => [...TOPICS.map((topic) => (topic.test(text) ? 1 : 0)), 0.1];

describe("dense retrieval with an OpenAI-compatible embeddings server on 127.0.0.1", () => {
  const dir = mkdtempSync(join(tmpdir(), "support-desk-dense-"));
  let failing = false;
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  let t: Awaited<ReturnType<typeof openTestDesk>>;
  let folderId: number;
  let admin: TestClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startFakeServer((request, response) => {
      if (failing) {
        response.statusCode = 503;
        response.end("overloaded");
        return;
      }
      const { input } = request.body as { input: string[] };
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({ data: input.map((text, index) => ({ index, embedding: embedText(text) })) }),
      );
    });
    env = {
      WARD_EMBEDDINGS_BASE_URL: server.baseUrl,
      WARD_EMBEDDINGS_MODEL: "toy-e5",
      WARD_EMBEDDINGS_API_KEY: "secret-key",
    };
    t = await openTestDesk({ storage: { dataDir: dir }, env });
    const org = await seedOrganisation(t.platform);
    admin = testClient(t.app);
    await admin.login("admin");
    const res = await admin.form("/folders", { name: "生活案内", departmentId: String(org.soumu.id) });
    folderId = Number(/\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
  });
  afterAll(async () => {
    await t?.platform.close().catch(() => undefined);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const retrievalPage = async (q: string) =>
    (await admin.request(`/retrieval?q=${encodeURIComponent(q)}&folderId=${folderId}`)).text();

  it("embeds chunks at ingestion, stores them as Float32 per chunk, and fuses dense with lexical results", async () => {
    await admin.form(`/folders/${folderId}/documents`, {
      files: [
        {
          name: "粗大ごみ.txt",
          data: enc("粗大ごみは毎週水曜日に収集します。前日までに申し込んでください。"),
        },
        { name: "住民税.txt", data: enc("住民税の納付期限は6月末です。") },
      ],
    });
    await t.queue.idle();
    expect(t.embeddings).toEqual({ baseUrl: server.baseUrl, model: "toy-e5", apiKey: "secret-key" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer secret-key");
    const stored = await t.desk.db
      .selectFrom("support_desk_chunk_vectors as v")
      .innerJoin("support_desk_chunks as c", "c.chunk_id", "v.chunk_id")
      .select(["c.text", "v.model", "v.dimensions", "v.vector"])
      .execute();
    expect(stored).toHaveLength(2);
    const garbage = stored.find((row) => row.text.includes("粗大ごみ"));
    expect(garbage).toMatchObject({ model: "toy-e5", dimensions: 4 });
    expect(decodeVector(garbage?.vector ?? "")).toEqual([1, 0, 0, Math.fround(0.1)]);
    expect(t.desk.dense?.index.size).toBe(2);

    // No character of "廃棄物の出し方" occurs in the garbage leaflet: only the dense ranking finds it.
    const lexical = await t.desk.index.search("廃棄物の出し方", { readableFolderIds: [String(folderId)] });
    expect(lexical.map((hit) => t.desk.documents.get(hit.documentId)?.name)).not.toContain("粗大ごみ.txt");
    const fused = await t.desk.retrieve("廃棄物の出し方", {
      readableFolderIds: [String(folderId)],
      limit: 5,
    });
    expect(fused.map((hit) => t.desk.documents.get(hit.documentId)?.name)).toContain("粗大ごみ.txt");
    const page = await retrievalPage("廃棄物の出し方");
    expect(page).toContain("統合したスコア（RRF）");
    expect(page).toContain("粗大ごみ.txt");
    // Another user's folders stay out of dense results too.
    expect(await t.desk.retrieve("廃棄物の出し方", { readableFolderIds: ["999"], limit: 5 })).toEqual([]);
  });

  it("indexes lexically and marks the document when the embeddings server fails, and searches lexically meanwhile", async () => {
    failing = true;
    const res = await admin.form(`/folders/${folderId}/documents`, {
      files: [{ name: "保育園.txt", data: enc("保育園の入園申込は前年の11月に受け付けます。") }],
    });
    await t.queue.idle();
    const jobPage = await (await admin.request(res.headers.get("location") ?? "")).text();
    expect(jobPage).toContain(
      "保育園.txt: 意味検索用のベクトルを作成できなかったため、語句検索のみの対象です。",
    );
    const version = await t.desk.db
      .selectFrom("support_desk_versions")
      .select(["file_name", "vectors_missing"])
      .orderBy("id")
      .execute();
    expect(version.map((v) => [v.file_name, v.vectors_missing])).toEqual([
      ["粗大ごみ.txt", false],
      ["住民税.txt", false],
      ["保育園.txt", true],
    ]);
    expect(await (await admin.request(`/folders/${folderId}`)).text()).toContain(
      "意味検索用のベクトルを作成できなかったため",
    );
    expect(t.desk.dense?.index.size).toBe(2);
    const hits = await t.desk.retrieve("入園申込", { readableFolderIds: [String(folderId)], limit: 5 });
    expect(hits[0]?.text).toContain("11月");
    // While the server is down, queries fall back to the lexical ranking.
    expect(await retrievalPage("入園申込")).toContain("保育園.txt");
    const fallback = await t.desk.retrieve("廃棄物の出し方", { readableFolderIds: [String(folderId)] });
    expect(fallback.map((hit) => t.desk.documents.get(hit.documentId)?.name)).not.toContain("粗大ごみ.txt");
  });

  it("rebuilds the vector index from stored vectors at start, without re-embedding documents", async () => {
    failing = false;
    await t.platform.close();
    const before = server.requests.length;
    t = await openTestDesk({ storage: { dataDir: dir }, env });
    expect(t.desk.dense?.index.size).toBe(2);
    expect(server.requests.length).toBe(before);
    const fused = await t.desk.retrieve("廃棄物の出し方", {
      readableFolderIds: [String(folderId)],
      limit: 5,
    });
    expect(fused.map((hit) => t.desk.documents.get(hit.documentId)?.name)).toContain("粗大ごみ.txt");
    expect(server.requests.length).toBe(before + 1);
  });
});
