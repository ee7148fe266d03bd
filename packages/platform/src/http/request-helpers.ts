import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { Permission } from "../accounts/roles.js";
import { can } from "../accounts/roles.js";
import { appendAudit } from "../audit/audit-log.js";
import { type FieldIssue, PlatformError } from "../errors.js";
import { type Html, renderLayout } from "../ui/layout.js";
import type { PlatformEnv } from "./env.js";

type Ctx = Context<PlatformEnv>;

const ja = z.locales.ja();

function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/**
 * Parses a JSON body with a zod schema (messages in Japanese).
 *
 * @throws PlatformError `UNSUPPORTED_MEDIA_TYPE`, `INVALID_JSON`, `VALIDATION_FAILED`
 * @example
 * ```ts
 * const input = await parseJson(c, z.object({ title: z.string().min(1) }));
 * ```
 */
export async function parseJson<T extends z.ZodType>(c: Ctx, schema: T): Promise<z.output<T>> {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new PlatformError("UNSUPPORTED_MEDIA_TYPE", { message: "expected application/json" });
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    throw new PlatformError("INVALID_JSON", {
      message: error instanceof Error ? error.message : "bad JSON",
      cause: error,
    });
  }
  const parsed = schema.safeParse(body, { error: ja.localeError });
  if (!parsed.success) throw new PlatformError("VALIDATION_FAILED", { issues: toIssues(parsed.error) });
  return parsed.data;
}

/** Result of {@link safeParseForm}: the data, or the issues and the submitted values to re-render. */
export type FormResult<T> =
  | { readonly ok: true; readonly data: T; readonly values: Record<string, string> }
  | { readonly ok: false; readonly issues: FieldIssue[]; readonly values: Record<string, string> };

/**
 * Parses a urlencoded or multipart form with a zod schema; files stay `File` objects. Failures
 * return the issues (Japanese) and the submitted text values so the form can be shown again.
 *
 * @example
 * ```ts
 * const form = await safeParseForm(c, z.object({ title: z.string().min(1, "件名を入力してください。") }));
 * if (!form.ok) return renderPage(c, { title: "新規", body: noteForm(form.values, form.issues), status: 422 });
 * ```
 */
export async function safeParseForm<T extends z.ZodType>(
  c: Ctx,
  schema: T,
): Promise<FormResult<z.output<T>>> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new PlatformError("UNSUPPORTED_MEDIA_TYPE", { message: "expected a form" });
  }
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") values[k] = v;
  const parsed = schema.safeParse(body, { error: ja.localeError });
  return parsed.success
    ? { ok: true, data: parsed.data, values }
    : { ok: false, issues: toIssues(parsed.error), values };
}

/**
 * Renders a page in the app's shell (title, navigation, signed-in user).
 *
 * @example
 * ```ts
 * app.get("/notes", (c) => renderPage(c, { title: "メモ一覧", body: html`<p>…</p>` }));
 * ```
 */
export function renderPage(
  c: Ctx,
  page: {
    title: string;
    body: Html;
    notice?: string;
    error?: string;
    status?: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 500;
  },
): Response | Promise<Response> {
  const session = c.get("session");
  const shell = c.get("shell");
  return c.html(
    renderLayout({
      appTitle: shell.title,
      title: page.title,
      nav: shell.nav,
      currentPath: c.req.path,
      user: session?.user ?? null,
      csrfToken: session?.csrfToken ?? null,
      body: page.body,
      ...(page.notice ? { notice: page.notice } : {}),
      ...(page.error ? { error: page.error } : {}),
    }),
    page.status ?? 200,
  );
}

/**
 * Middleware that lets only users whose role grants `permission` through; refusals are audited.
 *
 * @example
 * ```ts
 * app.post("/notes", requirePermission("write"), handler);
 * ```
 */
export function requirePermission(permission: Permission): MiddlewareHandler<PlatformEnv> {
  return async (c, next) => {
    const user = c.get("session")?.user;
    if (!user) throw new PlatformError("UNAUTHENTICATED");
    if (!can(user, permission)) {
      await appendAudit(
        c.get("platform").db,
        c.get("actor"),
        {
          action: "access.denied",
          targetType: "path",
          targetId: c.req.path,
          result: "denied",
          detail: { permission },
        },
        { clock: c.get("platform").clock },
      );
      throw new PlatformError("FORBIDDEN", { message: `${permission} on ${c.req.path}` });
    }
    await next();
  };
}

/**
 * Whether the client wants JSON (paths under `/api/`, JSON bodies, or an Accept without HTML).
 *
 * @example
 * ```ts
 * wantsJson(c); // true for POST /api/notes
 * ```
 */
export function wantsJson(c: Ctx): boolean {
  if (c.req.path.startsWith("/api/") || c.req.path === "/health") return true;
  if ((c.req.header("content-type") ?? "").startsWith("application/json")) return true;
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}
