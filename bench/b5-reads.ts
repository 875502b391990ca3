import { fileURLToPath } from "node:url";
import type { BenchContext, Benchmark } from "./bench-types";
import { type BenchDbKind, postgresAvailable } from "./lib/bench-database";
import { BENCH_JWT_SECRET } from "./lib/bench-service-options";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { httpLoad } from "./lib/http-load-client";
import { median } from "./lib/measure";
import { type Child, rssOf, startChild } from "./lib/processes";
import { type BenchRow, row } from "./lib/report";
import { loadFromChild, startBenchServer } from "./lib/server-harness";
import { openBenchApp } from "./lib/sync-harness";

const POLLERS = 200;
const SUBSCRIBERS = 1000;
/** The admin UI polls every 2 s: 200 pollers ask 100 times a second. */
const POLL_RATE = POLLERS / 2;
/** Issue 15: reading a sync job's progress costs no more than a trivial route — p99 within 1.2× of /healthz's. */
const GOAL_RATIO = 1.2;
/** A run in which nothing was answered within its window measures 0 ms: that is no answer, not a met goal. */
const withinGoal = (value: number, baseline: number) => value > 0 && baseline > 0 && value <= GOAL_RATIO * baseline;
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL("../apps/server/src/worker.ts", import.meta.url));
const SUBSCRIBER_SCRIPT = fileURLToPath(new URL("./peers/sse-subscribers.ts", import.meta.url));

interface Fanout {
  subscribers: number;
  ended: number;
  minEvents: number;
  maxEvents: number;
  sequences: number;
}

type Sample = { p99: number; rps: number };

/**
 * One server process that also runs the sync (as `npm start` does), embedded or PostgreSQL: GET of the sync job under
 * 200 pollers (flat out, and at the UI's pace) versus /healthz under the same load; with `withSse`, 1,000 SSE
 * subscribers to the same sync job, each of which must receive every event, and the server's memory per subscriber.
 */
