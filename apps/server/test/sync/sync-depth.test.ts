import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, servedIds, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const DEPTH = 112; // like TopCV's broad searches, deeper than max_pages' old ceiling of 100

describe.each(databaseKinds())("a search deeper than 100 pages on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 23, pagesPerKeyword: DEPTH, cardsPerPage: 5, pageWeightBytes: 0 });
    t = await createTestApp(kind, {}, { worker: true });
    const deep = { search_keywords: ["ke-toan"], fetch_details: false, max_jobs: 10000 };
    await createSource(t, "Deep", board.url, { ...deep, max_pages: 1000 });
    await createSource(t, "Capped", board.url, { ...deep, max_pages: 100 });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("is crawled to its last page when max_jobs allows", async () => {
    const job = await waitFinal(t, (await startSync(t, "Deep")).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.stats.pages_fetched).toBe(DEPTH);
    expect(job.stats.jobs_added).toBe(servedIds(board, ["ke-toan"], DEPTH).size);
    expect(job.summary?.searches_cut).toBeUndefined();
  });

  it("a cap that stops it early is said in Crawl Jobs and in the summary", async () => {
    const job = await waitFinal(t, (await startSync(t, "Capped")).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.stats.pages_fetched).toBe(100);
    expect(job.steps.find((s) => s.key === "crawl_jobs")!.details).toContain(
      `ke-toan: ${DEPTH} pages on the board, 100 crawled (max_pages 100)`,
    );
    expect(job.summary?.searches_cut).toEqual([{ search: "ke-toan", pages_on_board: DEPTH, pages_crawled: 100 }]);
  });
});
