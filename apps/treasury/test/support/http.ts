import type { PlatformEnv } from "@ward/platform";
import type { Hono } from "hono";

/** A tiny cookie-keeping client over `app.request` (no network). */
export function testClient(app: Hono<PlatformEnv>) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", cookieHeader());
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
  let csrf = "";
  return {
    jar,
    request,
    get csrf() {
      return csrf;
    },
    async loginJson(loginId: string, password: string): Promise<Response> {
      const res = await request("/api/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ loginId, password }),
      });
      if (res.ok) csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
      return res;
    },
    json(path: string, body: unknown, method = "POST"): Promise<Response> {
      return request(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify(body),
      });
    },
  };
}
