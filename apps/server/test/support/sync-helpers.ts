import type { CrawlJobProgress } from "@jobsync/contracts";
import { type FixtureBoard, type FixtureBoardOptions, startFixtureBoard } from "@jobsync/fixture-board";
import { expect } from "vitest";
import { bearer, type TestApp } from "./test-app";

export async function startBoard(options: FixtureBoardOptions = {}): Promise<FixtureBoard> {
  return startFixtureBoard({ pageWeightBytes: 20_000, pagesPerKeyword: 3, ...options });
}

export async function createSource(
  t: TestApp,
  siteName: string,
  baseUrl: string,
  config: Record<string, unknown> = {},
) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/admin/data-sources",
    headers: bearer(t.adminToken),
    payload: {
      site_name: siteName,
      kind: "topcv",
      base_url: baseUrl,
      config: {
        search_keywords: ["python-developer", "ke-toan"],
        max_pages: 3,
        request_delay: 0,
        max_jobs: 1000,
        fetcher: "http",
        timeout: 10,
        ...config,
      },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function startSync(t: TestApp, siteName: string, body: object = {}) {
  return t.app.inject({
    method: "POST",
    url: `/api/v1/admin/data-sources/${siteName}/sync`,
    headers: bearer(t.adminToken),
    payload: body,
  });
}

export async function getJob(t: TestApp, jobId: string): Promise<CrawlJobProgress> {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/admin/data-sources/sync/jobs/${jobId}`,
    headers: bearer(t.adminToken),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/**
 * Poll the guide's progress endpoint until the sync job is final (as the UI does, every few hundred ms here), then let
 * the end handler finish what follows the end (source health, notification rows: it runs from the outbox moments
 * later), so a test reads a settled state.
 */
export async function waitFinal(t: TestApp, jobId: string, timeoutMillis = 120_000): Promise<CrawlJobProgress> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const job = await getJob(t, jobId);
    if (["completed", "failed", "cancelled"].includes(job.status)) {
      await t.services?.syncJobEnds.drain(); // a bare app (no services in hand) is not waited for
      return job;
    }
    if (Date.now() > deadline) throw new Error(`sync job ${jobId} still ${job.status} (${job.current_step})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMillis = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Unique external ids the board serves for these keywords up to maxPages. */
export function servedIds(board: FixtureBoard, keywords: string[], maxPages: number): Set<string> {
  const ids = new Set<string>();
  for (const keyword of keywords) for (const card of board.expectedCards(keyword, maxPages)) ids.add(card.external_id);
  return ids;
}

/** A pending sync job straight from the lifecycle, with no queue message (what a dead worker's message leaves). */
export async function createPendingSyncJob(t: TestApp, siteName: string, maxAttempts = 3): Promise<string> {
  const source = await t.services.dataSourceRepository.findRow(siteName);
  if (!source) throw new Error(`no data source ${siteName}`);
  const created = await t.services.syncJobTransitions.create({
    dataSourceId: source.id,
    siteName: source.siteName,
    maxJobs: 20,
    trigger: "manual",
    requestedBy: null,
    maxAttempts,
  });
  if (!("created" in created)) throw new Error(`${siteName} already has an active sync job`);
  return created.created;
}
