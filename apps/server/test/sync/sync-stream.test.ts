import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, getJob, servedIds, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const KEYWORDS = ["python-developer", "ke-toan"];
const PAGES = 5;

describe.each(databaseKinds())("the streaming pipeline on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 17, pagesPerKeyword: PAGES, cardsPerPage: 20, pageWeightBytes: 5_000 });
    t = await createTestApp(kind, { syncBatchSize: 10, progressIntervalMillis: 50 }, { worker: true });
    await createSource(t, "Stream", board.url, { search_keywords: KEYWORDS, max_pages: PAGES });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const rowsOf = async (jobId: string) =>
    (
      await queryRows<{ first: number; logged: number }>(
        t.db.database.db,
        sql`SELECT (SELECT count(*)::int FROM job_postings WHERE first_sync_job_id = ${jobId}) AS first,
                   (SELECT count(*)::int FROM sync_job_postings WHERE sync_job_id = ${jobId}) AS logged`,
      )
    )[0]!;

  const action = (jobId: string, verb: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/${verb}`,
      headers: bearer(t.adminToken),
    });

  let cancelledId = "";

  it("saves batches while it crawls: Crawl Jobs and Save Jobs run at once, the overall percent never goes back", async () => {
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.setFaults([{ kind: "detail", type: "latency", ms: 25 }]);
    const id = (await startSync(t, "Stream")).json().job_id as string;
    const seen: CrawlJobProgress[] = [];
    let job: CrawlJobProgress;
    do {
      job = await getJob(t, id);
      seen.push(job);
      await new Promise((resolve) => setTimeout(resolve, 40));
    } while (!["completed", "failed", "cancelled"].includes(job.status));
    board.setFaults([]);
    expect(job.status, job.error ?? "").toBe("completed");
    const step = (j: CrawlJobProgress, key: string) => j.steps.find((s) => s.key === key)!;
    const overlapping = seen.filter(
      (j) => step(j, "crawl_jobs").status === "running" && step(j, "save_jobs").status === "running",
    );
    expect(overlapping.length).toBeGreaterThan(0);
    expect(overlapping.some((j) => j.stats.jobs_added > 0)).toBe(true);
    const percents = seen.map((j) => j.progress);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // each streaming step completed after the one before it
    const finished = ["crawl_jobs", "process_jobs", "check_duplicates", "save_jobs"].map((k) =>
      Date.parse(step(job, k).finished_at!),
    );
    expect(finished).toEqual([...finished].sort((a, b) => a - b));
    expect(job.stats.jobs_added).toBe(servedIds(board, KEYWORDS, PAGES).size);
    const rows = await rowsOf(id);
    expect(rows).toEqual({ first: job.stats.jobs_added, logged: job.stats.jobs_added });
  });

  it("a cancel mid-crawl keeps every batch saved before it, searchable, and the statistics equal the rows", async () => {
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.setFaults([{ kind: "detail", type: "latency", ms: 40 }]);
    const id = (await startSync(t, "Stream")).json().job_id as string;
    await waitFor(async () => (await getJob(t, id)).stats.jobs_added >= 30);
    expect((await action(id, "cancel")).statusCode).toBe(202);
    const job = await waitFinal(t, id);
    board.setFaults([]);
    cancelledId = id;
    expect(job.status).toBe("cancelled");
    const saved = job.stats.jobs_added;
    expect(saved).toBeGreaterThanOrEqual(30);
    expect(saved).toBeLessThan(servedIds(board, KEYWORDS, PAGES).size);
    expect(await rowsOf(id)).toEqual({ first: saved, logged: saved });
    expect(job.summary?.saved_before_stop).toBe(saved);
    expect(job.summary?.message).toContain(`Cancelled: ${saved} job postings saved before the cancel`);
    const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
    expect(crawl).toMatchObject({ status: "skipped", message: "Stopped: the sync job was cancelled" });
    const search = await t.app.inject({ method: "GET", url: "/api/v1/jobs?source=Stream&page_size=100" });
    expect(search.json().total).toBe(saved);
  });

  it("Resume continues a cancelled sync job from its checkpoint: no saved page fetched again, nothing lost or twice", async () => {
    expect(cancelledId).not.toBe("");
    const covered = await queryRows<{ url: string }>(
      t.db.database.db,
      sql`SELECT p->>'url' AS url FROM sync_job_checkpoints c, jsonb_array_elements(c.pages) p
          WHERE c.sync_job_id = ${cancelledId}
          UNION ALL SELECT unnest(detail_urls) FROM sync_job_checkpoints WHERE sync_job_id = ${cancelledId}`,
    );
    expect(covered.length).toBeGreaterThan(0);
    board.resetStats();
    const res = await action(cancelledId, "resume");
    expect(res.statusCode, res.body).toBe(202);
    const next = res.json().job_id as string;
    expect((await action(cancelledId, "resume")).statusCode).toBe(409); // the source is syncing again
    const job = await waitFinal(t, next);
    expect(job).toMatchObject({ status: "completed", trigger: "resume", resumed_from: cancelledId });
    const fetched = new Set(board.stats().requests.map((r) => `${board.url}${r.url}`));
    for (const { url } of covered) expect(fetched.has(url), url).toBe(false);
    const stored = await queryRows<{ external_id: string }>(
      t.db.database.db,
      sql`SELECT external_id FROM job_postings WHERE data_source_id = (SELECT id FROM data_sources WHERE site_name = 'Stream')`,
    );
    expect(new Set(stored.map((r) => r.external_id))).toEqual(servedIds(board, KEYWORDS, PAGES));
    expect(stored).toHaveLength(servedIds(board, KEYWORDS, PAGES).size);
    expect(job.stats.jobs_added + (await getJob(t, cancelledId)).stats.jobs_added).toBe(stored.length);
    expect(job.steps.find((s) => s.key === "initialize")!.details.join("\n")).toContain(
      `Resuming from the checkpoint of sync job ${cancelledId}`,
    );
  });

  it("Resume refuses what cannot be resumed, with the reason", async () => {
    const completed = (await t.services.syncJobs.list({ status: "completed", limit: 1 })).items[0]!;
    const done = await action(completed.job_id, "resume");
    expect(done.statusCode).toBe(400);
    expect(done.json().error.message).toContain("completed: there is nothing to resume");
    expect((await action("00000000-0000-4000-8000-000000000000", "resume")).statusCode).toBe(404);
    expect((await action("not-a-uuid", "resume")).statusCode).toBe(400);
    // a sync job that failed before saving anything has no checkpoint
    await createSource(t, "Nowhere", "http://127.0.0.1:9");
    const failed = await waitFinal(t, (await startSync(t, "Nowhere")).json().job_id);
    expect(failed.status).toBe("failed");
    const none = await action(failed.job_id, "resume");
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain("no checkpoint to resume from");
    const viewer = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${failed.job_id}/resume`,
      headers: bearer(t.viewerToken),
    });
    expect(viewer.statusCode).toBe(403);
  });
});
