import { type AppContext, PlatformError, type SessionUser } from "@ward/platform";

export { idParam, uploadedFiles } from "@ward/platform";
/** Hono context of the desk's routes. */
export type Ctx = AppContext;

/** The signed-in user (the platform's login gate guarantees one on app routes). */
export function userOf(c: Ctx): SessionUser {
  const user = c.get("actor").user;
  if (user === null) throw new PlatformError("UNAUTHENTICATED");
  return user;
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

/** A string form field ("" when absent). */
export function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === "string" ? value : "";
}
