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

/** Every uploaded file of a multipart field, as bytes. */
export async function uploadedFiles(
  body: Record<string, unknown>,
  field: string,
): Promise<Array<{ name: string; contentType: string; data: Uint8Array }>> {
  const value = body[field];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const files: Array<{ name: string; contentType: string; data: Uint8Array }> = [];
  for (const item of list) {
    if (item instanceof File && (item.size > 0 || item.name !== "")) {
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
