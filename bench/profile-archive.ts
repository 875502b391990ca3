/**
 * Profile B11's work for BENCHMARKS.md: one full sync with or without the page archive, then (with it) a re-process:
 *   node --cpu-prof --cpu-prof-dir=/tmp/jobsync-prof --import tsx bench/profile-archive.ts [on|off] [pages]
 *   npx tsx bench/cpu-top.ts /tmp/jobsync-prof/<file>.cpuprofile [count] [re-process start µs] [re-process end µs]
 * Prints each run's pages/s and step durations.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { openBenchApp, runFullSync, runReprocess } from "./lib/sync-harness";

const archive = process.argv[2] !== "off";
const pages = Number(process.argv[3] ?? 3);
const board = await startBoardProcess({
  keywords: KEYWORDS.slice(0, 2),
  pagesPerKeyword: pages,
  cardsPerPage: 50,
  pageWeightBytes: 1024 * 1024,
});
const dir = mkdtempSync(join(tmpdir(), "jobsync-profile-archive-"));
const app = await openBenchApp("pglite", board, false, archive ? { archiveDir: dir } : {});
try {
  const sync = await runFullSync(app);
  console.log(
    JSON.stringify({
      run: `sync, archive ${archive ? "on" : "off"}`,
      ...sync,
      pagesPerSec: (sync.pages / sync.ms) * 1000,
    }),
  );
  if (archive) {
    // the profile's clock (µs): `npx tsx bench/cpu-top.ts` of the samples between these marks is the re-process alone
    console.log(`re-process starts at ${process.hrtime.bigint() / 1000n} µs`);
    const again = await runReprocess(app, sync.jobId);
    console.log(`re-process ends at ${process.hrtime.bigint() / 1000n} µs`);
    console.log(JSON.stringify({ run: "re-process", ...again, pagesPerSec: (again.pages / again.ms) * 1000 }));
  }
} finally {
  await app.close();
  await board.close();
  rmSync(dir, { recursive: true, force: true });
}
