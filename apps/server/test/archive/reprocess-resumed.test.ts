import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, getJob, servedIds, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const KEYWORDS = ["python-developer", "ke-toan"];
const PAGES = 4;

describe.each(databaseKinds())("re-processing a resumed sync job on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-reprocess-resumed-"));
    board = await startBoard({ seed: 23, pagesPerKeyword: PAGES, cardsPerPage: 20, pageWeightBytes: 5_000 });
    t = await createTestApp(kind, { archiveDir: dir, syncBatchSize: 10, progressIntervalMillis: 50 }, { worker: true });
    await createSource(t, "Resumed-Archive", board.url, { search_keywords: KEYWORDS, max_pages: PAGES });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const action = (jobId: string, verb: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/${verb}`,
      headers: bearer(t.adminToken),
    });

  it("reads the pages the Resume restored from the archive of the sync job it resumed: every posting, no request", async () => {
    board.setFaults([{ kind: "detail", type: "latency", ms: 40 }]);
    const cancelled = (await startSync(t, "Resumed-Archive")).json().job_id as string;
    await waitFor(async () => (await getJob(t, cancelled)).stats.jobs_added >= 20);
    expect((await action(cancelled, "cancel")).statusCode).toBe(202);
    expect((await waitFinal(t, cancelled)).status).toBe("cancelled");
    board.setFaults([]);
    const resumedRes = await action(cancelled, "resume");
    expect(resumedRes.statusCode, resumedRes.body).toBe(202);
    const resumed = await waitFinal(t, resumedRes.json().job_id);
    expect(resumed.status, resumed.error ?? "").toBe("completed");
    expect(resumed.stats.pages_restored).toBeGreaterThan(0);

    board.resetStats();
    const started = await action(resumed.job_id, "reprocess");
    expect(started.statusCode, started.body).toBe(202);
    const job = await waitFinal(t, started.json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(board.stats().total).toBe(0);
    expect(JSON.stringify(job)).not.toContain("not in the archive");
    expect(job.stats.pages_failed).toBe(0);
    expect(job.stats.jobs_found).toBe(servedIds(board, KEYWORDS, PAGES).size);
    expect(job.stats.jobs_added).toBe(0);
    const initialize = job.steps.find((s) => s.key === "initialize")!;
    expect(initialize.details.join("\n")).toContain(`with the archives of the sync jobs it resumed: ${cancelled}`);
  });
});
