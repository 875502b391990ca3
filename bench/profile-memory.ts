/**
 * B6's PostgreSQL-mode sync, once, with what makes up the server's RSS sampled every 100 ms:
 *   npx tsx bench/profile-memory.ts [pages per keyword, default 40] [--probe] [--env K=V ...]
 * Prints the idle and peak tree RSS (as B6 measures it) and, with --probe, what the server's own samples
 * (lib/memory-probe.cjs, preloaded through NODE_OPTIONS) showed at the peak: smaps_rollup's anonymous and file-backed
 * RSS, the V8 heap by space, external and array buffers, each parse worker's heap. --env: e.g. MALLOC_ARENA_MAX=2.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchStartEnv, syncWhileSampling } from "./lib/api-client";
import { openBenchDatabase } from "./lib/bench-database";
import { BENCH_JWT_SECRET } from "./lib/bench-service-options";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { mb } from "./lib/measure";
import { SCRIPTS, script, stopTree } from "./lib/npm-script";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { probe: { type: "boolean" }, env: { type: "string", multiple: true } },
});
const pages = Number(positionals[0] ?? 40);
const extraEnv = Object.fromEntries((values.env ?? []).map((kv) => kv.split("=", 2) as [string, string]));
const probeOut = join(tmpdir(), `jobsync-probe-${process.pid}.jsonl`);
const probeScript = fileURLToPath(new URL("./lib/memory-probe.cjs", import.meta.url));
const board = await startBoardProcess({
  keywords: KEYWORDS,
  pagesPerKeyword: 40,
  cardsPerPage: 50,
  pageWeightBytes: 1024 * 1024,
});
const dataDir = mkdtempSync(join(tmpdir(), "jobsync-bench-"));
const db = await openBenchDatabase("postgres");
await db.database.close();
const child = script(SCRIPTS.start!, {
  ...benchStartEnv(dataDir),
  DATABASE_URL: db.url!,
  JWT_SECRET: BENCH_JWT_SECRET,
  ...(values.probe ? { NODE_OPTIONS: `--require ${probeScript}`, MEM_PROBE_OUT: probeOut } : {}),
  ...extraEnv,
});
try {
  const url = (await child.waitFor(/jobsync is ready at (http:\/\/\S+)/, 120_000))[1]!;
  const {
    idlePeak,
    syncPeak: peak,
    job,
    seconds,
  } = await syncWhileSampling(url, child.process.pid!, board, {
    keywords: KEYWORDS,
    maxPages: pages,
    maxJobs: KEYWORDS.length * pages * 50,
  });
  const found = (job.stats as Record<string, number>).jobs_found;
  console.log(
    `${job.status} ${found} postings in ${seconds.toFixed(1)} s: idle ${mb(idlePeak).toFixed(0)} MB, peak ${mb(peak).toFixed(0)} MB`,
  );
  if (values.probe) {
    const samples = readFileSync(probeOut, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { rss: number; t: number });
    const top = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
    console.log("idle sample:", JSON.stringify(samples.find((s) => s.t > 5000) ?? samples[0]));
    console.log("peak sample:", JSON.stringify(top));
    for (const s of samples.filter((s) => s.t >= top.t - 1000 && s.t <= top.t + 500)) console.log(JSON.stringify(s));
  }
} finally {
  await stopTree(child);
  await db.close().catch(() => {});
  await board.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(probeOut, { force: true });
}
