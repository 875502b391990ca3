import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("a pending sync job whose queue message died with a worker, on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 13, pagesPerKeyword: 1 });
    t = await createTestApp(kind, { syncStaleSecs: 2 }, { worker: true });
    await createSource(t, "Orphan", board.url, { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("is queued again after the stale interval and runs to completion", async () => {
    const source = (await t.services.dataSourceRepository.findRow("Orphan"))!;
    // a sync job row with no queue message waiting: what a worker killed right after taking the message leaves
    const created = await t.services.syncJobRepository.create({
      dataSourceId: source.id,
      siteName: "Orphan",
      maxJobs: 20,
      trigger: "manual",
      requestedBy: null,
    });
    const id = "created" in created ? created.created.job_id : "";
    expect(await t.services.queue.hasWaitingMessage(id)).toBe(false);
    const job = await waitFinal(t, id, 60_000);
    expect(job.status).toBe("completed");
    expect(job.stats.jobs_found).toBeGreaterThan(0);
  });
});
