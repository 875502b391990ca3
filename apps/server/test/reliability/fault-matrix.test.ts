import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FaultRule, FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { reachedCards, storedIds } from "./reached-cards";

/**
 * The fault matrix against the fixture board: each fault alone, then mixed. Whatever happens, the sync job ends
 * completed or failed with the failing step and its reason, and the postings stored are exactly the served cards the
 * sync job reached (from the board's own request log): none lost, none twice.
 */
const KEYWORDS = ["python-developer", "ke-toan"];
const PAGES = 3;
const MB = 1024 * 1024;

interface Scenario {
  name: string;
  faults: FaultRule[];
  /** What the sync job must end as (both allowed when the fault may or may not stop it). */
  ends: Array<"completed" | "failed">;
  config?: Record<string, unknown>;
  /** Runs while the sync job runs (e.g. take the board down). */
  during?: (board: FixtureBoard) => Promise<void>;
}

const listingPath = (keyword: string) => `/tim-viec-lam-${keyword}`;

const ALONE: Scenario[] = [
  { name: "latency spikes", faults: [{ type: "latency", ms: 400, everyNth: 5 }], ends: ["completed"] },
  {
    name: "429 + Retry-After",
    faults: [{ kind: "listing", type: "rate_limit", retryAfter: 1, firstN: 1 }],
    ends: ["completed"],
  },
  {
    name: "5xx bursts",
    faults: [
      { kind: "detail", type: "status", status: 503, everyNth: 3 },
      { kind: "listing", type: "status", status: 502, firstN: 1 },
    ],
    ends: ["completed"],
  },
  { name: "connection resets", faults: [{ kind: "any", type: "reset", everyNth: 6 }], ends: ["completed", "failed"] },
  {
    name: "a page that never answers",
    faults: [{ kind: "detail", type: "hang", everyNth: 10 }],
    ends: ["completed"],
    config: { timeout: 1 },
  },
  {
    name: "a listing that never answers",
    faults: [{ kind: "listing", type: "hang", path: listingPath("ke-toan") }],
    ends: ["completed"],
    config: { timeout: 1 },
  },
  {
    name: "truncated HTML (body)",
    faults: [{ kind: "listing", type: "truncated", mode: "body", keepFraction: 0.5, everyNth: 2 }],
    ends: ["completed"],
  },
  {
    name: "truncated HTML (connection dies)",
    faults: [{ kind: "detail", type: "truncated", mode: "connection", everyNth: 3 }],
    ends: ["completed"],
  },
  {
    name: "a challenge page on one search",
    faults: [{ kind: "listing", type: "challenge", path: listingPath("python-developer") }],
    ends: ["completed"],
  },
  { name: "a challenge on every listing", faults: [{ kind: "listing", type: "challenge" }], ends: ["failed"] },
  {
    name: "a non-UTF-8 page",
    faults: [{ kind: "any", type: "charset", charset: "windows-1258", declare: "both" }],
    ends: ["completed"],
  },
  {
    name: "a non-UTF-8 page declared in <meta> only",
    faults: [{ kind: "listing", type: "charset", declare: "meta" }],
    ends: ["completed"],
  },
  {
    name: "a 10 MB page",
    faults: [
      { kind: "detail", type: "oversized", bytes: 10 * MB, framing: "chunked", everyNth: 7 },
      { kind: "listing", type: "oversized", bytes: 10 * MB, path: listingPath("ke-toan"), firstN: 1 },
    ],
    ends: ["completed"],
  },
  {
    name: "a redirect loop",
    faults: [
      { kind: "listing", type: "redirect_loop", path: listingPath("ke-toan") },
      { kind: "detail", type: "redirect_loop", everyNth: 9 },
    ],
    ends: ["completed"],
  },
  {
    name: "the board goes down mid-sync",
    faults: [{ kind: "listing", type: "latency", ms: 300 }],
    ends: ["completed", "failed"],
    config: { fetch_details: false },
    during: async (board) => {
      await waitFor(async () => (board.stats().byRouteStatus.listing?.["200"] ?? 0) >= 2, 60_000);
      await board.setOffline(true);
    },
  },
  {
    name: "down from the start",
    faults: [{ kind: "any", type: "down" }],
    ends: ["failed"],
  },
];

const MIXED_SEEDS = [1, 2, 3, 4];
const mixed = (seed: number): Scenario => ({
  name: `mixed faults, seed ${seed}`,
  faults: [
    { type: "latency", ms: 100 + seed * 50, probability: 0.1 },
    { kind: "listing", type: "rate_limit", retryAfter: 1, probability: 0.15 },
    { type: "status", status: 500 + (seed % 4), probability: 0.08 },
    { kind: "detail", type: "reset", probability: 0.05 },
    { kind: "detail", type: "hang", probability: 0.02 },
    { kind: "listing", type: "truncated", mode: seed % 2 ? "body" : "connection", probability: 0.1 },
    { kind: "detail", type: "charset", declare: "header", probability: 0.1 },
    { kind: "detail", type: "oversized", bytes: 10 * MB, framing: "gzip", probability: 0.03 },
    { kind: "detail", type: "redirect_loop", probability: 0.03 },
    { kind: "detail", type: "challenge", probability: 0.02 },
  ],
  ends: ["completed", "failed"],
  config: { timeout: 1 },
});

