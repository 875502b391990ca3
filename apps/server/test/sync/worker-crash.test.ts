import { type ChildProcess, spawn } from "node:child_process";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { createTestApp, TEST_JWT_SECRET, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const STALE_SECS = 5;

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      SYNC_STALE_SECS: String(STALE_SECS),
      SYNC_CONCURRENCY: "2",
      ALLOW_PRIVATE_HOSTS: "1", // the board is on loopback
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes("worker ready")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk) => {
      output += String(chunk);
    });
    child.on("exit", (code) => reject(new Error(`worker exited ${code}: ${output}`)));
  });
}

describe.runIf(databaseKinds().includes("postgres"))("worker processes on PostgreSQL", () => {
  let t: TestApp;
  let board: FixtureBoard;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    board = await startBoard({ seed: 11, pagesPerKeyword: 4 });
    t = await createTestApp("postgres", { syncStaleSecs: STALE_SECS });
    await createSource(t, "Crashy", board.url, { search_keywords: ["python-developer", "ke-toan"], max_pages: 4 });
    workers.push(await startWorker(t.db.url!), await startWorker(t.db.url!));
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await t.close();
    await board.close();
  });

  it("two parallel starts with two worker processes: exactly one 202 and one 409", async () => {
    const [a, b] = await Promise.all([startSync(t, "Crashy"), startSync(t, "Crashy")]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    const id = (a.statusCode === 202 ? a : b).json().job_id;
    expect((await waitFinal(t, id)).status).toBe("completed");
  });

  it("kill -9 of the worker mid-sync: failed 'interrupted' within the stale interval, then a clean re-sync", async () => {
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.setFaults([{ type: "latency", ms: 150, kind: "detail" }]);
    const id = (await startSync(t, "Crashy")).json().job_id;
    const running = await waitFor(async () => {
      const rows = await queryRows<{ worker_id: string | null; step: string | null }>(
        t.db.database.db,
        sql`SELECT worker_id, current_step AS step FROM sync_jobs WHERE id = ${id} AND status = 'running'`,
      );
      return rows[0]?.step === "crawl_jobs" ? rows[0] : null;
    });
    const pid = Number(running.worker_id!.split(":")[1]);
    const victim = workers.find((w) => w.pid === pid)!;
    expect(victim).toBeDefined();
    victim.kill("SIGKILL");
    const failed = await waitFinal(t, id, 60_000);
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe("interrupted: worker stopped");
    // reaped because its heartbeat went stale, not earlier
    const [timing] = await queryRows<{ silent_secs: number }>(
      t.db.database.db,
      sql`SELECT extract(epoch FROM finished_at - heartbeat_at)::float AS silent_secs FROM sync_jobs WHERE id = ${id}`,
    );
    expect(timing!.silent_secs).toBeGreaterThanOrEqual(STALE_SECS);
    board.setFaults([]);

    const next = (await startSync(t, "Crashy")).json().job_id;
    const done = await waitFinal(t, next);
    expect(done.status).toBe("completed");
    const counts = await queryRows<{ total: number; distinct_ids: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS total, count(DISTINCT (data_source_id, external_id))::int AS distinct_ids FROM job_postings`,
    );
    expect(counts[0]!.total).toBe(counts[0]!.distinct_ids);
    expect(counts[0]!.total).toBe(
      done.stats.jobs_found - done.stats.jobs_invalid - done.stats.duplicates_by_reason.same_url,
    );
  });
});
