import { describe, expect, it } from "vitest";
import { attachmentMessages, readPromptAttachments } from "./prompt-attachments.js";

const enc = (s: string) => new TextEncoder().encode(s);
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe("readPromptAttachments", () => {
  it("reads documents as text and cuts long ones with a notice", async () => {
    const read = await readPromptAttachments(
      [
        { name: "表.csv", bytes: enc("氏名,内線\n佐藤,1234\n") },
        { name: "長文.txt", bytes: enc("あ".repeat(50)) },
      ],
      { acceptsImages: false, maxChars: 20 },
    );
    expect(read.texts[0]?.text).toContain("佐藤");
    expect(read.texts[1]?.text).toHaveLength(20);
    expect(read.notices).toEqual(["長文.txt: 長いため、先頭の20文字だけを使いました。"]);
  });

  it("passes JPG/PNG on only to models that accept images", async () => {
    const yes = await readPromptAttachments([{ name: "写真.jpg", bytes: JPG }], { acceptsImages: true });
    expect(yes.images[0]?.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const no = await readPromptAttachments([{ name: "写真.jpg", bytes: JPG }], { acceptsImages: false });
    expect(no.images).toEqual([]);
    expect(no.notices[0]).toContain("写真.jpg: 設定されている生成AIモデルは画像を読み取れない");
  });

  it("turns unreadable files into notices instead of errors", async () => {
    const read = await readPromptAttachments(
      [
        { name: "古い.doc", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
        { name: "空.txt", bytes: new Uint8Array() },
      ],
      { acceptsImages: false },
    );
    expect(read.texts).toEqual([]);
    expect(read.notices).toHaveLength(2);
    expect(
      read.notices.every(
        (n) => n.includes("回答には使われていません") || n.includes("回答に使われていません"),
      ),
    ).toBe(true);
  });
});

describe("attachmentMessages", () => {
  it("puts the attachments before the question, or nothing", () => {
    expect(attachmentMessages([])).toEqual([]);
    expect(attachmentMessages([{ name: "メモ.txt", text: "会議は3日" }])).toEqual([
      { role: "user", content: "添付ファイルの内容です。\n\n## メモ.txt\n会議は3日" },
    ]);
  });
});