const outcomes: string[] = [];

describe("fault matrix", () => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 77, pagesPerKeyword: PAGES, cardsPerPage: 12, pageWeightBytes: 8_000 });
    t = await createTestApp("pglite", {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    console.info(`fault matrix outcomes:\n${outcomes.join("\n")}`);
  });

  const shownFailure = (job: CrawlJobProgress) => {
    expect(job.error, "a failed sync job says why").toBeTruthy();
    const failed = job.steps.filter((s) => s.status === "failed");
    expect(failed.length, JSON.stringify(job.steps)).toBe(1);
    expect(failed[0]!.error ?? failed[0]!.message, "the failed step says why").toBeTruthy();
    return failed[0]!.key;
  };

  let n = 0;
  const run = async (scenario: Scenario) => {
    const site = `Faults-${++n}`;
    await board.setOffline(false);
    board.setFaults([]);
    await createSource(t, site, board.url, {
      search_keywords: KEYWORDS,
      max_pages: PAGES,
      timeout: 3,
      ...scenario.config,
    });
    // postings are shared across sources by URL: start each scenario from an empty table
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.resetStats();
    board.setFaults(scenario.faults);
    const id = (await startSync(t, site)).json().job_id as string;
    await scenario.during?.(board);
    const job = await waitFinal(t, id, 170_000);
    board.setFaults([]);
    await board.setOffline(false);

    const where = `${scenario.name}: ${job.status} ${job.error ?? ""}`;
    expect(scenario.ends, where).toContain(job.status);
    const ids = await storedIds(t, site);
    const unique = new Set(ids);
    expect(unique.size, `${where}: a posting stored twice`).toBe(ids.length);
    const reached = reachedCards(board);
    const saved = job.steps.find((s) => s.key === "save_jobs")!;
    let failedStep = "";
    if (job.status === "failed") failedStep = shownFailure(job);
    if (saved.status === "completed") {
      const lost = [...reached.surely].filter((id) => !unique.has(id));
      const extra = [...unique].filter((id) => !reached.possibly.has(id));
      expect(lost, `${where}: reached but not stored`).toEqual([]);
      expect(extra, `${where}: stored but never served`).toEqual([]);
      expect(job.stats.jobs_added, where).toBe(unique.size);
    } else {
      // the sync job stopped before Save Jobs: nothing of it is written
      expect(ids, `${where}: partial write`).toEqual([]);
    }
    if (job.stats.errors > 0 || job.status === "failed")
      expect(job.summary?.first_errors.length ?? 1).toBeGreaterThan(0);
    outcomes.push(
      `| ${scenario.name} | ${job.status}${failedStep ? ` at ${failedStep}` : ""} | reached ${reached.surely.size}` +
        `${reached.possibly.size !== reached.surely.size ? `-${reached.possibly.size}` : ""} | stored ${unique.size} |` +
        ` errors ${job.stats.errors} | retried ${job.stats.requests_retried} |`,
    );
    return { job, ids: unique, reached };
  };

  for (const scenario of ALONE) {
    it(`alone: ${scenario.name}`, async () => {
      const { job, ids } = await run(scenario);
      if (scenario.name === "a challenge on every listing") {
        expect(job.error).toMatch(/blocked/);
        expect(job.steps.find((s) => s.status === "failed")!.key).toBe("crawl_jobs");
      }
      if (scenario.name === "down from the start") {
        expect(job.steps.find((s) => s.status === "failed")!.key).toBe("check_availability");
      }
      if (scenario.name.startsWith("a non-UTF-8")) {
        // decoded, not mojibake: the stored titles are the board's
        const all = KEYWORDS.flatMap((k) => board.expectedCards(k, PAGES));
        expect(ids.size).toBe(new Set(all.map((c) => c.external_id)).size);
        const rows = await t.app.inject({
          method: "GET",
          url: `/api/v1/jobs?source=Faults-${n}&page_size=100&status=all`,
          headers: { authorization: `Bearer ${t.adminToken}` },
        });
        const byId = new Map(all.map((c) => [c.external_id, c.title]));
        const items = rows.json().items as Array<{ external_id: string; title: string }>;
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(item.title).toBe(byId.get(item.external_id));
      }
    });
  }

  for (const seed of MIXED_SEEDS) {
    it(`mixed: seed ${seed}`, async () => {
      await run(mixed(seed));
    });
  }

  it("a second sync after the faults adds only what the first one missed, never a duplicate", async () => {
    const site = `Faults-${n}`; // the last mixed run's source
    board.setFaults([]);
    board.resetStats();
    const before = new Set(await storedIds(t, site));
    const job = await waitFinal(t, (await startSync(t, site)).json().job_id);
    expect(job.status).toBe("completed");
    const after = await storedIds(t, site);
    expect(new Set(after).size).toBe(after.length);
    const all = new Set(KEYWORDS.flatMap((k) => board.expectedCards(k, PAGES)).map((c) => c.external_id));
    expect(new Set(after)).toEqual(all);
    expect(job.stats.jobs_added).toBe(all.size - before.size);
  });
});
