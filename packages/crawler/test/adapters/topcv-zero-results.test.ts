import { describe, expect, it } from "vitest";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";
import { readSample } from "./samples";
import { zeroResultPage } from "./topcv-zero-result-page";

const PAGE_URL = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
const page1Html = readSample("topcv/listing-ke-toan-page1-of-112.html");
const crawledAt = new Date("2025-10-18T05:00:00.000Z");

describe("a TopCV search with no results (reconstructed from a real page)", () => {
  it.each([false, true])("is 0 results, the last page, and says so (pagination kept: %s)", (withPagination) => {
    const page = topcvAdapter.parseListing(zeroResultPage({ withPagination }), PAGE_URL);
    expect(page.cards).toEqual([]);
    expect(page.skipped).toEqual([]);
    expect(page.isLastPage).toBe(true);
    expect(page.nextUrl).toBeNull();
    expect(page.noResults).toBe(true);
  });

  it("the unchanged real page is 50 results, not the last page, and says nothing about no results", () => {
    const page = topcvAdapter.parseListing(page1Html, PAGE_URL);
    expect(page.cards).toHaveLength(50);
    expect(page.isLastPage).toBe(false);
    expect(page.noResults).toBeUndefined();
  });

  it("suggested cards are never results, even on a page with results", () => {
    const result = 'data-box="BoxSearchResult"';
    const suggested = 'data-box="SuggestJobBoxNoResult"';
    const parts = page1Html.split(result);
    // the last 10 of the 50 real cards turned into suggestions below the 40 results
    const html = parts.slice(0, 41).join(result) + suggested + parts.slice(41).join(suggested);
    const page = topcvAdapter.parseListing(html, PAGE_URL);
    expect(page.cards).toHaveLength(40);
    expect(page.noResults).toBeUndefined();
    expect(page.isLastPage).toBe(false);
  });
});

describe("TopCV cards in several places (real cards)", () => {
  it("a real two-city card lists both places from its tooltip", () => {
    const card = topcvAdapter.parseListing(page1Html, PAGE_URL).cards.find((c) => c.external_id === "1902626");
    expect(card).toMatchObject({
      location_text: "Hồ Chí Minh, Lâm Đồng",
      locations: ["Hồ Chí Minh: Quận 7", "Lâm Đồng: TP Đà Lạt"],
    });
    const draft = topcvAdapter.toDraft(card!, null, { crawledAt });
    expect(draft.provinces).toEqual(["Hồ Chí Minh", "Lâm Đồng"]);
  });

  it("'Hồ Chí Minh & 2 nơi khác' gives every province of the tooltip (the real card, its text as issue 17 shows)", () => {
    // RECONSTRUCTED: the real card 1902626 with the city text and tooltip of the example card
    const start = page1Html.indexOf('data-job-id="1902626"');
    const end = page1Html.indexOf('class="job-item-search-result', start);
    const real = page1Html.slice(start, end);
    const tooltip =
      "&lt;p style='text-align: left;margin-bottom: 0'&gt;Hồ Chí Minh: Quận 12&lt;br/&gt;Đà Nẵng: Hải Châu&lt;br/&gt;Hà Nội: Cầu Giấy&lt;/p&gt;";
    const changed = real
      .replace(/data-original-title="&lt;p style='text-align: left;margin-bottom: 0'&gt;Hồ Chí Minh[^"]*"/, () => {
        return `data-original-title="${tooltip}"`;
      })
      .replace(/(<span class="city-text">\s*)Hồ Chí Minh, Lâm Đồng/, "$1Hồ Chí Minh &amp; 2 nơi khác");
    expect(changed).not.toBe(real);
    const html = page1Html.slice(0, start) + changed + page1Html.slice(end);
    const card = topcvAdapter.parseListing(html, PAGE_URL).cards.find((c) => c.external_id === "1902626");
    expect(card).toMatchObject({
      location_text: "Hồ Chí Minh & 2 nơi khác",
      locations: ["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"],
    });
    const draft = topcvAdapter.toDraft(card!, null, { crawledAt });
    expect(draft.provinces).toEqual(["Hồ Chí Minh", "Đà Nẵng", "Hà Nội"]);
    expect(draft.locations).toEqual(["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"]);
    expect(draft.extra_locations).toBe(0);
  });
});
