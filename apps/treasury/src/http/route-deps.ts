import { type IsoDate, isIsoDate } from "@ward/calendar-jp";
import { type AppContext, type Platform, type PlatformEnv, uploadedFiles } from "@ward/platform";
import { Hono } from "hono";

/** What every treasury screen's routes need: the platform and today's date (fixed in tests). */
export interface RouteDeps {
  readonly platform: Platform;
  readonly today: () => IsoDate;
}

/** A screen's sub-app, mounted on the treasury app with `app.route("/", …)`. */
export const screenApp = (): Hono<PlatformEnv> => new Hono<PlatformEnv>();

/** A `YYYY-MM-DD` query parameter, or `fallback` when absent or malformed. */
export function dateQuery(c: AppContext, name: string, fallback: IsoDate): IsoDate {
  const v = c.req.query(name);
  return v !== undefined && isIsoDate(v) ? v : fallback;
}

/** The session's CSRF token, for the forms a page renders. */
export const csrfTokenOf = (c: AppContext): string | undefined => c.get("session")?.csrfToken;

/** The one non-empty CSV file of an upload form's `file` field, or undefined when none was chosen. */
export async function uploadedCsv(
  c: AppContext,
): Promise<{ readonly name: string; readonly data: Uint8Array } | undefined> {
  const [file] = await uploadedFiles(await c.req.parseBody(), "file");
  return file !== undefined && file.data.length > 0 ? file : undefined;
}
