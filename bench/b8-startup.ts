import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchContext, Benchmark } from "./bench-types";
import { type BenchDbKind, openBenchDatabase, postgresAvailable } from "./lib/bench-database";
import { BENCH_JWT_SECRET } from "./lib/bench-service-options";
import { interleave, mb, median } from "./lib/measure";
import { ROOT, SCRIPTS, script, stopTree } from "./lib/npm-script";
import { sampleRss } from "./lib/processes";
import { type BenchRow, row } from "./lib/report";

/** What the scripts ran before the production build: the UI rebuilt at every start, the TypeScript run by tsx. */
const TSX_SCRIPTS = {
  start: "npm run build --workspace @jobsync/web && tsx apps/server/src/main.ts",
  server: "tsx apps/server/src/main.ts",
  worker: "tsx apps/server/src/worker.ts",
  cli: "tsx apps/server/src/cli/main.ts",
};
const ADMIN = { ADMIN_EMAIL: "bench@example.com", ADMIN_PASSWORD: "bench-password-1" };
const JWT_SECRET = BENCH_JWT_SECRET;
interface Start {
  readyMs: number;
  /** Peak RSS of the whole process tree (sh, launchers and the server) over 2 s, 3 s after ready. */
  idleRss: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a script, times it to its ready line, samples its idle RSS, stops it. */
async function startOnce(command: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<Start> {
  const started = performance.now();
  const child = script(command, env);
  try {
    await child.waitFor(ready, 180_000);
    const readyMs = performance.now() - started;
    await sleep(3000);
    const idle = sampleRss(child.process.pid!, 100);
    await sleep(2000);
    return { readyMs, idleRss: idle.stop() };
  } finally {
    await stopTree(child);
  }
}

/** The environment of a server in one mode: a database that has been started once already (a restart). */
async function serverEnv(kind: BenchDbKind): Promise<{ env: NodeJS.ProcessEnv; close(): Promise<void> }> {
  const base = { PORT: "0", DEMO_BOARD_PORT: "0", LOG_LEVEL: "warn", ...ADMIN };
  if (kind === "postgres") {
    const db = await openBenchDatabase("postgres");
    await db.database.close();
    return { env: { ...base, DATABASE_URL: db.url!, JWT_SECRET }, close: () => db.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "jobsync-bench-start-"));
  return { env: { ...base, DATA_DIR: dataDir }, close: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

const READY = /jobsync is ready at/;

/** A B8 row: the compiled figure against its tsx baseline, lower is better. */
function compiled(what: string, unit: string, value: number, baseline: string, baselineValue: number): BenchRow {
  return row({
    id: "B8",
    what,
    value,
    unit,
    baseline: { name: baseline, value: baselineValue },
    goal: "≤ 1.00×",
    met: value <= baselineValue,
  });
}

/** Medians of the runs of each contender: seconds to ready, idle MB. */
function medians<K extends string>(runs: Record<K, Start[]>) {
  return {
    ready: (k: K) => median(runs[k].map((r) => r.readyMs)) / 1000,
    rss: (k: K) => mb(median(runs[k].map((r) => r.idleRss))),
  };
}

async function serverRows(ctx: BenchContext, kind: BenchDbKind): Promise<BenchRow[]> {
  const label = kind === "postgres" ? "PostgreSQL" : "embedded (PGlite)";
  const { env, close } = await serverEnv(kind);
  try {
    await startOnce(SCRIPTS.start!, env, READY); // first start: migrations, the admin account
    const { ready, rss } = medians(
      await interleave(ctx.rounds, {
        built: () => startOnce(SCRIPTS.start!, env, READY),
        tsxStart: () => startOnce(TSX_SCRIPTS.start, env, READY),
        tsx: () => startOnce(TSX_SCRIPTS.server, env, READY),
      }),
    );
    ctx.log(
      `B8 ${kind}: ready ${ready("built").toFixed(2)} s vs ${ready("tsxStart").toFixed(2)} s, tsx alone ${ready("tsx").toFixed(2)} s`,
    );
    return [
      compiled(
        `npm start to ready, ${label} (UI up to date)`,
        "s",
        ready("built"),
        "before: UI build + tsx",
        ready("tsxStart"),
      ),
      compiled(`server to ready, ${label}: build check + compiled JS`, "s", ready("built"), "tsx alone", ready("tsx")),
      compiled(`npm start idle RSS, ${label} (process tree)`, "MB", rss("built"), "tsx", rss("tsx")),
    ];
  } finally {
    await close();
  }
}

async function workerRows(ctx: BenchContext): Promise<BenchRow[]> {
  const { env, close } = await serverEnv("postgres");
  try {
    const { ready, rss } = medians(
      await interleave(ctx.rounds, {
        built: () => startOnce(SCRIPTS.worker!, env, /worker ready/),
        tsx: () => startOnce(TSX_SCRIPTS.worker, env, /worker ready/),
      }),
    );
    return [
      compiled("npm run worker to ready, PostgreSQL", "s", ready("built"), "tsx", ready("tsx")),
      compiled("npm run worker idle RSS, PostgreSQL (process tree)", "MB", rss("built"), "tsx", rss("tsx")),
    ];
  } finally {
    await close();
  }
}

/** `npm run cli -- normalize salary` as a whole process: start, one line in, one line out, exit. */
async function cliRow(ctx: BenchContext): Promise<BenchRow> {
  const once = (command: string) => async () => {
    const started = performance.now();
    const child = script(`echo "Tới 2,500 USD" | ${command} normalize salary`, {});
    const code = await child.exited;
    if (code !== 0) throw new Error(`${command} exited ${code}: ${child.output().slice(-1000)}`);
    return performance.now() - started;
  };
  const runs = await interleave(ctx.rounds, { built: once(SCRIPTS.cli!), tsx: once(TSX_SCRIPTS.cli) });
  return compiled(
    "npm run cli -- normalize salary, whole process",
    "s",
    median(runs.built) / 1000,
    "tsx",
    median(runs.tsx) / 1000,
  );
}

/**
 * B8 startup: `npm start`, `npm run worker` and `npm run cli` as compiled JavaScript (the production build) against
 * the same sources under tsx, which the scripts ran before; time to ready and idle RSS, in both database modes.
 */
export const b8Startup: Benchmark = {
  id: "B8",
  title: "startup time and idle memory, compiled vs tsx",
  async run(ctx: BenchContext) {
    const build = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    const rows: BenchRow[] = [];
    const postgres = await postgresAvailable();
    for (const kind of (postgres ? ["pglite", "postgres"] : ["pglite"]) as BenchDbKind[]) {
      rows.push(...(await serverRows(ctx, kind)));
    }
    if (postgres) rows.push(...(await workerRows(ctx)));
    rows.push(await cliRow(ctx));
    return rows;
  },
};
