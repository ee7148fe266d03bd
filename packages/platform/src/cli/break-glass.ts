#!/usr/bin/env node
// Break-glass for administrators, run on the server host by its operator:
// `ward-break-glass --login admin [--reset-password] [--enable] [--client ADDR]
//   [--data-dir DIR | --database-url URL] [--schema S] [--app NAME]`.
// Lifts the account's login locks (and optionally more), audited with the OS user as actor.
// With PGlite stop the app first (one process per data directory); with PostgreSQL it may run.
// Exit code 0 on success, 1 when the login id is unknown, 2 on bad usage.
import { hostname, userInfo } from "node:os";
import { parseArgs } from "node:util";
import { breakGlass } from "../accounts/break-glass.js";
import { createPasswordHasher } from "../accounts/password-hasher.js";
import { isPlatformError } from "../errors.js";
import { systemClock } from "../time.js";
import { openKeyedDatabase } from "./open-keyed-database.js";

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    options: {
      login: { type: "string" },
      "reset-password": { type: "boolean", default: false },
      enable: { type: "boolean", default: false },
      client: { type: "string" },
      "data-dir": { type: "string" },
      "database-url": { type: "string" },
      schema: { type: "string" },
      app: { type: "string", default: "demo" },
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
if (!values.login) {
  process.stderr.write(
    "usage: ward-break-glass --login <id> [--reset-password] [--enable] [--client ADDR] [--data-dir DIR | --database-url URL]\n",
  );
  process.exit(2);
}
const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
// The audit record of the break-glass is MACed like every other: the CLI needs the app's master key.
const database = await openKeyedDatabase({
  app: values.app ?? "demo",
  env: process.env,
  cwd: process.cwd(),
  dataDir: values["data-dir"],
  databaseUrl,
  schema: values.schema,
});
try {
  const result = await breakGlass(
    { db: database.db, clock: systemClock, hasher: createPasswordHasher() },
    {
      loginId: values.login,
      osUser: userInfo().username,
      host: hostname(),
      resetPassword: values["reset-password"],
      enable: values.enable,
      ...(values.client ? { client: values.client } : {}),
    },
  );
  process.stdout.write(`OK  ${values.login}: ロックを${result.locksLifted}件解除しました。\n`);
  if (result.clientUnblocked) process.stdout.write(`OK  接続元 ${values.client} の制限を解除しました。\n`);
  // The terminal only: never a log file.
  if (result.oneTimePassword) {
    process.stdout.write(
      `OK  一時パスワード: ${result.oneTimePassword}（表示は今回だけです。次回ログイン時に変更が必要です）\n`,
    );
  }
} catch (error) {
  if (!isPlatformError(error, "NOT_FOUND")) throw error;
  process.stderr.write(`NG  ログインID ${values.login} の利用者はいません。\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
