/**
 * Profile GET /sync/jobs/{id} for BENCHMARKS.md (what B5 measures, without a sync running, so only the endpoint
 * shows): node --cpu-prof --cpu-prof-dir=/tmp/jobsync-prof --import tsx bench/profile-reads.ts [pglite|postgres]
 */
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { loadFromChild, startBenchServer } from "./lib/server-harness";
import { openBenchApp, runFullSync } from "./lib/sync-harness";

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const board = await startBoardProcess({
  keywords: KEYWORDS,
  pagesPerKeyword: 4,
  cardsPerPage: 50,
  pageWeightBytes: 1 << 20,
});
const app = await openBenchApp(kind, board);
const server = await startBenchServer(app);
await runFullSync(app);
const [job] = await app.services.syncJobRepository.list({ statuses: null, dataSourceId: null, limit: 1, after: null });
const url = `${server.url}/api/v1/admin/data-sources/sync/jobs/${job!.job_id}`;
const body = await (await fetch(url, { headers: { authorization: `Bearer ${server.token}` } })).text();
const result = await loadFromChild(url, 200, 5, { authorization: `Bearer ${server.token}` });
console.log(
  `response ${body.length} bytes; ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);
await server.close();
await app.close();
await board.close();
