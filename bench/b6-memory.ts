import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "@jobsync/crawler";
import { chromium } from "playwright-core";
import type { BenchContext, Benchmark } from "./bench-types";
import { benchStartEnv, sleep, syncWhileSampling } from "./lib/api-client";
import { type BenchDbKind, openBenchDatabase, postgresAvailable } from "./lib/bench-database";
import { BENCH_JWT_SECRET } from "./lib/bench-service-options";
import { type BoardProcess, KEYWORDS, startBoardProcess } from "./lib/board-process";
import { mb, median } from "./lib/measure";
import { SCRIPTS, script, stopTree } from "./lib/npm-script";
import { commOf, processTree, rssOf } from "./lib/processes";
import { type BenchRow, row } from "./lib/report";

/** What `npm start` runs (its script, as npm runs it), idle, then during an HTTP sync of the board. */
async function serverRun(kind: BenchDbKind, board: BoardProcess, maxPages: number) {
  const maxJobs = board.shape.keywords.length * maxPages * board.shape.cardsPerPage;
  const dataDir = mkdtempSync(join(tmpdir(), "jobsync-bench-"));
  const db = kind === "postgres" ? await openBenchDatabase("postgres") : null;
  if (db) await db.database.close();
  const child = script(SCRIPTS.start!, {
    ...benchStartEnv(dataDir),
    ...(db?.url ? { DATABASE_URL: db.url, JWT_SECRET: BENCH_JWT_SECRET } : {}),
  });
  try {
    const url = (await child.waitFor(/jobsync is ready at (http:\/\/\S+)/, 120_000))[1]!;
    const { idlePeak, syncPeak, job } = await syncWhileSampling(url, child.process.pid!, board, {
      keywords: board.shape.keywords,
      maxPages,
      maxJobs,
    });
    if (job.status !== "completed") throw new Error(`B6 sync ended ${job.status}: ${job.error}`);
    const found = Number((job.stats as Record<string, number>).jobs_found);
    return { idlePeak, syncPeak, found };
  } finally {
    await stopTree(child);
    await db?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function chromiumPerPage(board: BoardProcess): Promise<{ browser: number; perPage: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    // Chromium's processes are descendants of this one, named chromium / chrome
    const rss = () =>
      processTree(process.pid)
        .filter((pid) => /chrom/i.test(commOf(pid)))
        .reduce((sum, pid) => sum + rssOf(pid), 0);
    await sleep(1000);
    const empty = rss();
    const pages = [];
    const counts = [1, 5];
    const at: number[] = [];
    for (const target of counts) {
      while (pages.length < target) {
        const page = await context.newPage();
        await page.goto(board.listingUrls()[pages.length]!, { waitUntil: "load" });
        pages.push(page);
      }
      await sleep(1000);
      at.push(rss());
    }
    return { browser: empty, perPage: (at[1]! - at[0]!) / (counts[1]! - counts[0]!) };
  } finally {
    await browser.close();
  }
}

/**
 * B6 memory: the server's peak RSS idle and during HTTP syncs of 2,000 and 10,000 postings (PostgreSQL and embedded).
 * A streaming sync holds a few batches, not the sync: the 10,000-posting peak should be within 1.15× of the 2,000 one.
 * Then Chromium's RSS per open page.
 */
export const b6Memory: Benchmark = {
  id: "B6",
  title: "memory",
  async run(ctx: BenchContext) {
    const small = 8;
    const large = 40;
    const board = await startBoardProcess({
      keywords: KEYWORDS,
      pagesPerKeyword: large,
      cardsPerPage: 50,
      pageWeightBytes: 1024 * 1024,
    });
    const rows: BenchRow[] = [];
    try {
      const kinds: BenchDbKind[] = (await postgresAvailable()) ? ["postgres", "pglite"] : ["pglite"];
      for (const kind of kinds) {
        const limit = kind === "postgres" ? 400 : 1024;
        const label = kind === "postgres" ? "PostgreSQL mode" : "embedded (PGlite)";
        const peaks: number[] = [];
        for (const pages of [small, large]) {
          const runs = [];
          for (let i = 0; i < (ctx.full ? ctx.rounds : 1); i++) runs.push(await serverRun(kind, board, pages));
          const idle = median(runs.map((r) => r.idlePeak));
          const peak = median(runs.map((r) => r.syncPeak));
          peaks.push(peak);
          ctx.log(`B6 ${kind} ${runs[0]!.found}: idle ${mb(idle).toFixed(0)} MB, sync peak ${mb(peak).toFixed(0)} MB`);
          rows.push(
            row({
              id: "B6",
              what: `npm start peak RSS during a ${runs[0]!.found}-posting HTTP sync, ${label}`,
              value: mb(peak),
              unit: "MB",
              baseline: { name: "same process idle", value: mb(idle) },
              goal: `< ${limit} MB`,
              met: mb(peak) < limit,
            }),
          );
        }
        rows.push(
          row({
            id: "B6",
            what: `peak RSS, ${large / small}× the postings, ${label}`,
            value: mb(peaks[1]!),
            unit: "MB",
            baseline: { name: `the ${small * 50 * KEYWORDS.length}-posting sync`, value: mb(peaks[0]!) },
            goal: "≤ 1.15×",
            met: peaks[1]! / peaks[0]! <= 1.15,
          }),
        );
      }
      const chrome = await chromiumPerPage(board);
      rows.push(
        row({
          id: "B6",
          what: "Chromium tree RSS per open page (1 MB listing)",
          value: mb(chrome.perPage),
          unit: "MB",
          baseline: { name: "Chromium with no page", value: mb(chrome.browser) },
          goal: "",
        }),
      );
    } finally {
      await board.close();
    }
    return rows;
  },
};
