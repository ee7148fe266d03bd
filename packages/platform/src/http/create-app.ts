import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie } from "hono/cookie";
import { html } from "hono/html";
import { secureHeaders } from "hono/secure-headers";
import { resolveSession } from "../accounts/auth.js";
import { applyMovesWhenDue } from "../accounts/due-moves.js";
import { withGrants } from "../accounts/permission-grants.js";
import { applyDueMoves } from "../accounts/user-moves.js";
import { ERROR_CATALOG, isPlatformError, PlatformError } from "../errors.js";
import type { Platform } from "../platform.js";
import type { NavItem } from "../ui/layout.js";
import { SHELL_CSS } from "../ui/styles.js";
import { registerAccountImportRoutes } from "./account-import-routes.js";
import type { SetupChecklistHook, UserGrantsProvider } from "./admin-hooks.js";
import { registerBuiltinRoutes, SESSION_COOKIE } from "./builtin-routes.js";
import { resolveClient, trustedProxyList } from "./client-address.js";
import type { AuthorizeFileRead, PlatformEnv } from "./env.js";
import { registerOrgAdminRoutes } from "./org-admin-routes.js";
import { renderPage, wantsJson } from "./request-helpers.js";
import { registerUserMoveRoutes } from "./user-move-routes.js";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The app's Japanese title, e.g. `練馬区 公金収納管理`. */
  readonly title: string;
  /** The app's navigation; the shell appends 監査ログ and 利用者管理 for admins. */
  readonly nav?: readonly NavItem[];
  /** Registers the app's routes; every path needs a signed-in user unless listed in `publicPaths`. */
  readonly routes?: (app: Hono<PlatformEnv>) => void;
  /** Largest non-multipart body in bytes; default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** Largest multipart (upload) body in bytes; default 20 MiB. */
  readonly uploadLimitBytes?: number;
  /** Extra paths that need no login (`/login`, `/health`, `/assets/*` always do). */
  readonly publicPaths?: readonly string[];
  /**
   * The app's read rule for `/files/:id`, for files whose readers are not simply their department
   * (e.g. folder rights): `false` → 404 and an audited refusal, `undefined` → the department rule.
   */
  readonly authorizeFileRead?: AuthorizeFileRead;
  /** The app's steps on the admin home's setup checklist (e.g. a first folder, the model). */
  readonly setupChecklist?: SetupChecklistHook;
  /** Lists a user's personal grants in the app, for the review after a move (`/admin/moves/review`). */
  readonly userGrants?: readonly UserGrantsProvider[];
}

const ALWAYS_PUBLIC = ["/login", "/api/login", "/health", "/assets/shell.css", "/favicon.ico"];
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Cookie holding the pre-login CSRF token (double submit). */
export const LOGIN_CSRF_COOKIE = "ward_login_csrf";

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function peerAddress(c: Context<PlatformEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

async function submittedCsrf(c: Context<PlatformEnv>): Promise<string | undefined> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    return typeof body._csrf === "string" ? body._csrf : undefined;
  }
  return undefined;
}

/**
 * Builds the Hono app of a platform app: request ids, structured logs, security headers, body
 * limits, sessions, CSRF checks, JSON/HTML errors with stable codes, `/health`, the login and
 * admin screens (users, audit log with CSV export) and `/files/:id`, then the app's own routes.
 *
 * @param platform - from `createPlatform`
 * @param options - title, navigation, routes, limits
 * @returns the Hono app (serve it with `startServer`, or call `app.request()` in tests)
 * @example
 * ```ts
 * const app = createApp(platform, {
 *   title: "練馬区 公金収納管理",
 *   nav: [{ href: "/", label: "ホーム" }],
 *   routes: (r) => r.get("/", (c) => renderPage(c, { title: "ホーム", body: html`<p>ようこそ</p>` })),
 * });
 * ```
 */
