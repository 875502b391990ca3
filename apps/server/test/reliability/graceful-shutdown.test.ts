import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { type EmbeddedServer, startEmbeddedServer } from "../support/embedded-server";
import { createSource, servedIds, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { createTestApp, TEST_JWT_SECRET, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { killAllWorkerProcesses, startWorkerProcess } from "./worker-process";

const KEYWORDS = ["python-developer", "ke-toan"];
const PAGES = 5;

/**
 * `npm start` on PostgreSQL (API and a worker in one process) gets SIGTERM in the middle of a sync: it hands the sync
 * job back (pending, same attempt, a timeline line saying so) and exits 0; a `npm run worker` then resumes it from its
 * checkpoint — no page saved before the stop is fetched again — and completes it with exactly the served postings.
 * (The same for a worker process: worker-crash.test.ts; for embedded `npm start`: embedded-restart.test.ts.)
 */
describe.runIf(databaseKinds().includes("postgres"))("SIGTERM to npm start on PostgreSQL during a sync", () => {
  let t: TestApp;
  let board: FixtureBoard;
  let server: EmbeddedServer | null = null;
  beforeAll(async () => {
    board = await startBoard({ seed: 23, pagesPerKeyword: PAGES, cardsPerPage: 20, pageWeightBytes: 5_000 });
    // this process serves the API only (no worker): the spawned npm start is the one that syncs
    t = await createTestApp("postgres");
    await createSource(t, "Stoppable", board.url, { search_keywords: KEYWORDS, max_pages: PAGES });
  });
  afterAll(async () => {
    server?.child.kill("SIGKILL");
    killAllWorkerProcesses();
    await t.close();
    await board.close();
  });

  const row = async (id: string) =>
    (
      await queryRows<{ status: string; worker_id: string | null; attempt: number; saved: number }>(
        t.db.database.db,
        sql`SELECT status, worker_id, attempt,
              (SELECT count(*)::int FROM sync_job_postings WHERE sync_job_id = ${id}) AS saved
            FROM sync_jobs WHERE id = ${id}`,
      )
    )[0];
  /** Listing and detail URLs the sync job's checkpoints cover. */
  const checkpointUrls = async (id: string) =>
    (
      await queryRows<{ url: string }>(
        t.db.database.db,
        sql`SELECT p->>'url' AS url FROM sync_job_checkpoints c, jsonb_array_elements(c.pages) p
            WHERE c.sync_job_id = ${id}
            UNION ALL SELECT unnest(detail_urls) FROM sync_job_checkpoints WHERE sync_job_id = ${id}`,
      )
    ).map((r) => r.url);

  it("hands the sync job back, exits 0, and a worker resumes it from its checkpoint on the same attempt", async () => {
    server = await startEmbeddedServer(mkdtempSync(join(tmpdir(), "jobsync-sigterm-")), {
      DATABASE_URL: t.db.url ?? "",
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_BOARD: "0",
      ALLOW_PRIVATE_HOSTS: "1",
      SYNC_BATCH_SIZE: "10",
      WEB_DIST_DIR: "/nonexistent",
    });
    board.resetStats();
    board.setFaults([{ type: "latency", ms: 150, kind: "detail" }]);
    const started = await startSync(t, "Stoppable");
    expect(started.statusCode).toBe(202);
    const id = started.json().job_id as string;
    const running = await waitFor(async () => {
      const current = await row(id);
      return current?.status === "running" && current.saved >= 20 ? current : null;
    }, 90_000);
    expect(running.worker_id).toContain(`:${server.child.pid}:`);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    server = null;
    const handedBack = await row(id);
    expect(handedBack).toMatchObject({ status: "pending", worker_id: null, attempt: 1 });
    const events = (await t.services.syncJobRepository.events(id)).map((e) => e.message);
    expect(events).toContain("The worker stopped; the sync job is queued again to resume from its checkpoint");
    const saved = await checkpointUrls(id);
    expect(saved.length).toBeGreaterThan(0);

    board.setFaults([]);
    await startWorkerProcess(t.db.url ?? "", { SYNC_BATCH_SIZE: "10" });
    const done = await waitFinal(t, id, 90_000);
    expect(done, done.error ?? "").toMatchObject({ status: "completed", attempt: 1 });
    const served = servedIds(board, KEYWORDS, PAGES);
    expect(done.stats.jobs_added).toBe(served.size);
    const stored = await queryRows<{ external_id: string }>(
      t.db.database.db,
      sql`SELECT external_id FROM job_postings`,
    );
    expect(new Set(stored.map((r) => r.external_id))).toEqual(served);
    expect(stored).toHaveLength(served.size);
    // resumed from the checkpoint: nothing saved before the stop was fetched again
    const fetched = new Map<string, number>();
    for (const r of board.stats().requests) {
      if (r.status === 200) fetched.set(`${board.url}${r.url}`, (fetched.get(`${board.url}${r.url}`) ?? 0) + 1);
    }
    for (const url of saved) expect(fetched.get(url), url).toBe(1);
    expect(done.stats.pages_restored).toBeGreaterThan(0);
  }, 240_000);
});
