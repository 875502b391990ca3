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
import { openBenchDatabase } from "./lib/bench-database";
import { BENCH_JWT_SECRET } from "./lib/bench-service-options";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { mb } from "./lib/measure";
import { SCRIPTS, script, stopTree } from "./lib/npm-script";
import { sampleRss } from "./lib/processes";

const ADMIN = { email: "bench@example.com", password: "bench-password-1" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api(url: string, token: string | null, method = "GET", body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

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
  PORT: "0",
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  DEMO_BOARD: "0",
  ALLOW_PRIVATE_HOSTS: "1",
  LOG_LEVEL: "warn",
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  DATABASE_URL: db.url!,
  JWT_SECRET: BENCH_JWT_SECRET,
  ...(values.probe ? { NODE_OPTIONS: `--require ${probeScript}`, MEM_PROBE_OUT: probeOut } : {}),
  ...extraEnv,
});
try {
  const url = (await child.waitFor(/jobsync is ready at (http:\/\/\S+)/, 120_000))[1]!;
  await sleep(3000);
  const idle = sampleRss(child.process.pid!, 100);
  await sleep(2000);
  const idlePeak = idle.stop();
  const token = String((await api(`${url}/api/v1/auth/login`, null, "POST", ADMIN)).access_token);
  await api(`${url}/api/v1/admin/data-sources`, token, "POST", {
    site_name: "Bench-Board",
    kind: "topcv",
    base_url: board.url,
    config: {
      search_keywords: [...KEYWORDS],
      max_pages: pages,
      request_delay: 0,
      max_jobs: KEYWORDS.length * pages * 50,
      fetcher: "http",
      timeout: 30,
    },
  });
  const syncStart = Date.now();
  const during = sampleRss(child.process.pid!, 100);
  const started = await api(`${url}/api/v1/admin/data-sources/Bench-Board/sync`, token, "POST", {});
  let job: Record<string, unknown> = {};
  for (;;) {
    job = await api(`${url}/api/v1/admin/data-sources/sync/jobs/${started.job_id}`, token);
    if (["completed", "failed", "cancelled"].includes(String(job.status))) break;
    await sleep(500);
  }
  const peak = during.stop();
  const seconds = (Date.now() - syncStart) / 1000;
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
