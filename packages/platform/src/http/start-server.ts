import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import { applyMovesWhenDue } from "../accounts/due-moves.js";
import { applyDueMoves } from "../accounts/user-moves.js";
import type { Platform } from "../platform.js";
import type { PlatformEnv } from "./env.js";

/** A listening server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:53211` */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes the platform. */
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Default 127.0.0.1. */
  readonly hostname?: string;
  /** Default 0 (an ephemeral port). */
  readonly port?: number;
  /** Close on SIGINT/SIGTERM; default false (the app's main turns it on). */
  readonly handleSignals?: boolean;
  /** Longest wait for in-flight requests on close; default 10,000 ms. */
  readonly graceMs?: number;
}

/**
 * Serves an app on Node with graceful shutdown.
 *
 * @example
 * ```ts
 * const server = await startServer(app, platform, { port: 3000, handleSignals: true });
 * ```
 */
export async function startServer(
  app: Hono<PlatformEnv>,
  platform: Platform,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch });
  const hostname = options.hostname ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  platform.logger.info({ url, storage: platform.location }, "listening");
  // The next process that tries the same data directory is told where the screens are.
  platform.dataDirLock?.setPort(port);
  // Moves and retirements dated today also apply when nobody uses the app at 00:00 JST.
  const movesTimer = setInterval(() => {
    applyMovesWhenDue(platform, applyDueMoves).catch((err) =>
      platform.logger.error({ err }, "applying due moves failed"),
    );
  }, 60_000);
  movesTimer.unref();
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    platform.logger.info({ signal }, "shutting down");
    void close().then(() => process.exit(0));
  };
  const close = () => {
    closing ??= (async () => {
      clearInterval(movesTimer);
      if (options.handleSignals) {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if ("closeAllConnections" in server) server.closeAllConnections();
          resolve();
        }, options.graceMs ?? 10_000);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      });
      await platform.close();
      platform.logger.info("stopped");
    })();
    return closing;
  };
  if (options.handleSignals) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  return { url, port, close };
}
