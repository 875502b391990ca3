import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBoard } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";

const SELECTORS = {
  card: "div.job-item-search-result[data-job-id]",
  id: "@data-job-id",
  title: "h3.title a span",
  link: "h3.title a@href",
  company: "a.company .company-name",
  salary: ".no-such-salary",
  next_page: "a[rel=next]@data-href",
};

/** "Test selectors": one page fetched through the real HTTP fetcher from the fixture board and read, nothing saved. */
describe("POST /api/v1/admin/data-sources/test-selectors", () => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 4, pagesPerKeyword: 2, cardsPerPage: 12 });
    t = await createTestApp("pglite");
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });
  const preview = (payload: object, token: string | null = t.adminToken) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources/test-selectors",
      headers: token ? bearer(token) : {},
      payload,
    });
  const config = (extra: object = {}) => ({
    start_urls: ["/tim-viec-lam-ke-toan"],
    page_url_template: "?page={page}",
    selectors: SELECTORS,
    drop_query_params: ["ta_source", "u_sr_id"],
    request_delay: 0,
    ...extra,
  });

  it("shows the parsed cards and the selectors that matched nothing", async () => {
    const res = await preview({ base_url: board.url, config: config() });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const truth = board.expectedCards("ke-toan", 1);
    expect(body).toMatchObject({
      url: `${board.url}/tim-viec-lam-ke-toan`,
      outcome: "ok",
      error: null,
      http_status: 200,
      card_count: truth.length,
      unmatched: ["selectors.salary"],
      is_last_page: false,
    });
    expect(body.matches).toEqual({
      card: 1,
      id: truth.length,
      title: truth.length,
      link: truth.length,
      company: truth.length,
      salary: 0,
      next_page: 1,
    });
    expect(body.cards.map((c: { external_id: string }) => c.external_id)).toEqual(truth.map((c) => c.external_id));
    expect(body.cards[0]).toEqual({
      external_id: truth[0]?.external_id,
      url: truth[0]?.url,
      title: truth[0]?.title,
      company: truth[0]?.company,
      salary_text: null,
      location_text: null,
    });
    expect(body.next_url).toContain("page=2");
  });

  it("fetches through Chromium when the config says fetcher: browser", async () => {
    const res = await preview({ base_url: board.url, config: config({ fetcher: "browser" }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: "ok",
      card_count: board.expectedCards("ke-toan", 1).length,
      unmatched: ["selectors.salary"],
    });
  });

  it("reads the page given as url, e.g. the last page", async () => {
    const res = await preview({ base_url: board.url, config: config(), url: board.listingUrl("ke-toan", 2) });
    expect(res.json()).toMatchObject({ outcome: "ok", is_last_page: true, next_url: null });
  });

  it("answers 400 naming the field for a selector that does not parse, an unknown key or a missing selector", async () => {
    const bad = await preview({ base_url: board.url, config: config({ selectors: { ...SELECTORS, card: "div[" } }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("config.selectors.card");
    const missing = await preview({ base_url: board.url, config: { start_urls: ["/x"], selectors: { card: "a" } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "config.selectors.title",
      "config.selectors.link",
    ]);
    const extra = await preview({ base_url: board.url, config: config(), colour: 1 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain("colour");
    const noUrl = await preview({ base_url: "ftp://x", config: config() });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.json().error.message).toContain("base_url must be an http:// or https:// URL");
  });

  it("says why when the page cannot be fetched or is a challenge page", async () => {
    const missing = await preview({ base_url: board.url, config: config({ start_urls: ["/no-such-page"] }) });
    expect(missing.json()).toMatchObject({ outcome: "fetch_failed", http_status: 404, card_count: 0, cards: [] });
    expect(missing.json().error).toContain("HTTP 404");
    board.setFaults([{ kind: "listing", type: "challenge" }]);
    try {
      const blocked = await preview({ base_url: board.url, config: config() });
      expect(blocked.json()).toMatchObject({ outcome: "blocked", cards: [] });
      expect(blocked.json().error).toContain("blocked by the site");
    } finally {
      board.setFaults([]);
    }
  });

  it("is admin only", async () => {
    expect((await preview({ base_url: board.url, config: config() }, null)).statusCode).toBe(401);
    expect((await preview({ base_url: board.url, config: config() }, t.viewerToken)).statusCode).toBe(403);
  });

  it("refuses private hosts unless they are allowed", async () => {
    const strict = await createTestApp("pglite", { allowPrivateHosts: false });
    try {
      const res = await strict.app.inject({
        method: "POST",
        url: "/api/v1/admin/data-sources/test-selectors",
        headers: bearer(strict.adminToken),
        payload: { base_url: board.url, config: config() },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: "base_url" });
      expect(res.json().error.message).toContain("ALLOW_PRIVATE_HOSTS=1");
    } finally {
      await strict.close();
    }
  });
});
