import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, servedIds, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const KEYWORDS = ["python-developer", "ke-toan"];

describe.each(databaseKinds())("incremental sync on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 21, pagesPerKeyword: 4 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Incremental", board.url, {
      search_keywords: KEYWORDS,
      max_pages: 4,
      fetch_details: false,
      stop_after_known_pages: 1,
    });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const sync = async (body: object = {}) => {
    const res = await startSync(t, "Incremental", body);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitFinal(t, res.json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    return job;
  };

  it("a first sync reads every page: nothing is stored yet", async () => {
    const job = await sync();
    expect(job.stats.jobs_found).toBe(servedIds(board, KEYWORDS, 4).size);
  });

  it("the next sync stops each keyword after a page with no new posting", async () => {
    const job = await sync();
    // only page 1 of each keyword is kept: every one of its postings is stored already
    expect(job.stats.jobs_found).toBe(servedIds(board, KEYWORDS, 1).size);
    expect(job.stats.jobs_added).toBe(0);
    const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
    const caughtUp = crawl.details.filter((d) => d.includes("no new postings in 1 page in a row"));
    expect(caughtUp).toHaveLength(KEYWORDS.length);
  });

  it("full_refresh reads every page again; a bad value is a 400 naming the field", async () => {
    const job = await sync({ full_refresh: true });
    expect(job.stats.jobs_found).toBe(servedIds(board, KEYWORDS, 4).size);
    expect(job.steps.find((s) => s.key === "crawl_jobs")!.details).toContain(
      "full refresh: every planned page is read",
    );
    const bad = await startSync(t, "Incremental", { full_refresh: "yes" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain("full_refresh");
  });
});
