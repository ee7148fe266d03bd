import type { IsoDate } from "@ward/calendar-jp";
import type { Platform } from "@ward/platform";
import { runCli } from "../../src/cli/run-cli.js";

/** A CLI run in `cwd` with captured output; every `run` starts with empty `stdout` and `stderr`. */
export interface CapturedCli {
  run(...argv: string[]): Promise<number>;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `treasury` against one test platform; the CLI closes what it opens, so it gets a non-closing
 * view of `platform()`.
 */
export function capturedCli(o: {
  readonly cwd: string;
  readonly today: IsoDate;
  readonly isTTY: boolean;
  readonly platform: () => Platform;
  /** The password `--user` signs in with. */
  readonly password?: string;
}): CapturedCli {
  const out = { stdout: "", stderr: "" };
  return {
    get stdout() {
      return out.stdout;
    },
    get stderr() {
      return out.stderr;
    },
    run: (...argv) => {
      out.stdout = "";
      out.stderr = "";
      return runCli(argv, {
        stdout: {
          write: (t) => {
            out.stdout += t;
          },
        },
        stderr: {
          write: (t) => {
            out.stderr += t;
          },
          isTTY: o.isTTY,
        },
        cwd: o.cwd,
        today: o.today,
        openPlatform: async () => ({ ...o.platform(), close: async () => undefined }),
        env: {},
        os: { username: "tester", host: "test-pc" },
        password: async () => o.password ?? "",
      });
    },
  };
}
