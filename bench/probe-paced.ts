/**
 * B5's paced windows (200 pollers, 100 req/s, 3 s) of /healthz and GET of the sync job, interleaved for N rounds while a
 * sync runs, each with the serving process's event-loop delay and CPU: shows whether a paced p99 gap is the endpoint
 * or the process's stalls (which hit both routes alike). `npx tsx bench/probe-paced.ts [pglite|postgres|worker] [N]`
 * ("worker": the sync runs in `npm run worker`'s entry, this process serves the API only).
 */

import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { startChild } from "./lib/processes";
import { loadFromChild, startBenchServer } from "./lib/server-harness";
import { openBenchApp } from "./lib/sync-harness";

const mode = process.argv[2] ?? "worker";
const rounds = Number(process.argv[3] ?? 4);
const kind = mode === "pglite" ? "pglite" : "postgres";
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL("../apps/server/src/worker.ts", import.meta.url));
const board = await startBoardProcess({
  keywords: KEYWORDS,
  pagesPerKeyword: 40,
  cardsPerPage: 50,
  pageWeightBytes: 1 << 20,
});
const app = await openBenchApp(kind, board);
const server = await startBenchServer(app);
let worker = null as ReturnType<typeof startChild> | null;
if (mode === "worker") {
  worker = startChild(TSX, [WORKER_MAIN], {
    DATABASE_URL: app.db.url ?? "",
    JWT_SECRET: "bench-secret-0123456789-0123456789-0123456789",
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
if (!("created" in created)) throw new Error("no job");
const jobId = created.created;
const jobUrl = `${server.url}/api/v1/admin/data-sources/sync/jobs/${jobId}`;
const auth = { authorization: `Bearer ${server.token}` };
const sync = mode === "worker" ? app.services.queue.enqueue(jobId) : app.services.runner.run(jobId);
while ((await app.services.syncJobRepository.status(jobId)) === "pending") await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 1500));
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
const window = async (name: string, url: string, headers: Record<string, string>) => {
  h.reset();
  const cpu = process.cpuUsage();
  const r = await loadFromChild(url, 200, 3, headers, 100);
  const used = process.cpuUsage(cpu);
  console.log(
    `${name.padEnd(7)} p50 ${r.latency.p50} p99 ${r.latency.p99} max ${r.latency.max} | loop max ${(h.max / 1e6).toFixed(0)} p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms | cpu ${(((used.user + used.system) / 1e3 / 3000) * 100).toFixed(0)}% | status ${await app.services.syncJobRepository.status(jobId)}`,
  );
};
for (let i = 0; i < rounds; i++) {
  await window("health", `${server.url}/healthz`, {});
  await window("job", jobUrl, auth);
}
if ((await app.services.syncJobTransitions.requestCancel(jobId, null)) === "cancelling")
  app.services.runner.cancelLocal(jobId);
await sync;
await worker?.stop();
await server.close();
await app.close();
await board.close();
