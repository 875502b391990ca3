/**
 * Profile full syncs (what B1 measures) for BENCHMARKS.md:
 *   node --cpu-prof --cpu-prof-dir=/tmp/jobsync-prof --import tsx bench/profile-sync.ts [pglite|postgres] [pages] [rounds]
 *   npx tsx bench/cpu-top.ts /tmp/jobsync-prof/<file>.cpuprofile [count] [from]
 * Prints each sync's figures — with the CPU seconds the process (every thread) spent on it, and `from`, the profile's
 * clock at its start (for cpu-top) — and the process's peak memory (RSS, JS heap, external, array buffers).
 * Each round runs on a fresh database, one after the other: the later rounds show the warm (JIT-compiled) cost.
 */
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { mb } from "./lib/measure";
import { openBenchApp, runFullSync } from "./lib/sync-harness";

const kind = process.argv[2] === "postgres" ? "postgres" : "pglite";
const pages = Number(process.argv[3] ?? 5);
const rounds = Number(process.argv[4] ?? 1);
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
let before = process.memoryUsage();
for (let round = 1; round <= rounds; round++) {
  const app = await openBenchApp(kind, board);
  before = process.memoryUsage();
  const from = String(process.hrtime.bigint() / 1000n);
  const cpu = process.cpuUsage();
  const outcome = await runFullSync(app);
  const used = process.cpuUsage(cpu);
  const cpuSecs = Number(((used.user + used.system) / 1e6).toFixed(2));
  console.log(
    JSON.stringify({ round, from, kind, cpuSecs, ...outcome, pagesPerSec: (outcome.pages / outcome.ms) * 1000 }),
  );
  await app.close();
}
clearInterval(timer);
console.log(
  `memory before the sync: rss ${mb(before.rss).toFixed(0)} MB, heap ${mb(before.heapUsed).toFixed(0)} MB; ` +
    `peak during: ${Object.entries(peak)
      .map(([k, v]) => `${k} ${mb(v).toFixed(0)} MB`)
      .join(", ")}`,
);
await board.close();
