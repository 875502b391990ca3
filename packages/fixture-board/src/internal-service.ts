import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** What an internal service (a cloud metadata endpoint, an admin port) must never hand to a crawled site. */
export const INTERNAL_SECRET = "aws_secret_access_key=AKIAINTERNALSECRET0000";

export interface InternalService {
  port: number;
  /** e.g. "http://127.0.0.1:40123" */
  url: string;
  /** Every path asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * For SSRF tests: an "internal" service on loopback that answers every path with a page holding INTERNAL_SECRET,
 * shaped like a TopCV card — a crawl or a "Test selectors" that reached it would read the secret as a job title —
 * and logs every path it is asked for.
 */
export async function startInternalService(): Promise<InternalService> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "/");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<html><body><div class="job-item-search-result" data-job-id="666"><h3 class="title"><a href="/viec-lam/secret/666.html"><span>${INTERNAL_SECRET}</span></a></h3></div></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
