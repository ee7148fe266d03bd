// `pnpm treasury …`: the clerk's command line (import, tally, generate, zengin).
import { toIsoDate } from "@ward/calendar-jp";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  today: toIsoDate(new Date()),
});
