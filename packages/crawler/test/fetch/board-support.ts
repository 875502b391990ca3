import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FixtureBoard, type FixtureBoardOptions, startFixtureBoard } from "@jobsync/fixture-board";
import { afterEach } from "vitest";
import type { Fetcher } from "../../src/fetch/fetcher";

/** Boards and fetchers made in a test, closed after it (also when it fails). */
const open: Array<{ close(): Promise<void> }> = [];

export async function board(options: FixtureBoardOptions = {}): Promise<FixtureBoard> {
  const b = await startFixtureBoard({ pageWeightBytes: 20_000, pagesPerKeyword: 3, cardsPerPage: 10, ...options });
  open.push(b);
  return b;
}

export function track<F extends Fetcher>(fetcher: F): F {
  open.push(fetcher);
  return fetcher;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

/** Resolves once the board has received `count` requests matching `kind` (polls its log). */
export async function boardReceived(b: FixtureBoard, kind: string, count = 1): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if ((b.stats().byRoute[kind as "listing"] ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`the board never received ${count} ${kind} request(s)`);
}

/** Arrival times (board clock, ms) of the requests matching `kind`, in order. */
export function arrivals(b: FixtureBoard, kind?: string): number[] {
  return b
    .stats()
    .requests.filter((r) => kind === undefined || r.kind === kind)
    .map((r) => r.at)
    .sort((x, y) => x - y);
}

export function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] as number));
}

/** What an internal service (a cloud metadata endpoint, an admin port) must never hand a crawled site. */
export const INTERNAL_SECRET = "aws_secret_access_key=AKIAINTERNALSECRET0000";

/** An "internal" HTTP service on loopback: answers the secret to anyone, and logs every path asked. */
export async function internalService(): Promise<{ port: number; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "/");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<html><body><div class="job-item-search-result" data-job-id="666"><h3 class="title"><a href="/secret"><span>${INTERNAL_SECRET}</span></a></h3></div></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  open.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { port, url: `http://127.0.0.1:${port}`, requests };
}
