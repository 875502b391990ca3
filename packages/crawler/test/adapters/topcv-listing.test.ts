import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/adapters/adapter";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";
import { BlockedError } from "../../src/fetch/errors";
import { readSample } from "./samples";
import { type ExpectedCard, PAGE_1_CARDS, PAGE_112_CARDS } from "./topcv-listing-expected";

const PAGE_URL = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
const page1Html = readSample("topcv/listing-ke-toan-page1-of-112.html");
const page112Html = readSample("topcv/listing-ke-toan-page112-last.html");
const crawledAt = new Date("2025-10-18T05:00:00Z");

/** What the normalised salary of the samples' salary texts must be (they use three forms only). */
function expectedSalary(text: string) {
  const M = 1_000_000;
  if (text === "Thoả thuận") return { min: null, max: null, currency: null, negotiable: true };
  const range = /^(\d+) - (\d+) triệu$/.exec(text);
  if (range) return { min: Number(range[1]) * M, max: Number(range[2]) * M, currency: "VND", negotiable: false };
  const from = /^Từ ([\d.]+) triệu$/.exec(text);
  if (from) return { min: Math.round(Number(from[1]) * M), max: null, currency: "VND", negotiable: false };
  throw new Error(`no expectation for ${text}`);
}

/** Card city (as the board shows it, old names included) → provinces since 2025-07-01. */
const MERGED: Record<string, string> = {
  "Bình Dương": "Hồ Chí Minh",
  "Bà Rịa-Vũng Tàu": "Hồ Chí Minh",
  "Kiên Giang": "An Giang",
  "Tiền Giang": "Đồng Tháp",
  "Bình Định": "Gia Lai",
};
const expectedProvinces = (city: string) => [...new Set(city.split(", ").map((c) => MERGED[c] ?? c))];

describe.each([
  ["page 1 of 112", page1Html, PAGE_1_CARDS],
  ["page 112 of 112", page112Html, PAGE_112_CARDS],
])("parseListing on the real TopCV %s", (_name, html, expected: ExpectedCard[]) => {
  const page = topcvAdapter.parseListing(html, PAGE_URL);

  it("reads every card", () => {
    expect(page.cards).toHaveLength(expected.length);
    expect(page.skipped).toEqual([]);
  });

  it.each(expected.map((card, i) => [i, card] as const))("card %i", (i, [id, title, company, salary, city, url]) => {
    const card = page.cards[i];
    expect(card).toMatchObject({ external_id: id, title, company, salary_text: salary, location_text: city, url });
    const draft = topcvAdapter.toDraft(card!, null, { crawledAt });
    expect(draft.salary).toMatchObject({ raw: salary, ...expectedSalary(salary) });
    expect(draft.provinces).toEqual(expectedProvinces(city));
  });

  it("strips the tracking parameters from every job posting URL", () => {
    for (const card of page.cards) {
      expect(card.url).not.toMatch(/ta_source|u_sr_id|\?/);
      expect(card.url).toMatch(
        /^https:\/\/www\.topcv\.vn\/(viec-lam\/[^/]+\/\d+\.html|brand\/[^/]+\/tuyen-dung\/.+-j\d+\.html)$/,
      );
    }
  });
});

describe("parseListing: one card in full", () => {
  it("reads company link, experience, tags (hidden ones included), logo and the posted label", () => {
    const first = topcvAdapter.parseListing(page1Html, PAGE_URL).cards[0];
    expect(first).toEqual({
      external_id: "1914785",
      url: "https://www.topcv.vn/viec-lam/ke-toan-tong-hop-upto-16tr-quan-1-hcm/1914785.html",
      title: "Kế Toán Tổng Hợp - Upto 16tr - Quận 1, HCM",
      company: "Công ty TNHH TM XNK Kiến Nam",
      company_url: "https://www.topcv.vn/cong-ty/cong-ty-tnhh-tm-xnk-kien-nam/13328.html",
      salary_text: "12 - 16 triệu",
      location_text: "Hồ Chí Minh",
      // the location tooltip: "<p …>Hồ Chí Minh: Quận 1</p>"
      locations: ["Hồ Chí Minh: Quận 1"],
      experience: "3 năm",
      // "Bán lẻ -..." is cut on the card; its full name is in the "+1" tooltip
      tags: ["Kế toán tổng hợp", "Kế toán", "Kiểm toán", "Bán lẻ - Hàng tiêu dùng - FMCG"],
      logo_url:
        "https://cdn-new.topcv.vn/unsafe/150x/https://static.topcv.vn/company_logos/cong-ty-tnhh-tm-xnk-kien-nam-5cf0d4090f267.jpg",
      updated_label: "Đăng 2 ngày trước",
    });
  });

  it("takes the full title from the tooltip when the card cuts it", () => {
    const card = topcvAdapter.parseListing(page1Html, PAGE_URL).cards.find((c) => c.external_id === "1913734");
    expect(card?.title).toBe(
      "Nhân Viên Kế Toán- Kế Toán Tổng Hợp- Kế Toán Bán Hàng, Công Nợ (Làm Việc Tại Xã Bình Mỹ, Huyện Củ Chi)",
    );
  });

  it("reads a brand card (its link goes to the brand template)", () => {
    const card = topcvAdapter.parseListing(page1Html, PAGE_URL).cards.find((c) => c.external_id === "1912385");
    expect(card).toMatchObject({
      url: "https://www.topcv.vn/brand/matbao/tuyen-dung/ke-toan-truong-j1912385.html",
      company_url: "https://www.topcv.vn/brand/matbao?id=49696",
      salary_text: "Thoả thuận",
    });
  });
});

