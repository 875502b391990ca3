import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDetail } from "../../src/adapters/adapter";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";

/**
 * The adapter against the local fixture board over real HTTP (port 0): every listing page of a search, the last
 * page, a page past the end, and detail pages of both templates, compared with the board's ground truth.
 */
let board: FixtureBoard;
const crawledAt = new Date("2026-04-13T03:00:00.000Z");

beforeAll(async () => {
  board = await startFixtureBoard({ seed: 7, pagesPerKeyword: 3, hostilePostings: 0.3, pageWeightBytes: 64 * 1024 });
});
afterAll(async () => {
  await board?.close();
});

async function get(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.text();
}

describe("the TopCV adapter on the fixture board", () => {
  it("reads every card of a search, page by page, up to the last page", async () => {
    const [target] = topcvAdapter.listingTargets(board.url, {
      search_keywords: ["ke-toan"],
      max_pages: 10,
    } as Parameters<typeof topcvAdapter.listingTargets>[1]);
    if (!target) throw new Error("one target per keyword");
    const seen = [];
    for (let page = 1; page <= target.maxPages; page++) {
      const url = target.pageUrl(page);
      const parsed = topcvAdapter.parseListing(await get(url), url);
      expect(parsed.skipped).toEqual([]);
      expect(parsed.pagination).toEqual({ current: page, total: 3 });
      seen.push(...parsed.cards);
      if (parsed.isLastPage) break;
      expect(parsed.nextUrl).toBe(target.pageUrl(page + 1));
    }
    const expected = board.expectedCards("ke-toan");
    expect(seen).toHaveLength(expected.length);
    seen.forEach((card, i) => {
      const truth = expected[i];
      expect(card).toMatchObject({
        external_id: truth?.external_id,
        url: truth?.url,
        title: truth?.title,
        company: truth?.company,
        company_url: truth?.company_url,
        salary_text: truth?.salary_text,
        location_text: truth?.location_text,
        experience: truth?.experience,
        updated_label: truth?.updated_label,
      });
    });
  });

  it("reads a page past the end as an empty last page", async () => {
    const url = board.listingUrl("ke-toan", 9);
    const parsed = topcvAdapter.parseListing(await get(url), url);
    expect(parsed).toMatchObject({ cards: [], isLastPage: true, nextUrl: null });
  });

  it("reads detail pages of both templates and turns them into sanitised drafts", async () => {
    const cards = board.expectedCards("ke-toan");
    const templates = new Set<string>();
    let hostile = 0;
    for (const truthCard of cards.slice(0, 60)) {
      const truth = board.posting(truthCard.external_id);
      const html = await get(truth.url);
      const detail = topcvAdapter.parseDetail?.(html, truth.url) as JobDetail;
      templates.add(truth.template);
      expect(detail, truth.url).toMatchObject({
        title: truth.title,
        salary_text: truth.salary_text,
        experience: truth.experience,
        level: truth.level,
        deadline_text: truth.deadline_text,
        locations: truth.locations,
        company_name: truth.company,
        url: truth.url,
        external_id: truth.external_id,
      });
      const card = topcvAdapter.parseListing(await get(board.listingUrl("ke-toan", truthCard.page)), board.url).cards[
        truthCard.index
      ];
      if (!card) throw new Error(`card ${truthCard.external_id} is on its page`);
      const draft = topcvAdapter.toDraft(card, detail, { crawledAt });
      expect(draft.external_id).toBe(truth.external_id);
      expect(draft.provinces.length).toBeGreaterThan(0);
      for (const html of [draft.description_html, draft.requirements_html, draft.benefits_html]) {
        expect(html).not.toMatch(/<script|onerror|javascript:|<img|style=/i);
      }
      if (truth.hostile) hostile++;
    }
    expect([...templates].sort()).toEqual(["brand", "standard"]);
    expect(hostile).toBeGreaterThan(0);
  });
});
