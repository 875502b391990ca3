import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { killAllWorkerProcesses, startWorkerProcess, type WorkerProcess } from "./worker-process";

/**
 * PostgreSQL mode with real worker processes: 2 workers × 4 sources without double work, then 20 syncs while a chaos
 * loop kills a worker with SIGKILL at random moments and starts a new one. Every sync job whose worker was killed
 * under it is failed "interrupted: worker stopped" once its heartbeat is stale; every other one completes; the
 * postings stay consistent, and a last clean sync of each source completes with exactly the served cards.
 */
const STALE_SECS = 5;
const SOURCES = ["python-developer", "ke-toan", "java-developer", "nhan-vien-kinh-doanh"];
const ROUNDS = Number(process.env.RELIABILITY_CRASH_ROUNDS ?? 5); // × 4 sources = 20 syncs
const PAGES = 3;

/** Small seeded PRNG, so a failing run can be replayed with the same seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface JobRow {
  id: string;
  status: string;
  error: string | null;
  worker_id: string | null;
  /** Epoch milliseconds. */
  started_at: number | null;
  finished_at: number | null;
  heartbeat_at: number | null;
}

const pidOf = (workerId: string | null) => Number(workerId?.split(":")[1] ?? Number.NaN);

describe.runIf(databaseKinds().includes("postgres"))("worker processes under kill -9 (PostgreSQL)", () => {
  let t: TestApp;
  let board: FixtureBoard;
  const workers: WorkerProcess[] = [];
  const killedAt = new Map<number, number>();

  beforeAll(async () => {
    board = await startBoard({ seed: 31, pagesPerKeyword: PAGES, cardsPerPage: 15, pageWeightBytes: 5_000 });
    t = await createTestApp("postgres", { syncStaleSecs: STALE_SECS });
    for (const [i, keyword] of SOURCES.entries()) {
      await createSource(t, `Lane-${i}`, board.url, { search_keywords: [keyword], max_pages: PAGES });
    }
    workers.push(...(await Promise.all([startWorkerProcess(t.db.url!), startWorkerProcess(t.db.url!)])));
  });
  afterAll(async () => {
    killAllWorkerProcesses();
    await t?.close();
    await board?.close();
  });

  const job = async (id: string) =>
    (
      await queryRows<JobRow>(
        t.db.database.db,
        sql`SELECT id, status, error, worker_id, extract(epoch FROM started_at) * 1000 AS started_at,
              extract(epoch FROM finished_at) * 1000 AS finished_at, extract(epoch FROM heartbeat_at) * 1000 AS heartbeat_at
            FROM sync_jobs WHERE id = ${id}`,
      )
    )[0]!;

  const startedEvents = async (id: string) =>
    (
      await queryRows<{ n: number }>(
        t.db.database.db,
        sql`SELECT count(*)::int AS n FROM sync_job_events WHERE sync_job_id = ${id} AND message LIKE 'Sync job started%'`,
      )
    )[0]!.n;

  it("2 worker processes × 4 sources, SYNC_CONCURRENCY 2: each sync job run once, no page fetched twice", async () => {
    board.resetStats();
    const ids = await Promise.all(SOURCES.map(async (_k, i) => (await startSync(t, `Lane-${i}`)).json().job_id));
    const finals = await Promise.all(ids.map((id) => waitFinal(t, id)));
    expect(finals.map((f) => f.status)).toEqual(SOURCES.map(() => "completed"));
    const rows = await Promise.all(ids.map(job));
    for (const id of ids) expect(await startedEvents(id)).toBe(1);
    // no worker ran more than SYNC_CONCURRENCY at once
    for (const worker of new Set(rows.map((r) => r.worker_id))) {
      const mine = rows.filter((r) => r.worker_id === worker);
      for (const r of mine) {
        const overlapping = mine.filter(
          (o) => Number(o.started_at) <= Number(r.started_at) && Number(o.finished_at) > Number(r.started_at),
        );
        expect(overlapping.length).toBeLessThanOrEqual(2);
      }
    }
    expect(new Set(rows.map((r) => pidOf(r.worker_id))).size).toBe(2);
    // every listing page and every detail page of a source was fetched exactly once
    const listings = board.stats().requests.filter((r) => r.kind === "listing" && r.status === 200);
    const urls = listings.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBe(SOURCES.length * PAGES);
    const added = finals.reduce((n, f) => n + f.stats.jobs_added, 0);
    const stored = await queryRows<{ n: number; urls: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT url)::int AS urls FROM job_postings`,
    );
    expect(stored[0]!.n).toBe(added);
    // the four sources share some postings: saved at the same moment, each URL is still stored once
    expect(stored[0]!.urls).toBe(stored[0]!.n);
  });

  it(`kill -9 at random moments across ${ROUNDS * SOURCES.length} syncs: interrupted ones fail, the rest complete`, async () => {
    await t.db.database.db.execute(sql`DELETE FROM job_postings`);
    board.setFaults([{ kind: "detail", type: "latency", ms: 120 }]);
    const random = prng(Number(process.env.RELIABILITY_SEED ?? 20261128));
    let lanesRunning = SOURCES.length;
    const jobIds: string[] = [];

    const lane = async (i: number) => {
      for (let round = 0; round < ROUNDS; round++) {
        const res = await startSync(t, `Lane-${i}`);
        expect(res.statusCode, res.body).toBe(202);
        const id = res.json().job_id as string;
        jobIds.push(id);
        await waitFinal(t, id, 60_000).catch(async (error) => {
          const [row] = await queryRows(
            t.db.database.db,
            sql`SELECT status, worker_id, current_step, now() - heartbeat_at AS silent, now() - started_at AS age
                FROM sync_jobs WHERE id = ${id}`,
          );
          const alive = workers.map((w) => `${w.pid}${w.dead() ? " dead" : ""}`).join(", ");
          throw new Error(
            `${(error as Error).message}: ${JSON.stringify(row)}; workers ${alive}; killed ${[...killedAt.keys()]}`,
          );
        });
      }
      lanesRunning--;
    };
    const chaos = async () => {
      let kills = 0;
      while (lanesRunning > 0) {
        await new Promise((resolve) => setTimeout(resolve, 300 + random() * 1500));
        if (lanesRunning === 0) break;
        // one at a time: the other worker lives on (and reaps) while the victim's replacement starts
        const slot = Math.floor(random() * workers.length);
        const victim = workers[slot]!;
        killedAt.set(victim.pid, Date.now());
        victim.child.kill("SIGKILL");
        await victim.exited;
        kills++;
        workers[slot] = await startWorkerProcess(t.db.url!);
      }
      return kills;
    };
    const [kills] = await Promise.all([chaos(), ...SOURCES.map((_k, i) => lane(i))]);
    board.setFaults([]);

    const rows = await Promise.all(jobIds.map(job));
    const tally = { completed: 0, interrupted: 0 };
    for (const row of rows) {
      const where = `${row.id} ${row.status} ${row.error} on ${row.worker_id}`;
      const killed = killedAt.get(pidOf(row.worker_id));
      const killedUnder = killed !== undefined && killed < Number(row.finished_at);
      if (row.status === "completed") {
        tally.completed++;
        expect(killedUnder, `${where}: completed although its worker was killed`).toBe(false);
      } else {
        tally.interrupted++;
        expect(row.status, where).toBe("failed");
        expect(row.error, where).toBe("interrupted: worker stopped");
        expect(killedUnder, `${where}: failed without its worker being killed`).toBe(true);
        // reaped because the heartbeat went stale, and soon after
        const silent = (Number(row.finished_at) - Number(row.heartbeat_at)) / 1000;
        expect(silent, where).toBeGreaterThanOrEqual(STALE_SECS - 0.5);
        const afterKill = (Number(row.finished_at) - killed!) / 1000;
        // once a live worker's reaper runs: the stale interval plus its period, plus a replacement's start when both died
        expect(afterKill, where).toBeLessThan(STALE_SECS + 30);
      }
      expect(await startedEvents(row.id), where).toBeLessThanOrEqual(1);
    }
    console.info(`kill -9 soak: ${rows.length} syncs, ${kills} kills, ${JSON.stringify(tally)}`);
    expect(rows).toHaveLength(ROUNDS * SOURCES.length);
    expect(tally.interrupted).toBeGreaterThan(0);

    // consistency: no posting twice, and a clean sync of each source completes with exactly the served cards
    const finals = await Promise.all(
      SOURCES.map(async (_k, i) => waitFinal(t, (await startSync(t, `Lane-${i}`)).json().job_id)),
    );
    expect(finals.map((f) => f.status)).toEqual(SOURCES.map(() => "completed"));
    const stored = await queryRows<{ external_id: string; url: string }>(
      t.db.database.db,
      sql`SELECT external_id, url FROM job_postings`,
    );
    expect(new Set(stored.map((s) => s.url)).size).toBe(stored.length);
    expect(new Set(stored.map((s) => s.external_id)).size).toBe(stored.length);
    const served = new Set(SOURCES.flatMap((k) => board.expectedCards(k, PAGES).map((c) => c.external_id)));
    expect(new Set(stored.map((s) => s.external_id))).toEqual(served);
  }, 300_000);
});