describe("parseListing: pagination", () => {
  it('reads "1 / 112 trang", the next page and not last on page 1', () => {
    const page = topcvAdapter.parseListing(page1Html, PAGE_URL);
    expect(page.pagination).toEqual({ current: 1, total: 112 });
    expect(page.nextUrl).toBe("https://www.topcv.vn/tim-viec-lam-ke-toan-cr392cb393?page=2");
    expect(page.isLastPage).toBe(false);
  });

  it('detects page 112 as the last page ("112 / 112", Next disabled)', () => {
    const page = topcvAdapter.parseListing(page112Html, PAGE_URL);
    expect(page.pagination).toEqual({ current: 112, total: 112 });
    expect(page.nextUrl).toBeNull();
    expect(page.isLastPage).toBe(true);
  });

  it("detects the last page by the disabled Next item alone", () => {
    const html = page112Html.replace(
      /<span class="hight-light">112&nbsp;<\/span>/,
      '<span class="hight-light">7&nbsp;</span>',
    );
    const page = topcvAdapter.parseListing(html, PAGE_URL);
    expect(page.pagination).toEqual({ current: 7, total: 112 });
    expect(page.isLastPage).toBe(true);
  });

  it("detects the last page by N == M alone", () => {
    const html = page112Html.replace(/<li class="disabled" aria-disabled="true" aria-label="Next »">/, "<li>");
    expect(topcvAdapter.parseListing(html, PAGE_URL).isLastPage).toBe(true);
  });

  it("resolves a relative next link against the page URL", () => {
    const html = page1Html.replace(
      'data-href="https://www.topcv.vn/tim-viec-lam-ke-toan-cr392cb393?page=2"',
      'data-href="/tim-viec-lam-ke-toan?type_keyword=1&amp;page=2&amp;sba=1"',
    );
    const page = topcvAdapter.parseListing(html, "http://127.0.0.1:40123/tim-viec-lam-ke-toan?page=1");
    expect(page.nextUrl).toBe("http://127.0.0.1:40123/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1");
  });
});

/** The page-112 sample with its cards removed: what TopCV answers past the end of a search. */
function withoutCards(html: string): string {
  const start = html.indexOf('<div class="job-item-search-result');
  const end = html.indexOf('<nav class="box-pagination">');
  return `${html.slice(0, start)}</div></div>${html.slice(end)}`;
}

describe("parseListing: pages without cards", () => {
  it("a page past the end has zero cards and is the last page, not an error", () => {
    const html = withoutCards(page112Html).replace(/<nav class="box-pagination">[\s\S]*?<\/nav>/, "");
    const page = topcvAdapter.parseListing(html, PAGE_URL);
    expect(page).toEqual({ cards: [], pagination: null, nextUrl: null, isLastPage: true, skipped: [] });
  });

  it("a bare 'no results' page is a listing with zero cards", () => {
    const html =
      '<html><body><div class="none-suitable-job"><span>Chưa tìm thấy việc làm phù hợp với yêu cầu của bạn</span></div></body></html>';
    expect(topcvAdapter.parseListing(html, PAGE_URL)).toMatchObject({ cards: [], isLastPage: true });
  });
});

describe("parseListing: broken cards are skipped and counted", () => {
  it("skips cards without an id, a title or a link, and a repeated id", () => {
    const cards = page1Html.split('<div class="job-item-search-result');
    const [head, first, second, third, fourth, ...rest] = cards as [string, string, string, string, string];
    const broken = [
      head,
      first.replace(/data-job-id="1914785"/, ""),
      second.replace(
        /<h3 class="title ">[\s\S]*?<\/h3>/,
        '<h3 class="title "><a href="https://www.topcv.vn/viec-lam/x/1906000.html"><span title=""> </span></a></h3>',
      ),
      third.replace(/<h3 class="title ">[\s\S]*?<\/h3>/, '<h3 class="title "><a><span>Kế Toán Trưởng</span></a></h3>'),
      fourth,
      fourth,
      ...rest,
    ].join('<div class="job-item-search-result');
    const page = topcvAdapter.parseListing(broken, PAGE_URL);
    expect(page.cards).toHaveLength(47); // 50 + 1 repeated - 4 skipped
    expect(page.skipped).toEqual([
      { reason: "card has no data-job-id", external_id: null },
      { reason: "card has no title", external_id: "1906000" },
      { reason: "card has no http(s) link to its job posting", external_id: "1902985" },
      { reason: "same id twice on the page", external_id: "1915783" },
    ]);
  });
});

describe("parseListing: pages that are not listings", () => {
  it("throws BlockedError on the real Cloudflare challenge page", () => {
    const html = readSample("topcv/cloudflare-challenge-excerpt.html");
    expect(() => topcvAdapter.parseListing(html, PAGE_URL)).toThrow(BlockedError);
    expect(() => topcvAdapter.parseListing(html, PAGE_URL)).toThrow(/blocked by the site: Cloudflare/);
  });

  it("throws BlockedError on the ITviec Cloudflare page too", () => {
    expect(() => topcvAdapter.parseListing(readSample("itviec/cloudflare-challenge.html"), PAGE_URL)).toThrow(
      BlockedError,
    );
  });

  it.each([
    ["an ITviec page", readSample("itviec/company-jobs-page.html")],
    ["a TopCV job detail page", readSample("topcv/detail-2100892-excerpt.html")],
    ["an empty body", ""],
    ["plain text", "502 Bad Gateway"],
    ["JSON", '{"error":"rate limited"}'],
  ])("throws ParseError on %s", (_name, html) => {
    expect(() => topcvAdapter.parseListing(html, PAGE_URL)).toThrow(ParseError);
    expect(() => topcvAdapter.parseListing(html, PAGE_URL)).toThrow(/not a TopCV listing page.*tim-viec-lam-ke-toan/);
  });
});