async function readsOn(
  ctx: BenchContext,
  kind: BenchDbKind,
  withSse: boolean,
  workerProcess = false,
): Promise<BenchRow[]> {
  const label =
    kind === "postgres" ? (workerProcess ? "PostgreSQL, sync in a worker process" : "PostgreSQL") : "embedded";
  const board = await startBoardProcess({
    keywords: KEYWORDS,
    pagesPerKeyword: 40,
    cardsPerPage: 50,
    pageWeightBytes: 1024 * 1024,
  });
  const app = await openBenchApp(kind, board);
  const server = await startBenchServer(app);
  const rows: BenchRow[] = [];
  let subscribers: Child | null = null;
  let worker: Child | null = null;
  try {
    if (workerProcess) {
      // production topology: this process serves the API only (WORKERS=0), `npm run worker` syncs
      worker = startChild(TSX, [WORKER_MAIN], {
        DATABASE_URL: app.db.url ?? "",
        JWT_SECRET: BENCH_JWT_SECRET,
        ALLOW_PRIVATE_HOSTS: "1",
        LOG_LEVEL: "warn",
      });
      await worker.waitFor(/worker ready/, 120_000);
    }
    const created = await app.services.syncJobTransitions.create({
      dataSourceId: app.source.id,
      siteName: app.source.siteName,
      maxJobs: 10_000,
      trigger: "manual",
      requestedBy: null,
      maxAttempts: 1,
    });
    if (!("created" in created)) throw new Error("bench sync job not created");
    const jobId = created.created;
    const jobUrl = `${server.url}/api/v1/admin/data-sources/sync/jobs/${jobId}`;
    const auth = { authorization: `Bearer ${server.token}` };

    // SSE fan-out: memory before and after the subscribers connect, before the sync starts
    let perSubscriberRss = 0;
    let perSubscriberHeap = 0;
    if (withSse) {
      const rssBefore = rssOf(process.pid);
      const heapBefore = process.memoryUsage().heapUsed;
      subscribers = startChild(TSX, [SUBSCRIBER_SCRIPT, String(SUBSCRIBERS), `${jobUrl}/events`, server.token]);
      await subscribers.waitFor(new RegExp(`connected ${SUBSCRIBERS}`), 120_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      perSubscriberRss = (rssOf(process.pid) - rssBefore) / SUBSCRIBERS;
      perSubscriberHeap = (process.memoryUsage().heapUsed - heapBefore) / SUBSCRIBERS;
      ctx.log(`B5 ${kind}: ${SUBSCRIBERS} SSE subscribers connected; starting the sync`);
    }

    const sync = workerProcess ? app.services.queue.enqueue(jobId) : app.services.runner.run(jobId);
    for (let i = 0; i < 600 && (await app.services.syncJobRepository.status(jobId)) === "pending"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const samples: Record<"health" | "job" | "pacedHealth" | "paced", Sample[]> = {
      health: [],
      job: [],
      pacedHealth: [],
      paced: [],
    };
    const measure = async (key: "health" | "job", url: string, headers: Record<string, string>) => {
      const result = await loadFromChild(url, POLLERS, 3, headers);
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      }
      samples[key].push({ p99: result.latency.p99, rps: result.requests.average });
    };
    /**
     * The UI's pace: the pollers read the sync job at 100 req/s and /healthz at 100 req/s in the same window, one
     * after the other on each connection, so both routes meet the same stalls of the process (a window of each,
     * one after the other, compared two different moments of a sync).
     */
    const measurePaced = async () => {
      const healthUrl = `${server.url}/healthz`;
      const result = await httpLoad([healthUrl, jobUrl], POLLERS, 3, 2 * POLL_RATE, auth);
      if (result.non2xx > 0) throw new Error(`paced load: ${result.non2xx} non-2xx answers: ${result.firstFailure}`);
      const of = (url: string) => result.byUrl[url] ?? { p99: 0, count: 0 };
      samples.pacedHealth.push({ p99: of(healthUrl).p99, rps: of(healthUrl).count / 3 });
      samples.paced.push({ p99: of(jobUrl).p99, rps: of(jobUrl).count / 3 });
    };
    let stillRunning = 0;
    for (let round = 0; round < ctx.rounds; round++) {
      await measure("health", `${server.url}/healthz`, {});
      await measure("job", jobUrl, auth);
      await measurePaced();
      if ((await app.services.syncJobRepository.status(jobId)) === "running") stillRunning += 1;
    }
    // enough measured: stop the sync (subscribers then get its last events and the end)
    if ((await app.services.syncJobTransitions.requestCancel(jobId, null)) === "cancelling") {
      app.services.runner.cancelLocal(jobId);
    }
    await sync;
    for (
      let i = 0;
      i < 1200 && !["completed", "failed", "cancelled"].includes((await app.services.syncJobs.get(jobId)).status);
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const final = await app.services.syncJobs.get(jobId);
    ctx.log(`B5 ${kind}: sync ${final.status}; running during ${stillRunning} of ${ctx.rounds} load rounds`);
    if (!["completed", "cancelled"].includes(final.status))
      throw new Error(`B5 sync ended ${final.status}: ${final.error}`);
    const p99 = (key: keyof typeof samples) => median(samples[key].map((s) => s.p99));
    rows.push(
      row({
        id: "B5",
        what: `GET sync job p99, ${POLLERS} pollers at the UI's 2 s pace (${POLL_RATE} req/s, /healthz in the same window), ${label}`,
        value: p99("paced"),
        unit: "ms",
        baseline: { name: "GET /healthz p99, same window", value: p99("pacedHealth") },
        goal: `≤ ${GOAL_RATIO.toFixed(2)}×`,
        met: withinGoal(p99("paced"), p99("pacedHealth")),
        note: `sync running in ${stillRunning}/${ctx.rounds} rounds`,
      }),
      row({
        id: "B5",
        what: `GET sync job p99, ${POLLERS} pollers flat out, ${label}`,
        value: p99("job"),
        unit: "ms",
        baseline: { name: "GET /healthz p99, same load", value: p99("health") },
        goal: `≤ ${GOAL_RATIO.toFixed(2)}×`,
        met: withinGoal(p99("job"), p99("health")),
        note: `${median(samples.job.map((s) => s.rps)).toFixed(0)} req/s vs /healthz ${median(samples.health.map((s) => s.rps)).toFixed(0)}`,
      }),
    );
    if (subscribers) {
      const line = (await subscribers.waitFor(/^\{.*"subscribers".*\}$/m, 180_000))[0];
      const fanout = JSON.parse(line) as Fanout;
      const everyEvent = fanout.ended === SUBSCRIBERS && fanout.sequences === 1 && fanout.minEvents > 0;
      rows.push(
        row({
          id: "B5",
          what: `SSE: subscribers that got every event (of ${SUBSCRIBERS}), ${label}`,
          value: everyEvent ? fanout.ended : 0,
          unit: "subscribers",
          baseline: null,
          goal: `= ${SUBSCRIBERS}`,
          met: everyEvent,
          note: `${fanout.maxEvents} events each, ${fanout.sequences} distinct sequence(s)`,
        }),
        row({
          id: "B5",
          what: "SSE: server memory per subscriber",
          value: perSubscriberRss / 1024,
          unit: "KB RSS",
          baseline: null,
          goal: "",
          note: `${(perSubscriberHeap / 1024).toFixed(1)} KB of JS heap`,
        }),
      );
    }
  } finally {
    await subscribers?.stop();
    await worker?.stop();
    await server.close();
    await app.close();
    await board.close();
  }
  return rows;
}

/** B5 progress reads: embedded (with the SSE fan-out) and, when reachable, PostgreSQL. */
export const b5Reads: Benchmark = {
  id: "B5",
  title: "progress reads",
  async run(ctx) {
    const rows = await readsOn(ctx, "pglite", true);
    if (await postgresAvailable()) {
      rows.push(...(await readsOn(ctx, "postgres", false)));
      rows.push(...(await readsOn(ctx, "postgres", false, true)));
    }
    return rows;
  },
};
