import { type ChildProcess, spawn } from "node:child_process";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startBoard, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, TEST_JWT_SECRET, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    // the board is on loopback: a worker refuses it at connect time unless private hosts are allowed
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      ALLOW_PRIVATE_HOSTS: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes("worker ready")) resolve(child);
    });
    child.stderr!.on("data", (chunk) => {
      output += String(chunk);
    });
    child.on("exit", (code) => reject(new Error(`worker exited ${code}: ${output}`)));
  });
}

interface RunRow {
  scheduled_for: Date;
  outcome: string;
  sync_job_id: string | null;
  created_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  status: string | null;
  trigger: string | null;
  worker_id: string | null;
}

describe.runIf(databaseKinds().includes("postgres"))("a schedule every minute with two worker processes", () => {
  let t: TestApp;
  let board: FixtureBoard;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    board = await startBoard({ seed: 13, pagesPerKeyword: 1 });
    // the API process (no worker) runs pg-boss's timekeeper too: three processes compete for every tick
    t = await createTestApp("postgres");
    workers.push(await startWorker(t.db.url!), await startWorker(t.db.url!));
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await t.close();
    await board.close();
  });

  it("starts one sync job per tick, on time, never two at once", async () => {
    const source = await createSource(t, "Cron", board.url, {
      search_keywords: ["ke-toan"],
      max_pages: 1,
      fetch_details: false,
    });
    const patched = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Cron",
      headers: bearer(t.adminToken),
      payload: { schedule_cron: "* * * * *", schedule_timezone: "Asia/Ho_Chi_Minh" },
    });
    expect(patched.statusCode).toBe(200);
    const read = () =>
      queryRows<RunRow>(
        t.db.database.db,
        sql`SELECT r.scheduled_for, r.outcome, r.sync_job_id, sj.created_at, sj.started_at, sj.finished_at,
              sj.status, sj.trigger, sj.worker_id
            FROM sync_schedule_runs r LEFT JOIN sync_jobs sj ON sj.id = r.sync_job_id
            WHERE r.data_source_id = ${source.id} ORDER BY r.scheduled_for`,
      );
    const runs = await waitFor(async () => {
      const rows = await read();
      const done = rows.filter((r) => r.status === "completed");
      return done.length >= 2 ? rows : null;
    }, 200_000);
    await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Cron",
      headers: bearer(t.adminToken),
      payload: { schedule_cron: null },
    });

    const started = runs.filter((r) => r.outcome === "started");
    expect(started.length).toBeGreaterThanOrEqual(2);
    // consecutive minutes, each fired once, each sync job created after its tick and before the next one
    for (const [i, run] of started.entries()) {
      const tick = new Date(run.scheduled_for).getTime();
      expect(tick % 60_000).toBe(0);
      if (i > 0) expect(tick - new Date(started[i - 1]!.scheduled_for).getTime()).toBe(60_000);
      expect(run.trigger).toBe("schedule");
      const created = new Date(run.created_at!).getTime();
      expect(created).toBeGreaterThanOrEqual(tick);
      expect(created).toBeLessThan(tick + 60_000);
    }
    // the sync jobs ran in the worker processes, one after the other
    const jobs = await queryRows<{ started_at: Date; finished_at: Date | null; worker_id: string }>(
      t.db.database.db,
      sql`SELECT started_at, finished_at, worker_id FROM sync_jobs
          WHERE data_source_id = ${source.id} AND started_at IS NOT NULL ORDER BY started_at`,
    );
    const pids = new Set(workers.map((w) => String(w.pid)));
    for (const job of jobs) expect(pids.has(job.worker_id.split(":")[1]!)).toBe(true);
    for (let i = 1; i < jobs.length; i++) {
      const previousEnd = jobs[i - 1]!.finished_at;
      expect(previousEnd).not.toBeNull();
      expect(new Date(jobs[i]!.started_at).getTime()).toBeGreaterThanOrEqual(new Date(previousEnd!).getTime());
    }
    const total = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM sync_jobs WHERE data_source_id = ${source.id}`,
    );
    expect(total[0]!.n).toBe(started.length);
  }, 240_000);
});
