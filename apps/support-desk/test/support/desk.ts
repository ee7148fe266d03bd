import {
  addGroupMember,
  createDepartment,
  createGroup,
  createPlatform,
  createUser,
  type Platform,
  type PlatformEnv,
  SYSTEM,
} from "@ward/platform";
import type { Hono } from "hono";
import { pino } from "pino";
import {
  createSupportDesk,
  type SupportDesk,
  type SupportDeskOptions,
} from "../../src/http/create-support-desk.js";
import { supportDeskMigrations } from "../../src/storage/schema.js";
import type { DeskStorage } from "./databases.js";

export const PASSWORD = "Kanri-Test-Pass-42!";
export const MASTER_KEY = Buffer.alloc(32, 7).toString("base64");

/** A desk on in-memory PGlite (or the given storage: a PGlite data dir or a PostgreSQL schema). */
export async function openTestDesk(
  options: SupportDeskOptions & { dataDir?: string; storage?: DeskStorage } = {},
) {
  const { storage: chosen, dataDir, ...deskOptions } = options;
  const storage: DeskStorage = chosen ?? (dataDir ? { dataDir } : { memory: true });
  const platform: Platform = await createPlatform({
    appName: "support-desk",
    ...storage,
    masterKey: MASTER_KEY,
    logger: pino({ level: "silent" }),
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    env: {},
    initialAdminPassword: PASSWORD,
    onInitialAdmin: () => undefined,
    migrations: supportDeskMigrations,
  });
  const support = await createSupportDesk(platform, { env: {}, ...deskOptions });
  return { platform, ...support };
}

/** Creates the organisation the tests use (only once per platform). */
export async function seedOrganisation(platform: Platform) {
  // The first admin must change its one-time password at first login; tests skip that step.
  await platform.db
    .updateTable("users")
    .set({ must_change_password: false })
    .where("login_id", "=", "admin")
    .execute();
  const soumu = await createDepartment(platform, SYSTEM, { code: "soumu", name: "総務課" });
  const kumin = await createDepartment(platform, SYSTEM, { code: "kumin", name: "区民課" });
  const make = async (
    loginId: string,
    role: "staff" | "department_admin" | "read_only",
    departmentId: number,
  ) =>
    (
      await createUser(platform, SYSTEM, {
        loginId,
        displayName: loginId,
        role,
        departmentId,
        password: PASSWORD,
      })
    ).user;
  const alice = await make("alice", "staff", soumu.id);
  const bob = await make("bob", "staff", kumin.id);
  const carol = await make("carol", "staff", kumin.id);
  const head = await make("soumu-head", "department_admin", soumu.id);
  const viewer = await make("viewer", "read_only", kumin.id);
  const team = await createGroup(platform, SYSTEM, { name: "窓口チーム", departmentId: kumin.id });
  await addGroupMember(platform, SYSTEM, team.id, carol.id);
  return { soumu, kumin, alice, bob, carol, head, viewer, team };
}

/** A cookie-keeping client over `app.request`. */
export function client(app: Hono<PlatformEnv>) {
  const jar = new Map<string, string>();
  let csrf = "";
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await app.request(`http://localhost${path}`, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
  return {
    request,
    async login(loginId: string) {
      const res = await request("/api/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ loginId, password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`login ${loginId}: ${res.status} ${await res.text()}`);
      csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    },
    form(
      path: string,
      fields: Record<string, string | Blob | Array<{ name: string; data: Uint8Array; type?: string }>>,
    ) {
      const body = new FormData();
      body.set("_csrf", csrf);
      for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) {
          for (const f of v) body.append(k, new File([f.data], f.name, { type: f.type ?? "" }));
        } else body.set(k, v);
      }
      return request(path, { method: "POST", body });
    },
    json(path: string, value: unknown) {
      return request(path, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify(value),
      });
    },
  };
}

export type TestDesk = Awaited<ReturnType<typeof openTestDesk>> & SupportDesk;
