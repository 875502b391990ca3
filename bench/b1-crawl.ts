import type { Benchmark } from "./bench-types";
import { postgresAvailable } from "./lib/bench-database";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { load } from "./lib/load";
import { interleave, mb, median } from "./lib/measure";
import { type BenchRow, row } from "./lib/report";
import { CRAWL_CONCURRENCY, openBenchApp, runFullSync } from "./lib/sync-harness";
import { bareLoop, CRAWL_HEADERS, type CrawlTally } from "./peers/bare-loop";
import { ensureScrapy, runCrawlee, runScrapy } from "./peers/peer-processes";

const perSecond = (t: CrawlTally) => (t.pages / t.ms) * 1000;
const WIDE_MARGIN = 1.5;

/**
 * B1 crawl throughput: a full sync (nine steps, HTTP fetcher, request_delay 0, saved to the database) against the
 * fixture board in its own process, versus the board's raw throughput (autocannon over the same URLs: the ceiling),
 * a bare undici + cheerio loop, Crawlee's CheerioCrawler and Scrapy, all at the same concurrency.
 */
export const b1Crawl: Benchmark = {
  id: "B1",
  title: "crawl throughput",
  async run(ctx) {
    const shape = {
      keywords: KEYWORDS,
      pagesPerKeyword: ctx.full ? 50 : 5,
      cardsPerPage: 50,
      pageWeightBytes: 1024 * 1024,
    };
    const board = await startBoardProcess(shape);
    const rows: BenchRow[] = [];
    try {
      const listings = board.listingUrls();
      const visited: string[] = [];
      ctx.log(`B1: ${listings.length} listing pages of 1 MB + their detail pages, concurrency ${CRAWL_CONCURRENCY}`);
      // warm-up (not counted): JIT of the board and of this process, and the list of every URL a crawl fetches
      const warm = await bareLoop(listings, CRAWL_CONCURRENCY, "htmlparser2", (url) => visited.push(url));
      const paths = visited.map((url) => new URL(url).pathname + new URL(url).search);
      const withPg = await postgresAvailable();
      const python = ensureScrapy(ctx.log);
      const syncOn = async (kind: "pglite" | "postgres") => {
        const app = await openBenchApp(kind, board);
        try {
          const outcome = await runFullSync(app);
          return { pages: outcome.pages, postings: outcome.postings, ms: outcome.ms };
        } finally {
          await app.close();
        }
      };
      const contenders: Record<string, () => Promise<CrawlTally & { peakRssBytes?: number }>> = {
        ceiling: async () => {
          const result = await load({
            url: board.url,
            connections: CRAWL_CONCURRENCY,
            amount: paths.length,
            headers: CRAWL_HEADERS,
            paths,
          });
          return { pages: result.requests.total, postings: 0, ms: result.duration * 1000 };
        },
        bare: () => bareLoop(listings, CRAWL_CONCURRENCY),
        syncPglite: () => syncOn("pglite"),
        ...(withPg ? { syncPostgres: () => syncOn("postgres") } : {}),
        crawlee: () => runCrawlee(CRAWL_CONCURRENCY, listings),
        ...(python ? { scrapy: () => runScrapy(python, CRAWL_CONCURRENCY, listings) } : {}),
      };
      const samples = await interleave(ctx.rounds, contenders);
      const rate = (key: string) => median((samples[key] ?? []).map(perSecond));
      const postingsRate = (key: string) => median((samples[key] ?? []).map((t) => (t.postings / t.ms) * 1000));
      for (const [key, runs] of Object.entries(samples) as Array<[string, CrawlTally[]]>) {
        ctx.log(`B1: ${key} ${runs.map((t) => perSecond(t).toFixed(0)).join(", ")} pages/s (rounds in order)`);
      }
      const ceiling = rate("ceiling");
      const bare = rate("bare");
      ctx.log(`B1: ${warm.pages} pages per crawl (${warm.postings} postings)`);
      rows.push(
        row({
          id: "B1",
          what: "fixture board raw (autocannon)",
          value: ceiling,
          unit: "pages/s",
          baseline: null,
          goal: "",
        }),
      );
      rows.push(
        row({
          id: "B1",
          what: "bare undici + cheerio loop",
          value: bare,
          unit: "pages/s",
          baseline: { name: "board raw", value: ceiling },
          goal: "",
        }),
      );
      const syncs = (["syncPostgres", "syncPglite"] as const).filter((k) => samples[k]);
      for (const key of syncs) {
        const label = key === "syncPostgres" ? "PostgreSQL" : "PGlite";
        const value = rate(key);
        rows.push(
          row({
            id: "B1",
            what: `full sync, ${label}`,
            value,
            unit: "pages/s",
            baseline: { name: "bare loop", value: bare },
            goal: "≥ 0.70×",
            met: value / bare >= 0.7,
            note: `${postingsRate(key).toFixed(0)} postings/s`,
          }),
        );
      }
      const best = Math.max(...syncs.map(rate));
      for (const peer of ["crawlee", "scrapy"] as const) {
        const runs = samples[peer];
        if (!runs) {
          rows.push(
            row({ id: "B1", what: `${peer}: not available`, value: Number.NaN, unit: "", baseline: null, goal: "" }),
          );
          continue;
        }
        const peakRss = median(runs.map((r) => r.peakRssBytes ?? 0));
        const name = peer === "crawlee" ? "Crawlee CheerioCrawler" : "Scrapy (Debian)";
        rows.push(
          row({
            id: "B1",
            what: `full sync (best) vs ${name}`,
            value: best,
            unit: "pages/s",
            baseline: { name, value: rate(peer) },
            goal: `≥ ${WIDE_MARGIN}×`,
            met: best / rate(peer) >= WIDE_MARGIN,
            note: `${name} peak RSS ${mb(peakRss).toFixed(0)} MB`,
          }),
        );
      }
    } finally {
      await board.close();
    }
    return rows;
  },
};
