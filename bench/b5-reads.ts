import { fileURLToPath } from "node:url";
import type { Benchmark } from "./bench-types";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { median } from "./lib/measure";
import { processTree, rssOf, startChild } from "./lib/processes";
import { type BenchRow, row } from "./lib/report";
import { loadFromChild, startBenchServer } from "./lib/server-harness";
import { openBenchApp } from "./lib/sync-harness";

const POLLERS = 200;
const SUBSCRIBERS = 1000;
/** The admin UI polls every 2 s: 200 pollers ask 100 times a second. */
const POLL_RATE = POLLERS / 2;
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const SUBSCRIBER_SCRIPT = fileURLToPath(new URL("./peers/sse-subscribers.ts", import.meta.url));

/**
 * B5 progress reads, embedded mode (the server process also runs the sync, as `npm start` does): GET of a sync job
 * under 200 concurrent pollers while it syncs, versus /healthz under the same load; and 1,000 SSE subscribers to the
 * same sync job, each of which must receive every event, with the server's memory per subscriber.
 */
export const b5Reads: Benchmark = {
  id: "B5",
  title: "progress reads",
  async run(ctx) {
    const board = await startBoardProcess({
      keywords: KEYWORDS,
      pagesPerKeyword: ctx.full ? 50 : 12,
      cardsPerPage: 50,
      pageWeightBytes: 1024 * 1024,
    });
    const app = await openBenchApp("pglite", board);
    const server = await startBenchServer(app);
    const rows: BenchRow[] = [];
    try {
      const created = await app.services.syncJobRepository.create({
        dataSourceId: app.source.id,
        siteName: app.source.siteName,
        maxJobs: 10_000,
        trigger: "manual",
        requestedBy: null,
      });
      if (!("created" in created)) throw new Error("bench sync job not created");
      const jobId = created.created.job_id;
      const jobUrl = `${server.url}/api/v1/admin/data-sources/sync/jobs/${jobId}`;
      const auth = { authorization: `Bearer ${server.token}` };

      // SSE fan-out: memory before and after the subscribers connect, before the sync starts
      const rssBefore = rssOf(process.pid);
      const heapBefore = process.memoryUsage().heapUsed;
      const subscribers = startChild(TSX, [SUBSCRIBER_SCRIPT, String(SUBSCRIBERS), `${jobUrl}/events`, server.token]);
      await subscribers.waitFor(new RegExp(`connected ${SUBSCRIBERS}`), 120_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const perSubscriberRss = (rssOf(process.pid) - rssBefore) / SUBSCRIBERS;
      const perSubscriberHeap = (process.memoryUsage().heapUsed - heapBefore) / SUBSCRIBERS;
      const subscriberPids = processTree(subscribers.process.pid!);
      ctx.log(`B5: ${SUBSCRIBERS} SSE subscribers connected (${subscriberPids.length} processes); starting the sync`);

      const sync = app.services.runner.run(jobId);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const paced: Array<{ p99: number; rps: number }> = [];
      const pacedHealth: Array<{ p99: number; rps: number }> = [];
      const job: Array<{ p99: number; rps: number }> = [];
      const health: Array<{ p99: number; rps: number }> = [];
      let stillRunning = 0;
      for (let round = 0; round < ctx.rounds; round++) {
        const h = await loadFromChild(`${server.url}/healthz`, POLLERS, 3);
        health.push({ p99: h.latency.p99, rps: h.requests.average });
        const j = await loadFromChild(jobUrl, POLLERS, 3, auth);
        if (j.non2xx > 0 || j.errors > 0) throw new Error(`GET sync job: ${j.non2xx} non-2xx, ${j.errors} errors`);
        job.push({ p99: j.latency.p99, rps: j.requests.average });
        const ph = await loadFromChild(`${server.url}/healthz`, POLLERS, 3, {}, POLL_RATE);
        pacedHealth.push({ p99: ph.latency.p99, rps: ph.requests.average });
        const pj = await loadFromChild(jobUrl, POLLERS, 3, auth, POLL_RATE);
        if (pj.non2xx > 0 || pj.errors > 0) throw new Error(`GET sync job: ${pj.non2xx} non-2xx, ${pj.errors} errors`);
        paced.push({ p99: pj.latency.p99, rps: pj.requests.average });
        if ((await app.services.syncJobRepository.status(jobId)) === "running") stillRunning += 1;
      }
      await sync;
      const final = await app.services.syncJobs.get(jobId);
      const fanout = JSON.parse((await subscribers.waitFor(/^\{.*"subscribers".*\}$/m, 180_000))[0]) as {
        subscribers: number;
        ended: number;
        minEvents: number;
        maxEvents: number;
        sequences: number;
      };
      ctx.log(`B5: sync ${final.status}; the sync was running during ${stillRunning} of ${ctx.rounds} load rounds`);

      const p99 = median(job.map((s) => s.p99));
      const pacedP99 = median(paced.map((s) => s.p99));
      rows.push(
        row({
          id: "B5",
          what: `GET sync job p99, ${POLLERS} pollers flat out during a sync`,
          value: p99,
          unit: "ms",
          baseline: { name: "GET /healthz p99, same load", value: median(health.map((s) => s.p99)) },
          goal: "< 20 ms",
          met: p99 < 20,
          note: `sync running in ${stillRunning}/${ctx.rounds} rounds`,
        }),
        row({
          id: "B5",
          what: `GET sync job p99, ${POLLERS} pollers every 2 s (${POLL_RATE} req/s) during a sync`,
          value: pacedP99,
          unit: "ms",
          baseline: { name: "GET /healthz p99, same load", value: median(pacedHealth.map((s) => s.p99)) },
          goal: "< 20 ms",
          met: pacedP99 < 20,
        }),
        row({
          id: "B5",
          what: `GET sync job throughput, ${POLLERS} pollers flat out`,
          value: median(job.map((s) => s.rps)),
          unit: "req/s",
          baseline: { name: "GET /healthz", value: median(health.map((s) => s.rps)) },
          goal: "",
        }),
        row({
          id: "B5",
          what: `SSE: subscribers that got every event (of ${SUBSCRIBERS})`,
          value: fanout.sequences === 1 && fanout.minEvents === fanout.maxEvents ? fanout.ended : 0,
          unit: "subscribers",
          baseline: null,
          goal: `= ${SUBSCRIBERS}`,
          met: fanout.ended === SUBSCRIBERS && fanout.sequences === 1 && fanout.minEvents > 0,
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
      await subscribers.stop();
    } finally {
      await server.close();
      await app.close();
      await board.close();
    }
    return rows;
  },
};
