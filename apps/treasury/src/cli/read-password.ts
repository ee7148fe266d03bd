import type { ProgressSink } from "./progress-bar.js";

/**
 * Reads a password for `--user` from the terminal without echoing it (or the first line of a
 * piped stdin, for scripts).
 *
 * @example
 * const password = await readPassword(process.stderr, "パスワード：");
 */
export function readPassword(prompt: ProgressSink, question: string): Promise<string> {
  const stdin = process.stdin;
  prompt.write(question);
  return new Promise((resolve, reject) => {
    let text = "";
    const raw = stdin.isTTY === true;
    if (raw) stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      prompt.write("\n");
      if (error) reject(error);
      else resolve(text);
    };
    const onEnd = () => finish();
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003") return finish(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.resume();
  });
}
