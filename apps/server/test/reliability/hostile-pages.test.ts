import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeHealth, samplePeakMemory } from "../support/health-probe";
import { startRemoteBoard } from "../support/remote-board";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";

/**
 * Hostile pages against a running server: while a sync meets each one, /healthz is asked every 25 ms over real HTTP
 * and the memory of the whole process tree (this process, its parse workers, Chromium) is sampled. Each page fails
 * on its own with its reason; the sync goes on and saves the rest.
 *
 * /healthz: the typical answer (median) within 100 ms, and never a stall of the kind these pages caused (28 s to
 * 20 minutes): none over 5 s. The worst single answer is printed, with the same probe's worst on the idle server
 * just before — on the shared 2-core machine the scheduler alone delays an answer by up to a second when other test
 * runs share it (idle worst 127–371 ms seen), so a tighter bound on the worst answer would judge the neighbours.
 */
const MEDIAN_LIMIT_MS = 100;
const STALL_MS = 5000;
const results: string[] = [];

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

describe("hostile pages: the server stays responsive and bounded", () => {
  let t: TestApp;
  let baseUrl: string;
  let n = 0;
  let idleWorst = 0;
  beforeAll(async () => {
    t = await createTestApp("pglite", {}, { worker: true });
    baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const idle = probeHealth(baseUrl);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    idleWorst = Math.max(...(await idle.stop()));
  });
  afterAll(async () => {
    await t.close();
    console.info(`hostile pages:\n${results.join("\n")}`);
  });

  /** One sync of a fresh source on `board`, with the health probe and the memory sampler running. */
  async function syncWatched(board: { url: string }, config: object) {
    const siteName = `Hostile-${++n}`;
    await createSource(t, siteName, board.url, { max_pages: 1, max_jobs: 100, timeout: 20, ...config });
    const health = probeHealth(baseUrl);
    const memory = samplePeakMemory();
    const job = await waitFinal(t, (await startSync(t, siteName)).json().job_id, 110_000);
    const latencies = await health.stop();
    const peakMb = await memory.stop();
    const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
    return { job, crawl, peakMb, latencies };
  }

  /** Prints the figures (for RELIABILITY.md) and checks /healthz stayed responsive. */
  function checkHealth(what: string, r: { latencies: number[]; peakMb: number }) {
    const sorted = [...r.latencies].sort((x, y) => x - y);
    const median = quantile(sorted, 0.5);
    const worst = sorted.at(-1) ?? Number.NaN;
    results.push(
      `  ${what}: /healthz ${sorted.length} answers, median ${median.toFixed(0)} ms, p90 ${quantile(sorted, 0.9).toFixed(0)} ms, ` +
        `worst ${worst.toFixed(0)} ms (idle server: worst ${idleWorst.toFixed(0)} ms); process tree peak ${Math.round(r.peakMb)} MB`,
    );
    expect(sorted.length, "answers during the sync").toBeGreaterThan(3);
    expect(median).toBeLessThan(MEDIAN_LIMIT_MS);
    expect(worst).toBeLessThan(STALL_MS);
  }

  it("a 100,000-deep listing page and a 250,000-deep detail page fail as too complex; the sync saves the rest", async () => {
    const board = await startBoard({ seed: 21, pagesPerKeyword: 1, cardsPerPage: 6 });
    try {
      const detail = new URL(board.expectedCards("ke-toan", 1)[0]!.url).pathname;
      board.setFaults([
        { path: "/tim-viec-lam-deep-search", type: "deep_dom", depth: 100_000 },
        { path: detail, type: "deep_dom", depth: 250_000 },
      ]);
      const r = await syncWatched(board, { search_keywords: ["ke-toan", "deep-search"] });
      checkHealth("100,000-deep listing + 250,000-deep detail", r);
      expect(r.job.status).toBe("completed");
      const errors = r.crawl.details.filter((d) => d.includes("page too complex"));
      expect(errors).toHaveLength(2);
      expect(errors.join("\n")).toContain("page too complex (more than 1000 nested elements)");
      expect(r.job.stats.jobs_added).toBe(board.expectedCards("ke-toan", 1).length);
      expect(r.peakMb).toBeLessThan(2048);
    } finally {
      await board.close();
    }
  });

  it("a pathological robots.txt pattern is matched in linear time", async () => {
    const robotsTxt = `User-agent: *\nDisallow: /********Z\nDisallow: /${"*a".repeat(100_000)}Z\nDisallow: /ung-tuyen/\n`;
    const board = await startBoard({ seed: 22, pagesPerKeyword: 1, cardsPerPage: 6, robotsTxt });
    try {
      const r = await syncWatched(board, { search_keywords: ["ke-toan"] });
      checkHealth("pathological robots.txt (/********Z and a 200 KB *a*a… pattern)", r);
      expect(r.job.status).toBe("completed");
      expect(r.job.stats.jobs_added).toBe(board.expectedCards("ke-toan", 1).length);
    } finally {
      await board.close();
    }
  });

  it("an endless response in the browser fetcher is cut while it arrives; Chromium stays bounded", async () => {
    const shape = { seed: 23, pages: 1, cards: 4 };
    // the hostile site streams from a process of its own, as over a real network; its twin here tells its pages
    const twin = await startBoard({ seed: shape.seed, pagesPerKeyword: shape.pages, cardsPerPage: shape.cards });
    const board = await startRemoteBoard(shape);
    try {
      const cards = twin.expectedCards("ke-toan", 1);
      await board.setFaults([{ path: new URL(cards[0]!.url).pathname, type: "endless" }]);
      const r = await syncWatched(board, { search_keywords: ["ke-toan"], fetcher: "browser", timeout: 60 });
      checkHealth("endless response, browser fetcher", r);
      expect(r.job.status).toBe("completed");
      // the byte cap (10 MB as bytes arrive) or the renderer's memory limit (512 MB), whichever the page meets first
      expect(r.crawl.details.join("\n")).toMatch(/is larger than 10 MB|needed more than 512 MB in the browser/);
      expect(r.job.stats.jobs_added).toBe(cards.length);
      // this process, its parse workers and the whole Chromium tree: one renderer used to reach 1.9 GB alone
      expect(r.peakMb).toBeLessThan(2048);
    } finally {
      await board.close();
      await twin.close();
    }
  });
});
