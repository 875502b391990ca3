import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JobsyncMetrics } from "./jobsync-metrics";
import { judgeScrape, type MetricsAccess } from "./metrics-access";

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A worker has no API: it answers `GET /metrics` on METRICS_PORT (same access rules as the API's /metrics) and
 * nothing else.
 */
export async function startMetricsServer(
  metrics: JobsyncMetrics,
  access: MetricsAccess,
  port: number,
  host: string,
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const verdict = judgeScrape(access, request.headers.authorization);
    if (verdict !== "allowed") {
      const status = verdict === "off" ? 404 : 401;
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      response.end(verdict === "off" ? "metrics are off\n" : "a Bearer METRICS_TOKEN is required\n");
      return;
    }
    metrics
      .render()
      .then((text) => response.writeHead(200, { "content-type": metrics.contentType }).end(text))
      .catch((error: Error) => response.writeHead(500).end(`metrics failed: ${error.message}\n`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
