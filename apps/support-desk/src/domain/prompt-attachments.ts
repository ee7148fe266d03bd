import { IngestError, parseDocument } from "@ward/documents";
import { normalizeJapanese } from "@ward/search-ja";
import type { ChatMessage } from "./chat-completions-client.js";

/** Files attached to one question, read for the model. */
export interface PromptAttachments {
  /** Text, Word, CSV, PDF, PowerPoint and Excel files as text. */
  readonly texts: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  /** PNG and JPG images as data URLs (only when the model accepts images). */
  readonly images: ReadonlyArray<{ readonly name: string; readonly dataUrl: string }>;
  /** Japanese notices for the clerk: files not used and why. */
  readonly notices: readonly string[];
}

// Errors from the worker pool (time-out, memory) carry a clerk's message without our class.
function hasMessageJa(error: unknown): error is { messageJa: string } {
  return (
    typeof error === "object" && error !== null && "messageJa" in error && typeof error.messageJa === "string"
  );
}

function imageType(bytes: Uint8Array): "image/png" | "image/jpeg" | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return undefined;
}

/**
 * Reads the files attached to a question (別紙1 1(8)): documents through the same parsers as
 * ingestion, cut to `maxChars` each; PNG/JPG passed on as images when the model accepts them,
 * otherwise a notice says so. A file that cannot be read becomes a notice, never an error.
 *
 * Documents are read by `read` when given (the desk passes its worker pool, with a deadline and
 * a page cap); files over `maxBytes` (default 10 MB) are not read, and an error that `fatal`
 * accepts (e.g. "server busy") is thrown instead of becoming a notice.
 *
 * @param files - the attachments
 * @param options - `acceptsImages` (the configured model takes images), `maxChars` per file (default
 *   20,000), `maxBytes` per file, `read` (a document's normalised text), `fatal`
 * @returns texts, images and Japanese notices
 * @example
 * ```ts
 * const read = await readPromptAttachments([{ name: "表.csv", bytes }], { acceptsImages: false });
 * read.texts[0]?.text; // "氏名 | 所属\n…"
 * ```
 */
export async function readPromptAttachments(
  files: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>,
  options: {
    readonly acceptsImages: boolean;
    readonly maxChars?: number;
    readonly maxBytes?: number;
    readonly read?: (file: { readonly bytes: Uint8Array; readonly fileName: string }) => Promise<string>;
    readonly fatal?: (error: unknown) => boolean;
  },
): Promise<PromptAttachments> {
  const maxChars = options.maxChars ?? 20_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const read =
    options.read ??
    (async (file: { bytes: Uint8Array; fileName: string }) => {
      const parsed = await parseDocument(file);
      return normalizeJapanese(parsed.sections.map((s) => s.text).join("\n"));
    });
  const texts: Array<{ name: string; text: string }> = [];
  const images: Array<{ name: string; dataUrl: string }> = [];
  const notices: string[] = [];
  for (const file of files) {
    if (file.bytes.byteLength > maxBytes) {
      notices.push(
        `${file.name}: ${(maxBytes / 1024 / 1024).toLocaleString("ja-JP")}MBを超えるため、回答に使われていません。`,
      );
      continue;
    }
    const image = imageType(file.bytes);
    if (image !== undefined) {
      if (options.acceptsImages) {
        images.push({
          name: file.name,
          dataUrl: `data:${image};base64,${Buffer.from(file.bytes).toString("base64")}`,
        });
      } else {
        notices.push(
          `${file.name}: 設定されている生成AIモデルは画像を読み取れないため、この画像は回答に使われていません。画像の内容を文字で入力してください。`,
        );
      }
      continue;
    }
    try {
      const text = await read({ bytes: file.bytes, fileName: file.name });
      if (text.trim() === "") {
        notices.push(`${file.name}: 文字情報が見つからなかったため、回答に使われていません。`);
        continue;
      }
      if (text.length > maxChars) {
        notices.push(
          `${file.name}: 長いため、先頭の${maxChars.toLocaleString("ja-JP")}文字だけを使いました。`,
        );
      }
      texts.push({ name: file.name, text: text.slice(0, maxChars) });
    } catch (error) {
      if (options.fatal?.(error)) throw error;
      notices.push(
        error instanceof IngestError
          ? `${error.messageJa}（回答には使われていません）`
          : hasMessageJa(error)
            ? `${file.name}: ${error.messageJa}（回答には使われていません）`
            : `${file.name}: ファイルを読み取れなかったため、回答に使われていません。`,
      );
    }
  }
  return { texts, images, notices };
}

/**
 * The attachments' text as a conversation message placed before the question.
 *
 * @example
 * ```ts
 * attachmentMessages([{ name: "メモ.txt", text: "会議は3日" }]);
 * // [{ role: "user", content: "添付ファイルの内容です。\n\n## メモ.txt\n会議は3日" }]
 * ```
 */
export function attachmentMessages(
  texts: ReadonlyArray<{ readonly name: string; readonly text: string }>,
): ChatMessage[] {
  if (texts.length === 0) return [];
  return [
    {
      role: "user",
      content: `添付ファイルの内容です。\n\n${texts.map((t) => `## ${t.name}\n${t.text}`).join("\n\n")}`,
    },
  ];
}
