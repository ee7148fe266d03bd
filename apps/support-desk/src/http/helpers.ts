import { type PlatformEnv, PlatformError, type SessionUser } from "@ward/platform";
import type { Context } from "hono";

/** Hono context of the desk's routes. */
export type Ctx = Context<PlatformEnv>;

/** The signed-in user (the platform's login gate guarantees one on app routes). */
export function userOf(c: Ctx): SessionUser {
  const user = c.get("actor").user;
  if (user === null) throw new PlatformError("UNAUTHENTICATED");
  return user;
}

/** A positive integer path parameter, or `NOT_FOUND`. */
export function idParam(c: Ctx, name: string): number {
  const value = Number(c.req.param(name));
  if (!Number.isSafeInteger(value) || value <= 0) throw new PlatformError("NOT_FOUND");
  return value;
}

/**
 * An optional positive integer form field: `undefined` when empty, else the id.
 *
 * @throws PlatformError `BAD_REQUEST` (400) for anything else (`abc`, `1.5`, `-3`)
 * @example
 * ```ts
 * optionalId("12"); // 12
 * ```
 */
export function optionalId(value: string): number | undefined {
  if (value === "") return undefined;
  const id = /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id)) {
    throw new PlatformError("BAD_REQUEST", { message: `not an id: ${value.slice(0, 40)}` });
  }
  return id;
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
 * Every uploaded file of a multipart field, as bytes.
 *
 * @throws PlatformError `BAD_REQUEST` (400) when a file name holds control characters (CR, LF …)
 */
export async function uploadedFiles(
  body: Record<string, unknown>,
  field: string,
): Promise<Array<{ name: string; contentType: string; data: Uint8Array }>> {
  const value = body[field];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const files: Array<{ name: string; contentType: string; data: Uint8Array }> = [];
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

/** A string form field ("" when absent). */
export function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === "string" ? value : "";
}
