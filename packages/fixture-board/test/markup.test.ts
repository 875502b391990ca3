import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureBoard, startFixtureBoard } from "../src";
import { get } from "./http-get";

/** The selectors the samples README lists for real TopCV pages: the board must answer every one of them. */
const samples = new URL("../../../../shared/samples/topcv/", import.meta.url);
const sample = (name: string) => load(readFileSync(new URL(name, samples), "utf8"));
const text = (s: string) => s.replace(/\s+/g, " ").trim();

function readListing(html: string) {
  const $ = load(html);
  const cards = $("div.job-item-search-result[data-job-id]")
    .toArray()
    .map((el) => {
      const card = $(el);
      const href = card.find("h3.title a").attr("href") ?? "";
      const link = new URL(href);
      return {
        id: card.attr("data-job-id"),
        title: text(card.find("h3.title a span").text()),
        href,
        trackingParams: [...link.searchParams.keys()],
        company: text(card.find("a.company .company-name").text()),
        salary: text(card.find("label.title-salary").text()),
        city: text(card.find("label.address .city-text").text()),
        exp: text(card.find("label.exp span").text()),
        updated: text(card.find("label.label-update").text()),
        tags: card
          .find(".tag .item-tag")
          .toArray()
          .map((t) => text($(t).text())),
        logo: card.find(".avatar img").attr("data-src"),
      };
    });
  const paginate = text($("#job-listing-paginate-text").text());
  const next = $("a[rel=next]").attr("data-href") ?? null;
  const nextDisabled = $('ul.pagination li.disabled[aria-label="Next »"]').length === 1;
  return { cards, paginate, next, nextDisabled, $ };
}

let board: FixtureBoard;
beforeAll(async () => {
  board = await startFixtureBoard({ seed: 7, pagesPerKeyword: 4, pageWeightBytes: 40_000 });
});
afterAll(() => board.close());

describe("listing pages", () => {
  it("answer the real sample's selectors the same way", async () => {
    const real = readListing(sample("listing-ke-toan-page1-of-112.html").html());
    const ours = readListing((await get(board.listingUrl("ke-toan", 1))).body.toString("utf8"));
    expect(real.cards).toHaveLength(50);
    expect(ours.cards).toHaveLength(50);
    for (const listing of [real, ours]) {
      for (const card of listing.cards) {
        expect(card.id).toMatch(/^\d+$/);
        expect(card.title).not.toBe("");
        expect(card.company).not.toBe("");
        expect(card.salary).not.toBe("");
        expect(card.city).not.toBe("");
        expect(card.trackingParams).toEqual(["ta_source", "u_sr_id"]);
        expect(card.updated).toMatch(/^Đăng /);
      }
    }
    expect(real.paginate).toBe("1 / 112 trang");
    expect(ours.paginate).toBe("1 / 4 trang");
    expect(ours.next).toBe(`${board.url}/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1`);
    expect(real.nextDisabled).toBe(false);
    expect(ours.nextDisabled).toBe(false);
  });

  it("serve exactly the ground truth cards, links carrying tracking parameters", async () => {
    const expected = board.expectedCards("python-developer", 1);
    const ours = readListing((await get(board.listingUrl("python-developer", 1))).body.toString("utf8"));
    expect(ours.cards.map((c) => c.id)).toEqual(expected.map((c) => c.external_id));
    ours.cards.forEach((card, i) => {
      const truth = expected[i];
      expect(card.title).toBe(truth?.title);
      expect(card.company).toBe(truth?.company);
      expect(card.salary).toBe(truth?.salary_text);
      expect(card.city).toBe(truth?.location_text);
      expect(card.exp).toBe(truth?.experience);
      expect(card.updated).toBe(truth?.updated_label);
      expect(card.tags).toEqual(board.posting(card.id ?? "").card_tags);
      expect(card.logo).toBe(truth?.logo_url);
      expect(card.href.split("?")[0]).toBe(truth?.url);
    });
  });

  it("disable Next on the last page exactly as the real last page does", async () => {
    const real = sample("listing-ke-toan-page112-last.html");
    const realNext = real("ul.pagination li").last();
    const html = (await get(board.listingUrl("ke-toan", 4))).body.toString("utf8");
    const ours = readListing(html);
    const oursNext = ours.$("ul.pagination li").last();
    expect(ours.paginate).toBe("4 / 4 trang");
    expect(ours.next).toBeNull();
    expect(ours.nextDisabled).toBe(true);
    for (const li of [realNext, oursNext]) {
      expect(li.attr("class")).toBe("disabled");
      expect(li.attr("aria-disabled")).toBe("true");
      expect(li.attr("aria-label")).toBe("Next »");
      expect(text(li.find('span[aria-hidden="true"]').text())).toBe("›");
    }
    expect(ours.$("a[rel=prev]").attr("data-href")).toContain("page=3");
    expect(ours.cards.length).toBeGreaterThan(42);
    expect(ours.cards.length).toBeLessThanOrEqual(50);
    expect(ours.cards).toHaveLength(board.expectedCards("ke-toan").length - 150);
  });

  it("show no cards and no pagination past the last page", async () => {
    const res = await get(board.listingUrl("ke-toan", 5));
    expect(res.status).toBe(200);
    const ours = readListing(res.body.toString("utf8"));
    expect(ours.cards).toHaveLength(0);
    expect(ours.$("#job-listing-paginate-text")).toHaveLength(0);
    expect(ours.$(".job-list-search-result")).toHaveLength(1);
  });

  it("carry head and script noise up to the page weight", async () => {
    const heavy = await startFixtureBoard({ pagesPerKeyword: 1 });
    try {
      const res = await get(heavy.listingUrl("java-developer"));
      expect(res.body.length).toBeGreaterThan(1_000_000);
      expect(res.body.length).toBeLessThan(1_100_000);
      expect(readListing(res.body.toString("utf8")).cards).toHaveLength(heavy.expectedCards("java-developer").length);
    } finally {
      await heavy.close();
    }
  });

  it("treat a missing or bad page parameter as page 1, and answer 404 to a bad keyword", async () => {
    const first = readListing((await get(`${board.url}/tim-viec-lam-ke-toan`)).body.toString("utf8"));
    const bad = readListing((await get(`${board.url}/tim-viec-lam-ke-toan?page=abc`)).body.toString("utf8"));
    expect(first.paginate).toBe("1 / 4 trang");
    expect(bad.cards.map((c) => c.id)).toEqual(first.cards.map((c) => c.id));
    expect((await get(`${board.url}/tim-viec-lam-Ke_Toan`)).status).toBe(404);
  });
});

