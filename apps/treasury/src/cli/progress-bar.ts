/** Where the bar draws: stderr in the CLI. */
export interface ProgressSink {
  write(text: string): void;
  readonly isTTY?: boolean;
}

/**
 * A progress bar for long imports: redrawn in place on a terminal, silent when piped; `done()` ends the line.
 *
 * @example
 * const bar = progressBar(process.stderr, "取込中"); bar.update(500, 1000); bar.done();
 */
export function progressBar(sink: ProgressSink, label: string, width = 30) {
  let last = -1;
  return {
    update(done: number, total: number): void {
      if (!sink.isTTY || total === 0) return;
      const percent = Math.floor((done / total) * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round((width * done) / total);
      sink.write(
        `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(percent).padStart(3)}% ${done.toLocaleString("ja-JP")}/${total.toLocaleString("ja-JP")}件`,
      );
    },
    done(): void {
      if (sink.isTTY && last >= 0) sink.write("\n");
    },
  };
}
