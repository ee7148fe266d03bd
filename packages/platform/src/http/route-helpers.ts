import type { Context } from "hono";
import { PlatformError } from "../errors.js";
import type { PlatformEnv } from "./env.js";

/** The Hono context of a platform app's route handlers. */
export type AppContext = Context<PlatformEnv>;

/** An uploaded file of a multipart form, read into bytes. */
export interface UploadedFile {
  readonly name: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

/**
 * A positive integer path parameter, or `NOT_FOUND`.
 *
 * @throws PlatformError `NOT_FOUND` when the parameter is not a positive safe integer
 * @example
 * ```ts
 * app.get("/folders/:id", (c) => show(idParam(c, "id"))); // "/folders/12" → 12, "/folders/x" → 404
 * ```
 */
export function idParam(c: AppContext, name: string): number {
  const value = Number(c.req.param(name));
  if (!Number.isSafeInteger(value) || value <= 0) throw new PlatformError("NOT_FOUND");
  return value;
}

// Control characters (CR, LF, NUL …) have no place in a file name: they split headers and logs.
function hasControlCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Every uploaded file of a multipart field, as bytes (a chosen but empty file counts; no choice does not).
 *
 * @throws PlatformError `BAD_REQUEST` (400) when a file name holds control characters (CR, LF …)
 * @example
 * ```ts
 * const [file] = await uploadedFiles(await c.req.parseBody({ all: true }), "file");
 * ```
 */
export async function uploadedFiles(body: Record<string, unknown>, field: string): Promise<UploadedFile[]> {
  const value = body[field];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const files: UploadedFile[] = [];
  for (const item of list) {
    if (item instanceof File && (item.size > 0 || item.name !== "")) {
      if (hasControlCharacter(item.name)) {
        throw new PlatformError("BAD_REQUEST", {
          message: "control character in a file name",
          messageJa:
            "ファイル名に使用できない文字（改行など）が含まれています。ファイル名を変更してください。",
        });
      }
      files.push({ name: item.name, contentType: item.type, data: new Uint8Array(await item.arrayBuffer()) });
    }
  }
  return files;
}

/** The Excel (xlsx) MIME type. */
export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A generated file as a response, its type from the name: PDF shown inline, CSV (UTF-8) and Excel
 * saved as attachments.
 *
 * @example
 * ```ts
 * return fileResponse(c, await writeWorkbook(rows), "report-2025-07-10.xlsx");
 * ```
 */
export function fileResponse(c: AppContext, bytes: Uint8Array, fileName: string): Response {
  const type = fileName.endsWith(".pdf")
    ? "application/pdf"
    : fileName.endsWith(".csv")
      ? "text/csv; charset=utf-8"
      : XLSX_MIME_TYPE;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": type,
    "content-disposition": `${type === "application/pdf" ? "inline" : "attachment"}; filename="${fileName}"`,
  });
}
