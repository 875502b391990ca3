import {
  type FixtureBoard,
  type FixtureBoardOptions,
  type InternalService,
  startFixtureBoard,
  startInternalService,
} from "@jobsync/fixture-board";
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

export { INTERNAL_SECRET } from "@jobsync/fixture-board";

/** An "internal" service on loopback (see the fixture board's), closed after the test. */
export async function internalService(): Promise<InternalService> {
  const service = await startInternalService();
  open.push(service);
  return service;
}
