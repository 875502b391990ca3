/**
 * CPU time of the TopCV listing parser per page, in a worker thread set up as a parse worker is (8 MB young
 * generation, 512 MB old), on the 25 listing pages of a B1 crawl (5 keywords × 5 pages of 50 cards, 1 MB each, the
 * board's seed 1), rendered here without a board process:
 *   npx tsx bench/profile-listing-cpu.ts [rounds] [passes]
 * Each round starts one fresh worker per parser ("scan": today's, "whole-dom": the whole-DOM parser it replaced, kept
 * as the tests' oracle), warms it up with 2 passes over the pages and then times `passes` passes: the thread's CPU
 * time per page (median pass) and the whole process's (V8's helper threads included), its garbage collections per pass (full: mark-compact) and their time.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { parseTopcvListing } from "@jobsync/crawler";
import { Catalog } from "@jobsync/fixture-board";
import { parseTopcvListingOracle } from "../packages/crawler/test/adapters/topcv-listing-oracle";
import { renderListing } from "../packages/fixture-board/src/render-listing";
import { KEYWORDS } from "./lib/board-process";

const PARSERS = { scan: parseTopcvListing, "whole-dom": parseTopcvListingOracle };
type ParserName = keyof typeof PARSERS;
interface Job {
  parser: ParserName;
  pages: { url: string; html: string }[];
  passes: number;
}
interface PassResult {
  /** The worker thread's own CPU time. */
  cpuMsPerPage: number;
  /** Every thread of the process: the worker, V8's helper threads (concurrent marking, sweeping), the idle main one. */
  processCpuMsPerPage: number;
  gcs: number;
  fullGcs: number;
  gcMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function renderPages(): { url: string; html: string }[] {
  const origin = "http://127.0.0.1:3001";
  const catalog = new Catalog({ seed: 1, origin, pagesPerKeyword: 5, cardsPerPage: 50, hostileShare: 0 });
  return KEYWORDS.flatMap((keyword) =>
    Array.from({ length: 5 }, (_, i) => {
      const page = i + 1;
      const html = renderListing({
        origin,
        keyword,
        page,
        totalPages: 5,
        postings: catalog.idsOn(keyword, page).map((id) => catalog.posting(id)),
        totalPostings: 4 * catalog.cardCount(keyword, 1) + catalog.cardCount(keyword, 5),
        pageWeightBytes: 1024 * 1024,
      });
      return { url: `${origin}/tim-viec-lam-${keyword}?type_keyword=1&page=${page}&sba=1`, html };
    }),
  );
}

async function runInWorker(job: Job): Promise<PassResult[]> {
  const parse = PARSERS[job.parser];
  const gcs: { kind: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcs.push({ kind: (entry as unknown as { detail: { kind: number } }).detail.kind, ms: entry.duration });
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  const results: PassResult[] = [];
  for (let pass = 0; pass < job.passes + 2; pass++) {
    // the observer reports on the event loop: let it report the last pass's collections before counting anew
    await new Promise((resolve) => setTimeout(resolve, 20));
    gcs.length = 0;
    const start = process.threadCpuUsage();
    const startAll = process.cpuUsage();
    let cards = 0;
    for (const page of job.pages) cards += parse(page.html, page.url).cards.length;
    const used = process.threadCpuUsage(start);
    const usedAll = process.cpuUsage(startAll);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (cards < job.pages.length * 45) throw new Error(`${job.parser}: ${cards} cards`);
    results.push({
      cpuMsPerPage: (used.user + used.system) / 1000 / job.pages.length,
      processCpuMsPerPage: (usedAll.user + usedAll.system) / 1000 / job.pages.length,
      gcs: gcs.length,
      // perf_hooks' NODE_PERFORMANCE_GC_MAJOR
      fullGcs: gcs.filter((gc) => gc.kind === 4).length,
      gcMs: gcs.reduce((sum, gc) => sum + gc.ms, 0),
    });
  }
  observer.disconnect();
  return results.slice(2);
}

function inWorker(job: Job): Promise<PassResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 8 },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

if (isMainThread) {
  const rounds = Number(process.argv[2] ?? 3);
  const passes = Number(process.argv[3] ?? 5);
  const pages = renderPages();
  const all: Record<ParserName, PassResult[]> = { scan: [], "whole-dom": [] };
  for (let round = 0; round < rounds; round++) {
    for (const parser of round % 2 === 0 ? (["whole-dom", "scan"] as const) : (["scan", "whole-dom"] as const)) {
      all[parser].push(...(await inWorker({ parser, pages, passes })));
    }
  }
  for (const [parser, results] of Object.entries(all)) {
    const fmt = (pick: (r: PassResult) => number, digits: number) => median(results.map(pick)).toFixed(digits);
    console.log(
      `${parser.padEnd(9)} ${fmt((r) => r.cpuMsPerPage, 2)} ms CPU/page in the worker (min ${Math.min(...results.map((r) => r.cpuMsPerPage)).toFixed(2)}), ` +
        `${fmt((r) => r.processCpuMsPerPage, 2)} ms in the process; ` +
        `per pass of ${pages.length} pages: ${fmt((r) => r.gcs, 0)} GCs, ${fmt((r) => r.fullGcs, 0)} full, ${fmt((r) => r.gcMs, 1)} ms in GC` +
        ` (median of ${results.length} passes)`,
    );
  }
} else {
  parentPort?.postMessage(await runInWorker(workerData as Job));
}
