import { type IsoDate, isIsoDate } from "@ward/calendar-jp";
import { type AppContext, type Platform, type PlatformEnv, uploadedFiles } from "@ward/platform";
import { Hono } from "hono";
import type { TreasuryWorkers } from "../workers/treasury-workers.js";

/** What every treasury screen's routes need: the platform, today's date (fixed in tests) and the worker pool. */
export interface RouteDeps {
  readonly platform: Platform;
  readonly today: () => IsoDate;
  /** Where CSV parsing, workbooks and PDFs run (a full queue answers 503). */
  readonly workers: TreasuryWorkers;
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
