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

/** A string form field ("" when absent). */
export function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === "string" ? value : "";
}
