import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A throwaway HTTP server on 127.0.0.1 standing in for a model server. */
export async function startFakeServer(
  handler: (request: IncomingMessage & { body: unknown }, response: ServerResponse) => void | Promise<void>,
): Promise<{
  baseUrl: string;
  requests: { url: string; headers: IncomingMessage["headers"]; body: unknown }[];
  close: () => Promise<void>;
}> {
  const requests: { url: string; headers: IncomingMessage["headers"]; body: unknown }[] = [];
  const server = createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body: unknown = raw === "" ? undefined : JSON.parse(raw);
      requests.push({ url: request.url ?? "", headers: request.headers, body });
      void handler(Object.assign(request, { body }), response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
