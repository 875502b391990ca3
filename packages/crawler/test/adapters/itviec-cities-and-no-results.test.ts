import { load } from "cheerio/slim";
import { describe, expect, it } from "vitest";
import { itviecAdapter } from "../../src/adapters/itviec/itviec-adapter";
import { readSample } from "./samples";

const companyPage = readSample("itviec/company-jobs-page.html");
const crawledAt = new Date("2026-04-10T00:00:00Z");
const REAL_LOCATION =
  "<div class='text-rich-grey text-truncate text-nowrap stretched-link position-relative' title='Ha Noi'>\nHa Noi\n</div>";

/**
 * RECONSTRUCTED multi-city cards: the real company page (itviec/company-jobs-page.html) with its first card's
 * location — the `div[title]` after the map pin, real markup — showing the text ITviec gives a job in several
 * cities. "Ho Chi Minh - Ha Noi" is a real value: the same public crawler recorded it for the card of
 * lead-data-engineer-itviec-recruitment-consulting-4915 (kieuvantuyen01/scrape_data_itviec, public/itviec-jobs.json);
 * the others are the forms issue 17 lists.
 */
function withFirstCardLocation(location: string): string {
  const at = companyPage.indexOf(REAL_LOCATION);
  expect(at).toBeGreaterThan(0);
  const changed = REAL_LOCATION.replaceAll("Ha Noi", location);
  return companyPage.slice(0, at) + changed + companyPage.slice(at + REAL_LOCATION.length);
}

describe("an ITviec card in several cities (a real card, its location text reconstructed)", () => {
  it.each([
    ["Ho Chi Minh - Ha Noi", ["Hồ Chí Minh", "Hà Nội"]],
    ["TP Hồ Chí Minh - Hà Nội - Đà Nẵng", ["Hồ Chí Minh", "Hà Nội", "Đà Nẵng"]],
    ["Ha Noi - Others", ["Hà Nội"]],
    ["Hà Nội - Khác", ["Hà Nội"]],
    ["Da Nang - Ho Chi Minh - Others", ["Đà Nẵng", "Hồ Chí Minh"]],
  ])("%j → every province", (location, provinces) => {
    const page = itviecAdapter.parseListing(withFirstCardLocation(location), "https://itviec.com/companies/mb-bank");
    const [first, second] = page.cards;
    expect(first?.location_text).toBe(location);
    const draft = itviecAdapter.toDraft(first!, null, { crawledAt });
    expect(draft.locations).toEqual([location]);
    expect(draft.provinces).toEqual(provinces);
    // the other cards are untouched
    expect(itviecAdapter.toDraft(second!, null, { crawledAt }).provinces).toEqual(["Hà Nội"]);
  });
});

/** Real `.job-card` elements of the company page, as HTML. */
function realCards(count: number): string[] {
  const $ = load(companyPage);
  return $(".job-card")
    .toArray()
    .slice(0, count)
    .map((card) => $.html(card));
}

/**
 * A search page, CONSTRUCTED for this test: no capture of an ITviec search page was available. The cards are real
 * (from the company page); the frame follows what public crawlers of ITviec's search record — the result list
 * `div.card-jobs-list` and its headline `.headline-total-jobs` ("765 IT jobs in Vietnam") — plus a block of
 * suggested jobs outside the list.
 */
function searchPage(headline: string, results: string[], suggested: string[]): string {
  return `<!DOCTYPE html><html><head><title>Python jobs | ITviec</title></head><body>
    <h1 class="headline-total-jobs">${headline}</h1>
    <div class="row"><div class="col-xl-5 card-jobs-list ips-0 ipe-0 ipe-xl-6">${results.join("\n")}</div></div>
    <section class="suggested-jobs"><h2>More jobs for you</h2>${suggested.join("\n")}</section>
  </body></html>`;
}

describe("an ITviec search with no results", () => {
  const cards = realCards(6);

  it("a headline counting 0 jobs is 0 results, the last page, and says so, whatever it suggests", () => {
    const page = itviecAdapter.parseListing(
      searchPage("0 abcxyz jobs in Vietnam", [], cards),
      "https://itviec.com/it-jobs/abcxyz",
    );
    expect(page).toMatchObject({ cards: [], isLastPage: true, nextUrl: null, noResults: true });
  });

  it("the Vietnamese headline too", () => {
    const page = itviecAdapter.parseListing(
      searchPage("0 việc làm abcxyz tại Việt Nam", [], cards),
      "https://itviec.com/it-jobs/abcxyz",
    );
    expect(page.noResults).toBe(true);
  });

  it("suggested cards outside the result list are never results", () => {
    const page = itviecAdapter.parseListing(
      searchPage("2 Python jobs in Vietnam", cards.slice(0, 2), cards.slice(2)),
      "https://itviec.com/it-jobs/python",
    );
    expect(page.cards.map((c) => c.external_id)).toEqual([
      "senior-it-risks-management-specialist-mb-bank-3404",
      "ai-software-engineer-python-go-c-c-ai-agents-mb-bank-3540",
    ]);
    expect(page.noResults).toBeUndefined();
  });

  it("the real company page (no result list, no count headline) keeps all of its 34 cards", () => {
    const page = itviecAdapter.parseListing(companyPage, "https://itviec.com/companies/mb-bank");
    expect(page.cards).toHaveLength(34);
    expect(page.noResults).toBeUndefined();
  });
});
