/**
 * B11's archive-on round (a full sync with the page archive, then a re-process of it) N times after a warm-up, with
 * the process's CPU time (every thread: event loop, parse workers, zlib) and the event loop's own CPU time of each
 * beside its wall time:
 *   node --import tsx bench/profile-reprocess-cpu.ts [rounds] [copy the warm-up's archive to this path]
 * On a machine shared with other work the wall times (and B11's ratios) move by ±25 % from round to round; the CPU
 * times move far less and tell where a change went: a re-process that only moved work between threads keeps its CPU.
 * At request_delay 0 both runs are bound by the event loop (B11): its CPU ("loop") is the figure a change to it moves.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { openBenchApp, runFullSync, runReprocess } from "./lib/sync-harness";

const rounds = Number(process.argv[2] ?? 5);
const keepArchive = process.argv[3];
const board = await startBoardProcess(
  { keywords: KEYWORDS.slice(0, 2), pagesPerKeyword: 3, cardsPerPage: 50, pageWeightBytes: 1024 * 1024 },
  true,
);
const cpuMs = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / 1000);
const ratios: number[] = [];
try {
  for (let i = 0; i <= rounds; i++) {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-reprocess-cpu-"));
    const app = await openBenchApp("pglite", board, false, { archiveDir: dir });
    try {
      const syncCpu = process.cpuUsage();
      const syncLoop = process.threadCpuUsage();
      const sync = await runFullSync(app);
      const syncUsed = cpuMs(process.cpuUsage(syncCpu));
      const syncLoopUsed = cpuMs(process.threadCpuUsage(syncLoop));
      if (i === 0 && keepArchive) copyFileSync((await app.services.archives!.locate(sync.jobId)).path, keepArchive);
      const againCpu = process.cpuUsage();
      const againLoop = process.threadCpuUsage();
      const again = await runReprocess(app, sync.jobId);
      const againUsed = cpuMs(process.cpuUsage(againCpu));
      const againLoopUsed = cpuMs(process.threadCpuUsage(againLoop));
      if (i > 0) ratios.push(sync.ms / again.ms);
      console.log(
        `${i === 0 ? "warm-up" : `round ${i}`}: sync ${sync.ms.toFixed(0)} ms (CPU ${syncUsed} ms, loop ${syncLoopUsed} ms), ` +
          `re-process ${again.ms.toFixed(0)} ms (CPU ${againUsed} ms, loop ${againLoopUsed} ms, ${again.pages} pages): ` +
          `${(sync.ms / again.ms).toFixed(2)}×`,
      );
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await board.close();
}
ratios.sort((a, b) => a - b);
if (ratios.length > 0) console.log(`median re-process / live sync: ${ratios[ratios.length >> 1]!.toFixed(2)}×`);
