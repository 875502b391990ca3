import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";

/**
 * The fixture board's `layout` faults as the TopCV adapter reads them, over real HTTP: the board's markup changes the
 * way a real redesign would, and the adapter's output shows it (no cards, no salary) without calling it "no results".
 */
let board: FixtureBoard;

beforeAll(async () => {
  board = await startFixtureBoard({ seed: 3, pagesPerKeyword: 2, cardsPerPage: 6, pageWeightBytes: 0 });
});
afterEach(() => board.setFaults([]));
afterAll(async () => {
  await board?.close();
});

async function listing(keyword = "ke-toan", page = 1) {
  const url = board.listingUrl(keyword, page);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return topcvAdapter.parseListing(await response.text(), url);
}

async function detail(id: string) {
  const url = board.posting(id).url;
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return topcvAdapter.parseDetail?.(await response.text(), url);
}

describe("layout faults on the fixture board", () => {
  it("answers normally without a layout fault: cards with salaries, and the real 'no results' page for an empty search", async () => {
    const page = await listing();
    expect(page.cards).toHaveLength(6);
    expect(page.cards.every((c) => c.salary_text !== null)).toBe(true);
    expect(page.noResults).toBeUndefined();
    const empty = await startFixtureBoard({ pagesPerKeyword: 0, pageWeightBytes: 0 });
    try {
      const url = empty.listingUrl("ke-toan", 1);
      const parsed = topcvAdapter.parseListing(await (await fetch(url)).text(), url);
      expect(parsed).toMatchObject({ cards: [], noResults: true, isLastPage: true });
    } finally {
      await empty.close();
    }
  });

  it("renamed-classes: a 200 page with pagination whose cards no longer match", async () => {
    board.setFaults([{ type: "layout", variant: "renamed-classes" }]);
    const page = await listing();
    expect(page.cards).toEqual([]);
    expect(page.noResults).toBeUndefined();
    expect(page.pagination).toEqual({ current: 1, total: 2 });
  });

  it("empty-200: a 200 page with no cards, no pagination and no 'no results' box", async () => {
    board.setFaults([{ type: "layout", variant: "empty-200" }]);
    const page = await listing();
    expect(page).toMatchObject({ cards: [], pagination: null, isLastPage: true });
    expect(page.noResults).toBeUndefined();
  });

  it("no-salary: cards and detail pages of both templates lose their salary, everything else stays", async () => {
    const before = await listing();
    const id = before.cards[0]?.external_id ?? "";
    expect((await detail(id))?.salary_text).not.toBeNull();
    const post = await fetch(`${board.url}/__admin/faults`, {
      method: "POST",
      body: JSON.stringify([{ type: "layout", variant: "no-salary" }]),
    });
    expect(post.status).toBe(200);
    const page = await listing();
    expect(page.cards.map((c) => c.external_id)).toEqual(before.cards.map((c) => c.external_id));
    expect(page.cards.every((c) => c.salary_text === null && c.title !== "")).toBe(true);
    for (const card of page.cards) {
      const parsed = await detail(card.external_id);
      expect(parsed?.salary_text).toBeNull();
      expect(parsed?.title).toBe(board.posting(card.external_id).title);
    }
    expect(board.stats().byFault.layout).toBeGreaterThan(0);
  });
});
