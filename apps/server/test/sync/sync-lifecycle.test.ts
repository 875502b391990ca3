import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createPendingSyncJob, createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("sync job lifecycle on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 5, pagesPerKeyword: 1 });
    t = await createTestApp(kind, { syncRetention: 3 }, { worker: true });
    await createSource(t, "Tiny", board.url, { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("keeps the newest SYNC_RETENTION finished sync jobs, with their events", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = (await startSync(t, "Tiny")).json().job_id;
      ids.push(id);
      expect((await waitFinal(t, id)).status).toBe("completed");
    }
    // retention runs right after a sync job is final: wait for it rather than racing it
    const rows = await waitFor(async () => {
      const found = await queryRows<{ id: string }>(
        t.db.database.db,
        sql`SELECT id FROM sync_jobs ORDER BY created_at`,
      );
      return found.length === 3 ? found : null;
    });
    expect(rows.map((r) => r.id)).toEqual(ids.slice(2));
    const orphans = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM sync_job_events e WHERE NOT EXISTS (SELECT 1 FROM sync_jobs j WHERE j.id = e.sync_job_id)`,
    );
    expect(orphans[0]!.n).toBe(0);
    const events = await t.services.syncJobRepository.events(ids[4]!);
    expect(events.map((e) => e.message)).toContain("Initialize started");
    expect(events.at(-1)?.message).toBe("Sync job completed");
  });

  it("fails at Check Availability with the reason when the site is unreachable", async () => {
    await createSource(t, "Gone", "http://127.0.0.1:9", {});
    const job = await waitFinal(t, (await startSync(t, "Gone")).json().job_id);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/^Check Availability: site unavailable: /);
    const steps = Object.fromEntries(job.steps.map((s) => [s.key, s]));
    expect(steps.check_availability!.status).toBe("failed");
    expect(steps.check_availability!.error).toMatch(/site unavailable/);
    expect(steps.crawl_jobs!.status).toBe("skipped");
    expect(steps.crawl_jobs!.message).toBe("Not run: Check Availability failed");
    expect(steps.cleanup!.status).toBe("completed");
  });

  it("reports a challenge page as blocked by the site, not as a parse failure", async () => {
    board.setFaults([{ type: "challenge", kind: "listing" }]);
    try {
      const job = await waitFinal(t, (await startSync(t, "Tiny")).json().job_id);
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/^Crawl Jobs: blocked by the site/);
    } finally {
      board.setFaults([]);
    }
  });

  it("a sync job whose worker stopped heartbeating is queued again as its next attempt, and completes", async () => {
    const id = await createPendingSyncJob(t, "Tiny", 3);
    await t.services.syncJobTransitions.claim(id, "dead-worker");
    await t.db.database.db.execute(
      sql`UPDATE sync_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = ${id}`,
    );
    expect(await t.services.syncJobTransitions.reapStale(60)).toEqual([
      { id, to: "pending", attempt: 2, maxAttempts: 3 },
    ]);
    // the source stays locked while the sync job waits for its next attempt
    expect((await startSync(t, "Tiny")).statusCode).toBe(409);
    await t.services.queue.enqueue(id);
    const job = await waitFinal(t, id);
    expect(job).toMatchObject({ status: "completed", attempt: 2, max_attempts: 3 });
    const events = await t.services.syncJobRepository.events(id);
    expect(events.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        "The worker stopped; queued again as attempt 2 of 3, to resume from its checkpoint",
        "Resumed after the worker stopped (attempt 2 of 3)",
      ]),
    );
  });

  it("on its last attempt a sync job whose worker stopped fails 'interrupted', releasing the source", async () => {
    const id = await createPendingSyncJob(t, "Tiny", 1);
    await t.services.syncJobTransitions.claim(id, "dead-worker");
    await t.db.database.db.execute(
      sql`UPDATE sync_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = ${id}`,
    );
    expect(await t.services.syncJobTransitions.reapStale(60)).toEqual([
      { id, to: "failed", attempt: 1, maxAttempts: 1 },
    ]);
    const job = await t.services.syncJobs.get(id);
    expect(job).toMatchObject({ status: "failed", error: "interrupted: worker stopped" });
    expect(job.steps.every((s) => s.status === "skipped")).toBe(true);
    const res = await startSync(t, "Tiny");
    expect(res.statusCode).toBe(202);
    expect((await waitFinal(t, res.json().job_id)).status).toBe("completed");
  });

  it("a pending sync job cancelled before any worker took it has all its steps skipped", async () => {
    const id = await createPendingSyncJob(t, "Tiny", 3);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${id}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(res.json().status).toBe("cancelled");
    expect(res.json().steps.every((s: { status: string }) => s.status === "skipped")).toBe(true);
  });
});