describe("detail pages", () => {
  const detailFields = ($: ReturnType<typeof load>) => ({
    title: text($("h1.job-detail__info--title").text()),
    salary: text($(".job-detail__info--section.section-salary .job-detail__info--section-content-value").text()),
    location: text($(".job-detail__info--section.section-location .job-detail__info--section-content-value").text()),
    experience: text(
      $(".job-detail__info--section.section-experience .job-detail__info--section-content-value").text(),
    ),
    deadline: text($(".job-detail__info--deadline-date").text()),
    sections: $(".job-description__item h3")
      .toArray()
      .map((h) => text($(h).text())),
  });

  it("use the real excerpt's template for /viec-lam/<slug>/<id>.html", async () => {
    const real = detailFields(sample("detail-2100892-excerpt.html"));
    const card = board.expectedCards("ke-toan", 2).find((c) => c.url.includes("/viec-lam/"));
    if (!card) throw new Error("no standard-template posting on two pages");
    const posting = board.posting(card.external_id);
    const res = await get(card.url);
    expect(res.status).toBe(200);
    const ours = detailFields(load(res.body.toString("utf8")));
    expect(real.title).toBe("Kỹ Sư AI - AI Engineer");
    expect(ours).toEqual({
      title: posting.title,
      salary: posting.salary_text,
      location: posting.location_text,
      experience: posting.experience,
      deadline: posting.deadline_text,
      sections: real.sections.map((s) => (s.startsWith("Địa điểm làm việc") ? "Địa điểm làm việc" : s)),
    });
    expect(ours.deadline).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it("use another template for brand pages, with the same section headings", async () => {
    const card = board.expectedCards("python-developer").find((c) => c.url.includes("/brand/"));
    if (!card) throw new Error("no brand posting on four pages");
    expect(card.url).toMatch(/\/brand\/[a-z0-9-]+\/tuyen-dung\/[a-z0-9-]+-j\d+\.html$/);
    const $ = load((await get(card.url)).body.toString("utf8"));
    expect($("h1.job-detail__info--title")).toHaveLength(0);
    const headings = $("h2")
      .toArray()
      .map((h) => text($(h).text()));
    expect(headings).toEqual(
      expect.arrayContaining(["Mô tả công việc", "Yêu cầu ứng viên", "Quyền lợi", "Thời gian làm việc"]),
    );
    expect(text($(".premium-job-basic-information__content--title").text())).toBe(card.title);
  });

  it("redirect a posting asked for under another template or slug, and 404 unknown ids", async () => {
    const card = board.expectedCards("ke-toan", 1)[0];
    if (!card) throw new Error("no card");
    const wrong = `${board.url}/viec-lam/some-other-slug/${card.external_id}.html`;
    const res = await get(wrong);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(card.url);
    expect((await get(`${board.url}/viec-lam/x/12.html`)).status).toBe(404);
  });
});

describe("other routes", () => {
  it("serve a home page linking searches, a robots.txt and tiny assets", async () => {
    const home = load((await get(`${board.url}/`)).body.toString("utf8"));
    expect(home("ul.hot-keywords a").first().attr("href")).toContain(
      "/tim-viec-lam-python-developer?type_keyword=1&page=1&sba=1",
    );
    const robots = (await get(`${board.url}/robots.txt`)).body.toString("utf8");
    expect(robots).toContain("Disallow: /ung-tuyen/");
    const png = await get(`${board.url}/static/company_logos/x.png`);
    expect(png.headers["content-type"]).toBe("image/png");
    expect((await get(`${board.url}/nothing-here`)).status).toBe(404);
  });
});
