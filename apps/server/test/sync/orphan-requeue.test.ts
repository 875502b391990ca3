import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createPendingSyncJob, createSource, startBoard, waitFinal } from "../support/sync-helpers";
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

  it("is queued again after the stale interval and runs to completion, once", async () => {
    // a sync job row with no queue message waiting: what a worker killed right after taking the message leaves
    const id = await createPendingSyncJob(t, "Orphan");
    const job = await waitFinal(t, id, 60_000);
    expect(job.status).toBe("completed");
    expect(job.stats.jobs_found).toBeGreaterThan(0);
    expect(job.attempt).toBe(1);
  });

  it("queueing a sync job again while its message still waits adds no second message", async () => {
    await t.services.worker.stop();
    await t.services.queue.stop(); // no worker takes the messages now
    const id = await createPendingSyncJob(t, "Orphan");
    await t.services.queue.enqueue(id);
    await t.services.queue.enqueue(id);
    await t.services.queue.enqueue(id);
    // what pg-boss holds (read here to check the queue's policy, never by the product)
    const rows = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'jobId' = ${id} AND state = 'created'`,
    );
    expect(rows[0]!.n).toBe(1);
  });
});
