import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  createBm25Index,
  createOfflineResponder,
  createRetriever,
  type IndexedChunk,
  type IngestedDocument,
  ingestDocument,
} from "../src/domain/index.js";
import { buildPdf, buildPptx } from "./support/build-files.js";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

function indexed(documentId: string, folderId: string, ingested: IngestedDocument): IndexedChunk[] {
  return ingested.chunks.map((chunk) => ({
    ...chunk,
    chunkId: `${documentId}#${chunk.ordinal}`,
    documentId,
    folderId,
  }));
}

describe("upload → index → answer with a page link", () => {
  it("cites the PDF page that holds the answer and never the unreadable folder", async () => {
    const index = createBm25Index();
    const guide = await ingestDocument({
      bytes: await buildPdf(["Contents", "Counter opening hours: weekdays 8:30 to 17:15.", "Fees"]),
      fileName: "guide.pdf",
    });
    const secret = await ingestDocument({
      bytes: buildPptx([{ lines: ["Counter opening hours for staff only: counter opening hours"] }]),
      fileName: "internal.pptx",
    });
    index.add(indexed("guide", "public", guide));
    index.add(indexed("internal", "hr", secret));
    const names = new Map([
      ["guide", "guide.pdf"],
      ["internal", "internal.pptx"],
    ]);
    const dependencies = {
      retrieve: createRetriever({ lexical: index }),
      provider: createOfflineResponder(),
      documentName: (id: string) => names.get(id) ?? id,
    };
    const clerk = await answerQuestion(
      { question: "counter opening hours", readableFolderIds: ["public"], passages: 3 },
      dependencies,
    );
    expect(clerk.citations[0]).toMatchObject({ href: "/documents/guide/view#page=2", label: "2ページ" });
    expect(clerk.citations.every((citation) => citation.documentId === "guide")).toBe(true);
    expect(clerk.text).not.toContain("staff only");
    const admin = await answerQuestion(
      { question: "counter opening hours", readableFolderIds: ["public", "hr"], passages: 3 },
      dependencies,
    );
    expect(admin.citations[0]).toMatchObject({ href: "/documents/internal/view?slide=1" });
  });

  it("finds government PDF pages by clean queries despite Kangxi radicals and letter-spacing", async () => {
    const index = createBm25Index();
    index.add(
      indexed("qa", "f", await ingestDocument({ bytes: fixture("qa_futankeigen.pdf"), fileName: "qa.pdf" })),
    );
    index.add(
      indexed(
        "survey",
        "f",
        await ingestDocument({ bytes: fixture("letter-spaced.pdf"), fileName: "10.pdf" }),
      ),
    );
    const [survey] = index.search("調査の概要", { readableFolderIds: ["f"], limit: 1 });
    expect(survey).toMatchObject({ documentId: "survey", locator: { kind: "page", page: 1 } });
    // A query typed with the look-alike characters is normalised the same way.
    const kangxi = index.search("⼩規模事業者の⼿続き", { readableFolderIds: ["f"], limit: 3 });
    const clean = index.search("小規模事業者の手続き", { readableFolderIds: ["f"], limit: 3 });
    expect(kangxi).toEqual(clean);
    expect(clean[0]?.documentId).toBe("qa");
  });
});
