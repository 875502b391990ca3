/**
 * Profile one full sync (what B1 measures) for BENCHMARKS.md:
 *   node --cpu-prof --cpu-prof-dir=/tmp/jobsync-prof --import tsx bench/profile-sync.ts [pglite|postgres] [pages]
 *   npx tsx bench/cpu-top.ts /tmp/jobsync-prof/<file>.cpuprofile
 * Prints the sync's figures and the process's peak memory (RSS, JS heap, external, array buffers).
 */
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { mb } from "./lib/measure";
import { openBenchApp, runFullSync } from "./lib/sync-harness";

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const pages = Number(process.argv[3] ?? 5);
const board = await startBoardProcess({
  keywords: KEYWORDS,
  pagesPerKeyword: pages,
  cardsPerPage: 50,
  pageWeightBytes: 1024 * 1024,
});
const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const timer = setInterval(() => {
  const m = process.memoryUsage();
  for (const key of Object.keys(peak) as Array<keyof typeof peak>) peak[key] = Math.max(peak[key], m[key]);
}, 50);
const app = await openBenchApp(kind, board);
const before = process.memoryUsage();
const outcome = await runFullSync(app);
clearInterval(timer);
console.log(JSON.stringify({ kind, ...outcome, pagesPerSec: (outcome.pages / outcome.ms) * 1000 }));
console.log(
  `memory before the sync: rss ${mb(before.rss).toFixed(0)} MB, heap ${mb(before.heapUsed).toFixed(0)} MB; ` +
    `peak during: ${Object.entries(peak)
      .map(([k, v]) => `${k} ${mb(v).toFixed(0)} MB`)
      .join(", ")}`,
);
await app.close();
await board.close();