export function createApp(platform: Platform, options: AppOptions): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();
  const shell = {
    title: options.title,
    nav: [
      ...(options.nav ?? []),
      { href: "/admin", label: "管理メニュー", permission: "manage_department_users" as const },
      { href: "/admin/users", label: "利用者管理", permission: "manage_department_users" as const },
      { href: "/admin/audit", label: "監査ログ", permission: "view_audit" as const },
      { href: "/account/password", label: "パスワード変更" },
    ],
  };
  const trusted = trustedProxyList(platform.trustedProxies);
  const publicPaths = new Set([...ALWAYS_PUBLIC, ...(options.publicPaths ?? [])]);
  const jsonLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const uploadLimit = options.uploadLimitBytes ?? 20 * 1024 * 1024;

  app.use(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    const log = platform.logger.child({ requestId });
    c.set("platform", platform);
    c.set("requestId", requestId);
    c.set("log", log);
    c.set("shell", shell);
    c.set("session", null);
    c.set("sessionToken", null);
    const client = resolveClient(
      {
        peer: peerAddress(c),
        forwardedFor: c.req.header("x-forwarded-for"),
        forwardedProto: c.req.header("x-forwarded-proto"),
        urlProtocol: new URL(c.req.url).protocol,
      },
      trusted,
    );
    c.set("clientSecure", client.secure);
    c.set("actor", { user: null, sourceIp: client.address, requestId });
    const started = performance.now();
    await next();
    c.header("X-Request-Id", requestId);
    const user = c.get("session")?.user.loginId;
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user,
      },
      "request",
    );
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "same-origin",
    }),
  );

  const tooLarge = () => {
    throw new PlatformError("PAYLOAD_TOO_LARGE");
  };
  const smallBody = bodyLimit({ maxSize: jsonLimit, onError: tooLarge });
  const uploadBody = bodyLimit({ maxSize: uploadLimit, onError: tooLarge });
  app.use(async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const multipart = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
    return (multipart ? uploadBody : smallBody)(c, next);
  });

  app.onError((error, c) => {
    // A body the runtime cannot parse (e.g. a CR/LF inside a multipart file name) is the client's fault.
    const unparsable = error instanceof TypeError && /^Failed to parse body as/.test(error.message);
    const known = isPlatformError(error)
      ? error
      : unparsable
        ? new PlatformError("BAD_REQUEST", { message: error.message })
        : undefined;
    const code = known?.code ?? "INTERNAL";
    const status = known?.status ?? 500;
    if (status >= 500) c.get("log").error({ err: error }, "request failed");
    else c.get("log").info({ code }, "request refused");
    const message = known?.messageJa ?? ERROR_CATALOG.INTERNAL.ja;
    const issues = known?.issues ?? [];
    if (code === "SESSION_EXPIRED" || code === "UNAUTHENTICATED")
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
    if (wantsJson(c)) {
      return c.json(
        { error: { code, message, requestId: c.get("requestId"), ...(issues.length ? { issues } : {}) } },
        status as 400,
      );
    }
    if ((code === "SESSION_EXPIRED" || code === "UNAUTHENTICATED") && c.req.method === "GET") {
      const reason = code === "SESSION_EXPIRED" ? "expired" : "required";
      return c.redirect(`/login?reason=${reason}&next=${encodeURIComponent(c.req.path)}`, 303);
    }
    return renderPage(c, {
      title: "エラー",
      error: message,
      body: html`<p>エラーコード: <code>${code}</code>（問い合わせ番号: <code>${c.get("requestId")}</code>）</p>
<p><a href="/">ホームへ戻る</a></p>`,
      status: status as 400,
    });
  });

  app.notFound(() => {
    throw new PlatformError("NOT_FOUND");
  });

  // Moves and retirements whose day has begun apply before any session or login is looked at.
  app.use(async (_c, next) => {
    await applyMovesWhenDue(platform, applyDueMoves);
    await next();
  });

  // Sessions, then the login gate, then CSRF.
  app.use(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let expired = false;
    if (token) {
      const lookup = await resolveSession(platform, token);
      if (lookup.status === "valid") {
        const user = await withGrants(platform, lookup.session.user);
        c.set("session", { ...lookup.session, user });
        c.set("sessionToken", token);
        c.set("actor", { ...c.get("actor"), user });
      } else expired = true;
    }
    const session = c.get("session");
    if (!publicPaths.has(c.req.path) && !session) {
      throw new PlatformError(expired ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
    }
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header("origin");
      const host = c.req.header("host") ?? new URL(c.req.url).host;
      if (origin === "null") throw new PlatformError("CSRF_FAILED", { message: "opaque origin" });
      if (origin && URL.canParse(origin) && new URL(origin).host !== host) {
        throw new PlatformError("CSRF_FAILED", { message: `origin ${origin}` });
      }
      const submitted = await submittedCsrf(c);
      const expected = session ? session.csrfToken : getCookie(c, LOGIN_CSRF_COOKIE);
      // A JSON login has no cookie yet: its Content-Type already forces a CORS preflight.
      const jsonLogin = !session && (c.req.header("content-type") ?? "").startsWith("application/json");
      if (!jsonLogin && !sameToken(submitted, expected)) throw new PlatformError("CSRF_FAILED");
    }
    if (
      session?.user.mustChangePassword &&
      !["/account/password", "/logout", "/api/logout", "/assets/shell.css"].includes(c.req.path)
    ) {
      if (wantsJson(c)) throw new PlatformError("FORBIDDEN", { messageJa: "パスワードを変更してください。" });
      return c.redirect("/account/password?reason=first", 303);
    }
    await next();
    if (session) c.header("Cache-Control", "no-store");
  });

  app.get("/assets/shell.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(SHELL_CSS);
  });

  app.get("/health", async (c) => {
    const started = performance.now();
    await platform.db.selectFrom("audit_head").select("seq").executeTakeFirst();
    return c.json({
      status: "ok",
      app: platform.appName,
      storage: platform.kind,
      dbMs: Math.round(performance.now() - started),
    });
  });

  registerBuiltinRoutes(app, {
    newLoginCsrf: () => randomBytes(24).toString("base64url"),
    authorizeFileRead: options.authorizeFileRead,
  });
  registerOrgAdminRoutes(app, { setupChecklist: options.setupChecklist });
  registerAccountImportRoutes(app);
  registerUserMoveRoutes(app, options.userGrants);
  options.routes?.(app);
  return app;
}
