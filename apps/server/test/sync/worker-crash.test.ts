import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { killAllWorkerProcesses, startWorkerProcess, type WorkerProcess } from "../reliability/worker-process";
import { createSource, servedIds, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const STALE_SECS = 5;
const KEYWORDS = ["python-developer", "ke-toan"];
const PAGES = 5;

/** Real `npm run worker` processes on PostgreSQL: kill -9, SIGTERM and exhausted attempts. */
describe.runIf(databaseKinds().includes("postgres"))("worker processes on PostgreSQL", () => {
  let t: TestApp;
  let board: FixtureBoard;
  const workers: WorkerProcess[] = [];
  const env = { SYNC_BATCH_SIZE: "10", SYNC_STALE_SECS: String(STALE_SECS) };
  beforeAll(async () => {
    board = await startBoard({ seed: 11, pagesPerKeyword: PAGES, cardsPerPage: 20, pageWeightBytes: 5_000 });
    t = await createTestApp("postgres", { syncStaleSecs: STALE_SECS });
    await createSource(t, "Crashy", board.url, { search_keywords: KEYWORDS, max_pages: PAGES });
    workers.push(...(await Promise.all([startWorkerProcess(t.db.url!, env), startWorkerProcess(t.db.url!, env)])));
  });
  afterAll(async () => {
    killAllWorkerProcesses();
    await t.close();
    await board.close();
  });

  const holder = async (id: string) => {
    const rows = await queryRows<{ worker_id: string | null; attempt: number; saved: number }>(
      t.db.database.db,
      sql`SELECT worker_id, attempt,
            (SELECT count(*)::int FROM sync_job_postings WHERE sync_job_id = ${id}) AS saved
          FROM sync_jobs WHERE id = ${id} AND status = 'running'`,
    );
    return rows[0] ?? null;
  };
  const workerOf = (workerId: string) => workers.find((w) => w.pid === Number(workerId.split(":")[1]))!;
  const replace = async (victim: WorkerProcess) => {
    await victim.exited;
    workers.splice(workers.indexOf(victim), 1, await startWorkerProcess(t.db.url!, env));
  };
  /** URLs covered by the sync job's checkpoints of attempts before `attempt`. */
  const savedBefore = async (id: string, attempt: number) =>
    (
      await queryRows<{ url: string }>(
        t.db.database.db,
        sql`SELECT p->>'url' AS url FROM sync_job_checkpoints c, jsonb_array_elements(c.pages) p
            WHERE c.sync_job_id = ${id} AND c.attempt < ${attempt}
            UNION ALL SELECT unnest(detail_urls) FROM sync_job_checkpoints WHERE sync_job_id = ${id} AND attempt < ${attempt}`,
      )
    ).map((r) => r.url);
  const fetchCounts = () => {
    const counts = new Map<string, number>();
    for (const r of board.stats().requests) {
      if (r.status !== 200) continue;
      counts.set(`${board.url}${r.url}`, (counts.get(`${board.url}${r.url}`) ?? 0) + 1);
    }
    return counts;
  };

  it("two parallel starts with two worker processes: exactly one 202 and one 409", async () => {
    const [a, b] = await Promise.all([startSync(t, "Crashy"), startSync(t, "Crashy")]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    const id = (a.statusCode === 202 ? a : b).json().job_id;
    expect((await waitFinal(t, id)).status).toBe("completed");
  });

  it("kill -9 mid-crawl with a second worker alive: completes on attempt 2 with exactly the served postings", async () => {
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.resetStats();
    board.setFaults([{ type: "latency", ms: 60, kind: "detail" }]);
    const id = (await startSync(t, "Crashy")).json().job_id as string;
    const running = await waitFor(async () => {
      const row = await holder(id);
      return row && row.saved >= 30 ? row : null;
    });
    const victim = workerOf(running.worker_id!);
    victim.child.kill("SIGKILL");
    const replaced = replace(victim);
    board.setFaults([]);
    const done = await waitFinal(t, id, 90_000);
    await replaced;
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.attempt).toBe(2);
    const served = servedIds(board, KEYWORDS, PAGES);
    const stored = await queryRows<{ external_id: string }>(
      t.db.database.db,
      sql`SELECT external_id FROM job_postings`,
    );
    expect(new Set(stored.map((r) => r.external_id))).toEqual(served);
    expect(stored).toHaveLength(served.size);
    // the statistics equal the rows: attempt 2 started from what attempt 1 had saved
    expect(done.stats.jobs_added).toBe(served.size);
    // no page saved before the kill was fetched again
    const counts = fetchCounts();
    const saved = await savedBefore(id, 2);
    expect(saved.length).toBeGreaterThan(0);
    for (const url of saved) expect(counts.get(url), url).toBe(1);
    const events = await t.services.syncJobRepository.events(id);
    expect(events.map((e) => e.message)).toContain("Resumed after the worker stopped (attempt 2 of 3)");
  });

  it("SIGTERM: the stopping worker hands its sync job back and another one finishes it, on the same attempt", async () => {
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.resetStats();
    board.setFaults([{ type: "latency", ms: 60, kind: "detail" }]);
    const id = (await startSync(t, "Crashy")).json().job_id as string;
    const running = await waitFor(async () => {
      const row = await holder(id);
      return row && row.saved >= 20 ? row : null;
    });
    const victim = workerOf(running.worker_id!);
    victim.child.kill("SIGTERM");
    expect(await victim.exited).toBe(0);
    // what it had saved when it stopped (its checkpoint, attempt 1)
    const saved = await savedBefore(id, 2);
    expect(saved.length).toBeGreaterThan(0);
    const replaced = replace(victim);
    board.setFaults([]);
    const done = await waitFinal(t, id, 90_000);
    await replaced;
    expect(done).toMatchObject({ status: "completed", attempt: 1 });
    expect(done.stats.jobs_added).toBe(servedIds(board, KEYWORDS, PAGES).size);
    const events = await t.services.syncJobRepository.events(id);
    expect(events.map((e) => e.message)).toContain(
      "The worker stopped; the sync job is queued again to resume from its checkpoint",
    );
    // resumed from the checkpoint: no page saved before the stop was fetched again
    const counts = fetchCounts();
    for (const url of saved) expect(counts.get(url), url).toBe(1);
  });

  it("a worker killed on every attempt: after the last one the sync job fails 'interrupted: worker stopped'", async () => {
    board.setFaults([{ type: "latency", ms: 400, kind: "detail" }]);
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    const id = (await startSync(t, "Crashy")).json().job_id as string;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const running = await waitFor(async () => {
        const row = await holder(id);
        return row && row.attempt === attempt ? row : null;
      }, 90_000).catch(async (error) => {
        const [row] = await queryRows(
          t.db.database.db,
          sql`SELECT status, attempt, worker_id, error, now() - heartbeat_at AS silent FROM sync_jobs WHERE id = ${id}`,
        );
        throw new Error(`attempt ${attempt}: ${(error as Error).message}: ${JSON.stringify(row)}`);
      });
      const victim = workerOf(running.worker_id!);
      victim.child.kill("SIGKILL");
      await replace(victim);
    }
    const done = await waitFinal(t, id, 90_000);
    board.setFaults([]);
    expect(done).toMatchObject({ status: "failed", error: "interrupted: worker stopped", attempt: 3, max_attempts: 3 });
    expect(done.steps.some((s) => s.status === "running" || s.status === "pending")).toBe(false);
  }, 300_000);
});
