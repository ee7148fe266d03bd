import { TEST_ADMIN_PASSWORD } from "./test-defaults.js";

/** What {@link testClient} needs of an app: Hono's `app.request`. */
export interface RequestableApp {
  request(input: string, init: RequestInit): Response | Promise<Response>;
}

/** A form field value for {@link TestClient.form}: text, a blob, or files to attach. */
export type TestFormValue = string | Blob | ReadonlyArray<{ name: string; data: Uint8Array; type?: string }>;

/** A cookie-keeping client over `app.request`; see {@link testClient}. */
export interface TestClient {
  /** The cookies it holds, by name. */
  readonly jar: Map<string, string>;
  /** The CSRF token of the last successful login, or `""`. */
  readonly csrf: string;
  /** Sends a request with the jar's cookies (redirects are not followed) and stores the cookies set. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Posts `/api/login`; on success keeps the CSRF token. Returns the response whatever it is. */
  loginJson(loginId: string, password: string): Promise<Response>;
  /** Like {@link TestClient.loginJson} but throws unless the login succeeds; password default {@link TEST_ADMIN_PASSWORD}. */
  login(loginId: string, password?: string): Promise<void>;
  /** Sends JSON with the CSRF header. */
  json(path: string, body: unknown, method?: string): Promise<Response>;
  /** Posts multipart form data with the `_csrf` field. */
  form(path: string, fields: Readonly<Record<string, TestFormValue>>): Promise<Response>;
}

/**
 * A cookie-keeping HTTP client over `app.request` (no network), with login and CSRF handling.
 *
 * @param app - A Hono app (or anything with its `request`).
 * @returns The client.
 * @throws Error from `login` when the login does not succeed.
 * @example
 * ```ts
 * const c = testClient(app);
 * await c.login("admin");
 * (await c.json("/api/notes", { title: "議事録" })).status; // 201
 * ```
 */
export function testClient(app: RequestableApp): TestClient {
  const jar = new Map<string, string>();
  let csrf = "";
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await app.request(`http://localhost${path}`, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
  async function loginJson(loginId: string, password: string): Promise<Response> {
    const res = await request("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ loginId, password }),
    });
    if (res.ok) csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    return res;
  }
  return {
    jar,
    get csrf() {
      return csrf;
    },
    request,
    loginJson,
    async login(loginId, password = TEST_ADMIN_PASSWORD) {
      const res = await loginJson(loginId, password);
      if (!res.ok) throw new Error(`@ward/platform: login ${loginId}: ${res.status} ${await res.text()}`);
    },
    json(path, body, method = "POST") {
      return request(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify(body),
      });
    },
    form(path, fields) {
      const body = new FormData();
      body.set("_csrf", csrf);
      for (const [name, value] of Object.entries(fields)) {
        if (typeof value === "string" || value instanceof Blob) body.set(name, value);
        else for (const f of value) body.append(name, new File([f.data], f.name, { type: f.type ?? "" }));
      }
      return request(path, { method: "POST", body });
    },
  };
}
