import type { JobPostingSummary } from "@jobsync/contracts";
import { adapterFor, crawlListings, createFetcher } from "@jobsync/crawler";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

/** The selectors of TopCV's pages (samples/README.md), as an admin would type them: no code. */
const TOPCV_SELECTORS = {
  card: "div.job-item-search-result[data-job-id]",
  id: "@data-job-id",
  title: "h3.title a span",
  link: "h3.title a@href",
  company: "a.company .company-name",
  salary: "label.title-salary",
  location: "label.address .city-text",
  next_page: "a[rel=next]",
};

/**
 * Sources configured only through the API against the fixture board: a css source (same postings as the TopCV
 * adapter finds), Greenhouse and Lever JSON APIs (Start Browser skipped, salaries normalised), and cross-source
 * "same content" duplicates linked to their original.
 */
describe.each(databaseKinds())("css, Greenhouse and Lever sources on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 21, pagesPerKeyword: 2, cardsPerPage: 20 });
    t = await createTestApp(kind, {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const create = async (site_name: string, sourceKind: string, config: object) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: bearer(t.adminToken),
      payload: { site_name, kind: sourceKind, base_url: board.url, config },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const sync = async (siteName: string) => {
    const started = await startSync(t, siteName);
    expect(started.statusCode, started.body).toBe(202);
    return waitFinal(t, started.json().job_id);
  };
  const postings = async (siteName: string): Promise<JobPostingSummary[]> => {
    const out: JobPostingSummary[] = [];
    for (let page = 1; ; page++) {
      const res = await t.app.inject({ url: `/api/v1/jobs?source=${siteName}&page_size=100&page=${page}` });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as JobPostingSummary[];
      out.push(...items);
      if (items.length < 100) return out;
    }
  };

  it("syncs a css source made through the API: the postings the TopCV adapter finds", async () => {
    await create("Css-Board", "css", {
      start_urls: ["/tim-viec-lam-java-developer?type_keyword=1&sba=1"],
      page_url_template: "?page={page}",
      max_pages: 5,
      selectors: TOPCV_SELECTORS,
      drop_query_params: ["ta_source", "u_sr_id"],
      request_delay: 0,
      fetch_details: false,
    });
    const job = await sync("Css-Board");
    expect(job.status, JSON.stringify(job.steps)).toBe("completed");
    expect(job.steps.find((s) => s.key === "start_browser")?.status).toBe("skipped");

    const fetcher = createFetcher({ kind: "http", timeoutMillis: 10_000, requestDelayMillis: 0 });
    const truth = await crawlListings({
      adapter: adapterFor("topcv"),
      fetcher,
      targets: adapterFor("topcv").listingTargets(board.url, { search_keywords: ["java-developer"], max_pages: 5 }),
      maxJobs: 10_000,
      concurrency: 2,
      fetchDetails: false,
    });
    await fetcher.close();
    const stored = await postings("Css-Board");
    const key = (p: { external_id: string; url: string; title: string; company: string | null }) =>
      [p.external_id, p.url, p.title, p.company].join("|");
    expect(stored.map(key).sort()).toEqual(truth.items.map((i) => key(i.card)).sort());
    expect(job.stats.jobs_added).toBe(truth.items.length);
  });

  it("a TopCV source of the same board finds exactly those postings again (all same URL)", async () => {
    await create("TopCV-Board", "topcv", {
      search_keywords: ["java-developer"],
      max_pages: 5,
      request_delay: 0,
      fetcher: "http",
      fetch_details: false,
    });
    const job = await sync("TopCV-Board");
    expect(job.status).toBe("completed");
    const css = await postings("Css-Board");
    expect(job.stats.jobs_found).toBe(css.length);
    expect(job.stats.duplicates_by_reason.same_url).toBe(css.length);
    expect(job.stats.jobs_added).toBe(0);
  });

  it.each([
    ["GH-Board", "greenhouse", { board_token: "java-developer", request_delay: 0 }],
    ["Lever-Board", "lever", { company: "java-developer", company_name: "Lever Co", request_delay: 0 }],
  ])("syncs %s (%s) from the JSON API: no browser, no detail pages, salaries normalised", async (name, k, config) => {
    await create(name, k, config);
    const job = await sync(name);
    expect(job.status, JSON.stringify(job.steps)).toBe("completed");
    expect(job.steps.find((s) => s.key === "start_browser")?.status).toBe("skipped");
    expect(job.stats.pages_fetched).toBe(1);
    expect(job.stats.details_fetched).toBe(0);
    const unique = new Set(board.expectedCards("java-developer").map((c) => c.external_id));
    expect(job.stats.jobs_found).toBe(unique.size);
    const stored = await postings(name);
    expect(stored).toHaveLength(unique.size);
    const withNumbers = stored.filter((p) => p.salary.min !== null);
    expect(withNumbers.length).toBeGreaterThan(0);
    for (const p of withNumbers) {
      expect(p.salary.currency === "VND" || p.salary.currency === "USD").toBe(true);
      expect(p.salary.period).toBe("month");
    }
    expect(stored.every((p) => p.provinces.length > 0)).toBe(true);
    if (k === "greenhouse") {
      // same title, company and province as the css source's postings: stored, linked to the original
      expect(job.stats.duplicates_by_reason.same_content).toBe(unique.size);
      const originals = new Set((await postings("Css-Board")).map((p) => p.id));
      expect(stored.every((p) => p.duplicate_of !== null && originals.has(p.duplicate_of))).toBe(true);
      expect(job.summary?.same_content_by_source).toEqual({ "Css-Board": unique.size });
      const check = job.steps.find((s) => s.key === "check_duplicates");
      expect(check?.details.join("\n")).toContain(`(originals: Css-Board ${unique.size})`);
    } else {
      // another company name: no link to the other sources; only same-titled postings of this company link up
      expect(stored.every((p) => p.company === "Lever Co")).toBe(true);
      const own = new Set(stored.map((p) => p.id));
      const linked = stored.filter((p) => p.duplicate_of !== null);
      expect(linked.every((p) => own.has(p.duplicate_of ?? -1))).toBe(true);
      expect(job.stats.duplicates_by_reason.same_content).toBe(linked.length);
      expect(job.summary?.same_content_by_source).toEqual(linked.length > 0 ? { [name]: linked.length } : {});
    }
  });

  it("fails a Greenhouse source whose API answers something else, with the reason", async () => {
    await create("GH-Broken", "greenhouse", { board_token: "x", request_delay: 0 });
    await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/GH-Broken",
      headers: bearer(t.adminToken),
      payload: { base_url: `${board.url}/nothing-here` },
    });
    const job = await sync("GH-Broken");
    expect(job.status).toBe("failed");
    expect(JSON.stringify(job)).toContain("HTTP 404");
  });

  it("refuses bad configs of the new kinds with 400 naming the field", async () => {
    const post = (kindName: string, config: object) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/admin/data-sources",
        headers: bearer(t.adminToken),
        payload: { site_name: "Bad", kind: kindName, base_url: board.url, config },
      });
    const css = await post("css", { start_urls: ["/x"], selectors: { card: "div[", title: "h3", link: "a" } });
    expect(css.statusCode).toBe(400);
    expect(css.json().error.details).toEqual([
      { path: "config.selectors.card", message: expect.stringContaining("selectors.card is not a valid CSS selector") },
    ]);
    const gh = await post("greenhouse", {});
    expect(gh.statusCode).toBe(400);
    expect(gh.json().error.details[0].path).toBe("config.board_token");
    const itviec = await post("itviec", { search_keywords: [], companies: [] });
    expect(itviec.statusCode).toBe(400);
    expect(itviec.json().error.details[0].path).toBe("config.search_keywords");
  });
});
