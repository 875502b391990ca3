import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CrawlJobProgress } from "@jobsync/contracts";
import { scanWarc, type WarcEntry } from "@jobsync/crawler";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("a damaged page archive on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let dir: string;

  const archived = async (): Promise<{ job: CrawlJobProgress; path: string; responses: WarcEntry[] }> => {
    const job = await waitFinal(t, (await startSync(t, "Damaged")).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    const path = join(dir, `${job.job_id}.warc.gz`);
    const responses: WarcEntry[] = [];
    const scan = await scanWarc(path, (e) => {
      if (e.type === "response") responses.push(e);
    });
    expect(scan.damage).toBeNull();
    return { job, path, responses };
  };
  const reprocess = async (jobId: string) => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/reprocess`,
      headers: bearer(t.adminToken),
    });
    expect(res.statusCode, res.body).toBe(202);
    return waitFinal(t, res.json().job_id);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-damaged-"));
    board = await startBoard({ seed: 77, pagesPerKeyword: 2, cardsPerPage: 10 });
    t = await createTestApp(kind, { archiveDir: dir }, { worker: true });
    await createSource(t, "Damaged", board.url, { search_keywords: ["ke-toan"], max_pages: 2, max_jobs: 100 });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads a truncated archive up to the damage, reports its offset and reason, and processes the readable pages", async () => {
    const { job: original, path, responses } = await archived();
    const cut = responses[Math.floor(responses.length / 2)]!;
    truncateSync(path, cut.offset + Math.floor(cut.length / 2));
    board.resetStats();
    const job = await reprocess(original.job_id);
    expect(board.stats().total).toBe(0);
    expect(job.status, job.error ?? "").toBe("completed");
    const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
    // the cut response is the first unreadable record: its offset is where the damage starts
    expect(crawl.details).toContain(
      `error: the archive is damaged at offset ${cut.offset}: truncated record (the file ends inside it); the records before it are processed, the pages after it are missing`,
    );
    expect(job.stats.errors).toBeGreaterThan(1); // the damage and the pages past it
    expect(crawl.details.some((d) => /is not in the archive/.test(d))).toBe(true);
    expect(job.summary?.first_errors.some((e) => e.includes("archive is damaged"))).toBe(true);
    // the readable ones are processed: every posting the first run found is found again (its listing pages are early)
    expect(job.stats.jobs_found).toBeGreaterThan(0);
    expect(job.stats.jobs_added + job.stats.jobs_updated + job.stats.jobs_unchanged).toBe(job.stats.jobs_found);
  });

  it("stops at corrupt bytes in the middle of a record with the gzip error as the reason", async () => {
    const { job: original, path, responses } = await archived();
    const hit = responses[2]!;
    const bytes = readFileSync(path);
    bytes.fill(0x41, hit.offset + 20, hit.offset + 60);
    writeFileSync(path, bytes);
    const scan = await scanWarc(path, () => {});
    expect(scan.damage?.offset).toBe(hit.offset);
    expect(scan.damage?.reason).toMatch(/^corrupt gzip data: /);
    const job = await reprocess(original.job_id);
    const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
    expect(crawl.details.join("\n")).toContain(`the archive is damaged at offset ${hit.offset}: corrupt gzip data`);
  });
});
