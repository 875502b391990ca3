import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, getJob, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";

/** robots.txt in a sync: read first, its Crawl-delay shown and applied, a 5xx robots.txt refusing the whole site. */
describe("robots.txt in a sync", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it("reads robots.txt before any other page, shows its Crawl-delay and spaces requests by it", async () => {
    const board = await startBoard({
      seed: 41,
      pagesPerKeyword: 1,
      cardsPerPage: 3,
      robotsTxt: "User-agent: *\nCrawl-delay: 0.3\nDisallow: /ung-tuyen/\n",
    });
    try {
      await createSource(t, "Robots-Delay", board.url, {
        search_keywords: ["ke-toan"],
        max_pages: 1,
        request_delay: 0,
      });
      const job = await waitFinal(t, (await startSync(t, "Robots-Delay")).json().job_id);
      expect(job.status).toBe("completed");
      const check = job.steps.find((s) => s.key === "check_availability")!;
      expect(check.details).toContain(`${board.url}/robots.txt: robots.txt read (HTTP 200); Crawl-delay 0.3 s`);
      expect(check.details).toContain("Crawl-delay 0.3 s: requests to this host are spaced 0.3 s apart, not 0 s");
      const requests = board.stats().requests;
      expect(requests[0]?.url).toBe("/robots.txt");
      expect(requests.filter((r) => r.kind === "robots")).toHaveLength(1); // once for the whole sync
      const pages = requests.filter((r) => r.kind !== "robots").map((r) => r.at);
      for (let i = 1; i < pages.length; i++) expect(pages[i]! - pages[i - 1]!).toBeGreaterThanOrEqual(295);
    } finally {
      await board.close();
    }
  });

  it("caps a huge Crawl-delay and says so", async () => {
    const board = await startBoard({
      seed: 42,
      pagesPerKeyword: 1,
      cardsPerPage: 3,
      robotsTxt: "User-agent: *\nCrawl-delay: 3600\n",
    });
    try {
      await createSource(t, "Robots-Huge", board.url, { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 2 });
      const jobId = (await startSync(t, "Robots-Huge")).json().job_id;
      const check = await waitFor(async () => {
        const job = await getJob(t, jobId);
        const step = job.steps.find((s) => s.key === "check_availability");
        return step?.status === "completed" ? step : null;
      });
      expect(check.details).toContain(
        "Crawl-delay 30 s (asked 3600 s, capped at 30 s): requests to this host are spaced 30 s apart, not 2 s",
      );
      await t.app.inject({
        method: "POST",
        url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/cancel`,
        headers: bearer(t.adminToken),
      });
      expect((await waitFinal(t, jobId)).status).toBe("cancelled");
    } finally {
      await board.close();
    }
  });

  it("a robots.txt answering 5xx disallows the whole site, with the reason in Crawl Jobs", async () => {
    const board = await startBoard({
      seed: 43,
      pagesPerKeyword: 1,
      cardsPerPage: 3,
      faults: [{ path: "/robots.txt", type: "status", status: 503 }],
    });
    try {
      await createSource(t, "Robots-5xx", board.url, { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 0 });
      const job = await waitFinal(t, (await startSync(t, "Robots-5xx")).json().job_id);
      expect(job.status).toBe("failed");
      const check = job.steps.find((s) => s.key === "check_availability")!;
      expect(check.status).toBe("completed");
      expect(check.details.join("\n")).toContain("robots.txt answered HTTP 503, so nothing may be crawled (RFC 9309)");
      const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
      expect(crawl.status).toBe("failed");
      expect(job.error).toContain("disallowed: robots.txt answered HTTP 503, so nothing may be crawled (RFC 9309)");
      // nothing but robots.txt was asked of the site
      expect(new Set(board.stats().requests.map((r) => r.kind))).toEqual(new Set(["robots"]));
    } finally {
      await board.close();
    }
  });
});
