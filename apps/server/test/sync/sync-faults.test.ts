import { execFileSync } from "node:child_process";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, servedIds, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";

const KEYWORDS = ["python-developer", "ke-toan"];

describe("sync against a misbehaving board", () => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 21, pagesPerKeyword: 3 });
    t = await createTestApp("pglite", {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const stored = async (siteName: string) =>
    queryRows<{ external_id: string }>(
      t.db.database.db,
      sql`SELECT p.external_id FROM job_postings p JOIN data_sources d ON d.id = p.data_source_id WHERE d.site_name = ${siteName}`,
    );

  it("with 429s, 5xx bursts and resets: completes, every served card saved exactly once, retries counted", async () => {
    board.setFaults([
      { kind: "listing", type: "rate_limit", retryAfter: 1, firstN: 1 },
      { kind: "detail", type: "status", status: 503, everyNth: 7 },
      { kind: "detail", type: "reset", everyNth: 11 },
    ]);
    await createSource(t, "Faulty", board.url, { search_keywords: KEYWORDS, max_pages: 3 });
    const job = await waitFinal(t, (await startSync(t, "Faulty")).json().job_id);
    board.setFaults([]);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.stats.requests_retried).toBeGreaterThan(0);
    const ids = (await stored("Faulty")).map((r) => r.external_id);
    expect(new Set(ids).size).toBe(ids.length);
    const served = servedIds(board, KEYWORDS, 3);
    expect(new Set(ids)).toEqual(served);
    expect(job.stats.jobs_added).toBe(served.size);
  });

  it("a never-answering page fails after `timeout`, is recorded as an error, and the sync goes on", async () => {
    // the board matches paths without their query: every page of this one search hangs, the other search answers
    const hung = board.listingUrl("ke-toan", 1).replace(board.url, "").split("?")[0]!;
    board.setFaults([{ kind: "listing", type: "hang", path: hung }]);
    await createSource(t, "Hangs", board.url, {
      search_keywords: ["ke-toan", "python-developer"],
      max_pages: 3,
      timeout: 2,
      fetch_details: false,
    });
    const job = await waitFinal(t, (await startSync(t, "Hangs")).json().job_id);
    board.setFaults([]);
    expect(job.status, job.error ?? "").toBe("completed");
    // the search that answers was crawled (its postings are already stored by the source above: same URL)
    expect(job.stats.jobs_processed).toBeGreaterThan(0);
    expect(job.stats.errors).toBeGreaterThanOrEqual(1);
    expect(job.stats.pages_failed).toBeGreaterThanOrEqual(1);
    const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
    expect(crawl.details.join("\n")).toMatch(/no answer .* within 2 s/);
    expect(job.summary?.first_errors.length).toBeGreaterThan(0);
  });
});

describe("browser-mode sync in real Chromium", () => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 9, pagesPerKeyword: 1, cardsPerPage: 10 });
    t = await createTestApp("pglite", {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const chromiumProcesses = () => {
    try {
      return execFileSync("pgrep", ["-f", "chromium.*--headless"], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean).length;
    } catch {
      return 0;
    }
  };

  it("starts the browser, completes, and leaves no Chromium process behind", async () => {
    const before = chromiumProcesses();
    await createSource(t, "Browsed", board.url, {
      search_keywords: ["ke-toan"],
      max_pages: 1,
      fetcher: "browser",
      headless: true,
    });
    const job = await waitFinal(t, (await startSync(t, "Browsed")).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    const steps = Object.fromEntries(job.steps.map((s) => [s.key, s]));
    expect(steps.start_browser!.status).toBe("completed");
    expect(steps.start_browser!.message).toMatch(/Chromium/);
    expect(steps.cleanup!.details).toContain("Browser closed");
    expect(job.stats.jobs_found).toBe(servedIds(board, ["ke-toan"], 1).size);
    expect(job.stats.jobs_added).toBe(
      job.stats.jobs_found - job.stats.jobs_invalid - job.stats.duplicates_by_reason.same_url,
    );
    expect(job.stats.jobs_added).toBeGreaterThan(0);
    expect(chromiumProcesses()).toBeLessThanOrEqual(before);
  });
});
