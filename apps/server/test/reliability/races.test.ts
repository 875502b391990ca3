import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

/** Races: many starts at once for one source, and cancel racing the end of a sync job. */
const STARTS = 50;
const ROUNDS = 3;
const CANCEL_RACES = Number(process.env.RELIABILITY_CANCEL_RACES ?? 16);

describe.each(databaseKinds())("races on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 5, pagesPerKeyword: 1, cardsPerPage: 6, pageWeightBytes: 0 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Racy", board.url, { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const finalEvents = async (jobId: string) =>
    queryRows<{ message: string }>(
      t.db.database.db,
      sql`SELECT message FROM sync_job_events WHERE sync_job_id = ${jobId} AND step_key IS NULL
          AND message ~ '^Sync job (completed|cancelled|failed)'`,
    );

  it(`${STARTS} concurrent starts for one source: exactly one 202, the rest 409 naming the winner (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const before = await queryRows<{ n: number }>(t.db.database.db, sql`SELECT count(*)::int AS n FROM sync_jobs`);
      const answers = await Promise.all(Array.from({ length: STARTS }, () => startSync(t, "Racy")));
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s === 202)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(STARTS - 1);
      const winner = answers.find((a) => a.statusCode === 202)!.json().job_id as string;
      for (const loser of answers.filter((a) => a.statusCode === 409)) {
        expect(loser.json().error.details.job_id).toBe(winner);
        expect(loser.json().error.message).toBeTruthy();
      }
      const after = await queryRows<{ n: number }>(t.db.database.db, sql`SELECT count(*)::int AS n FROM sync_jobs`);
      expect(after[0]!.n - before[0]!.n).toBe(1);
      expect((await waitFinal(t, winner)).status).toBe("completed");
    }
  });

  it(`cancel racing completion ends in exactly one final status (${CANCEL_RACES} races)`, async () => {
    // how long one sync job takes here (polled closely), to spread the cancels over its whole life
    board.setFaults([{ kind: "listing", type: "latency", ms: 150 }]);
    const probeId = (await startSync(t, "Racy")).json().job_id as string;
    const started = Date.now();
    for (;;) {
      const rows = await queryRows<{ status: string }>(
        t.db.database.db,
        sql`SELECT status FROM sync_jobs WHERE id = ${probeId}`,
      );
      if (["completed", "failed", "cancelled"].includes(rows[0]!.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const span = Date.now() - started;
    const seen: Record<string, number> = {};
    for (let i = 0; i < CANCEL_RACES; i++) {
      const id = (await startSync(t, "Racy")).json().job_id as string;
      // the first while pending, then denser around the end of the sync job, where cancel races the finish
      const delay = i === 0 ? 0 : Math.round(span * (0.4 + (0.9 * i) / CANCEL_RACES));
      await new Promise((resolve) => setTimeout(resolve, delay));
      // two cancels at once, racing each other and the worker's finish
      const cancels = await Promise.all(
        [0, 1].map(() =>
          t.app.inject({
            method: "POST",
            url: `/api/v1/admin/data-sources/sync/jobs/${id}/cancel`,
            headers: bearer(t.adminToken),
          }),
        ),
      );
      for (const c of cancels) expect([200, 202, 409], c.body).toContain(c.statusCode);
      const job = await waitFinal(t, id, 60_000);
      expect(["completed", "cancelled"]).toContain(job.status);
      seen[job.status] = (seen[job.status] ?? 0) + 1;
      // one final status, written once: one final event, no step left running, and it stays final
      const events = await finalEvents(id);
      expect(
        events.map((e) => e.message),
        id,
      ).toHaveLength(1);
      expect(events[0]!.message).toContain(job.status);
      expect(job.steps.filter((s) => s.status === "running" || s.status === "pending")).toEqual([]);
      if (cancels.every((c) => c.statusCode === 409)) expect(job.status).toBe("completed");
      await new Promise((resolve) => setTimeout(resolve, 50));
      const again = await waitFinal(t, id);
      expect(again.status).toBe(job.status);
    }
    board.setFaults([]);
    console.info(`cancel races on ${kind}: span ${span} ms, ${JSON.stringify(seen)}`);
    expect(seen.completed ?? 0).toBeGreaterThan(0);
    expect(seen.cancelled ?? 0).toBeGreaterThan(0);
    // the source is free again
    const next = await startSync(t, "Racy");
    expect(next.statusCode).toBe(202);
    expect((await waitFinal(t, next.json().job_id)).status).toBe("completed");
  });
});
