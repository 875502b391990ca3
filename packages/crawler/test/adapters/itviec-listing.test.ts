import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/adapters/adapter";
import { itviecAdapter, itviecListingTargets } from "../../src/adapters/itviec/itviec-adapter";
import { itviecSalary } from "../../src/adapters/itviec/salary";
import { BlockedError } from "../../src/fetch/errors";
import { readSample } from "./samples";

const PAGE_URL = "https://itviec.com/companies/mb-bank";
const html = readSample("itviec/company-jobs-page.html");
const crawledAt = new Date("2026-04-10T00:00:00Z");

/** Written by hand from the saved page (first, a middle and the last card). */
const SPOT_CHECKS = [
  {
    index: 0,
    external_id: "senior-it-risks-management-specialist-mb-bank-3404",
    title: "Senior IT Risks Management Specialist",
    updated_label: "Posted 7 hours ago",
    tag: "Risk Management",
  },
  {
    index: 1,
    external_id: "ai-software-engineer-python-go-c-c-ai-agents-mb-bank-3540",
    title: "AI Software Engineer (Python/Go/C/C++ & AI Agents)",
    updated_label: "Posted 5 hours ago",
    tag: "FastAPI",
  },
  {
    index: 27,
    external_id: "data-engineer-data-division-mb-bank-4201",
    title: "Data Engineer - Data Division",
    updated_label: "Posted 30 days ago",
    tag: null,
  },
  {
    index: 33,
    external_id: "data-quality-management-specialist-mb-bank-4404",
    title: "Data Quality Management Specialist",
    updated_label: "Posted 6 days ago",
    tag: null,
  },
];

describe("parseListing on the real ITviec company page", () => {
  const page = itviecAdapter.parseListing(html, PAGE_URL);

  it("reads the 34 .job-card cards, none skipped, ids unique", () => {
    expect(page.cards).toHaveLength(34);
    expect(page.skipped).toEqual([]);
    expect(new Set(page.cards.map((c) => c.external_id)).size).toBe(34);
  });

  it("gives every card a title, the company, the location, a canonical URL and its slug as id", () => {
    for (const card of page.cards) {
      expect(card.title.length).toBeGreaterThan(3);
      expect(card.company).toBe("MB Bank");
      expect(card.company_url).toBe("https://itviec.com/companies/mb-bank");
      expect(card.location_text).toBe("Ha Noi");
      expect(card.url).toBe(`https://itviec.com/it-jobs/${card.external_id}`);
      expect(card.external_id).toMatch(/^[a-z0-9-]+-mb-bank-\d{4}$/);
      expect(card.url).not.toContain("lab_feature");
      expect(card.salary_text).toBe("Sign in to view salary");
      expect(card.updated_label).toMatch(/^Posted \d+ (hours|day|days) ago$/);
      expect(card.tags[0]).toBe("At office");
      expect(card.logo_url).toMatch(/^https:\/\/itviec\.com\/rails\/active_storage\//);
    }
  });

  it.each(SPOT_CHECKS)("card $index is $title", ({ index, external_id, title, updated_label, tag }) => {
    const card = page.cards[index];
    expect(card).toMatchObject({ external_id, title, updated_label });
    if (tag) expect(card?.tags).toContain(tag);
  });

  it("is the last page: a company page lists all of its jobs at once", () => {
    expect(page.isLastPage).toBe(true);
    expect(page.nextUrl).toBeNull();
    expect(page.pagination).toBeNull();
  });

  it("makes drafts with the province, an unknown (not zero) salary and the posting time", () => {
    const drafts = page.cards.map((card) => itviecAdapter.toDraft(card, null, { crawledAt }));
    for (const draft of drafts) {
      expect(draft.provinces).toEqual(["Hà Nội"]);
      expect(draft.salary).toEqual({
        raw: null,
        min: null,
        max: null,
        currency: null,
        period: null,
        negotiable: false,
      });
      expect(draft.company).toBe("MB Bank");
    }
    expect(drafts[0]?.posted_at).toBe("2026-04-09T17:00:00.000Z");
    expect(drafts[27]?.posted_at).toBe("2026-03-11T00:00:00.000Z");
  });
});

describe("ITviec pages that are not listings", () => {
  it("throws BlockedError on the real Cloudflare challenge page", () => {
    const challenge = readSample("itviec/cloudflare-challenge.html");
    expect(() => itviecAdapter.parseListing(challenge, PAGE_URL)).toThrow(BlockedError);
    expect(() => itviecAdapter.parseDetail?.(challenge, PAGE_URL)).toThrow(BlockedError);
  });

  it("throws ParseError on a page that is not ITviec", () => {
    expect(() => itviecAdapter.parseListing("<html><title>Other</title><body>hi</body></html>", PAGE_URL)).toThrow(
      ParseError,
    );
  });

  it("reads an ITviec page without cards as an empty last page", () => {
    const empty = itviecAdapter.parseListing("<html><title>python jobs | ITviec</title><body></body></html>", PAGE_URL);
    expect(empty).toMatchObject({ cards: [], isLastPage: true });
  });

  it("reads a search page's pagination and next link (a page shaped like ITviec's search, written for this test)", () => {
    const card = (slug: string) =>
      `<div class="job-card" data-search--job-selection-job-slug-value="${slug}"><h3 data-url="/it-jobs/${slug}?lab=1">T ${slug}</h3></div>`;
    const html = `<title>Python jobs | ITviec</title>${card("a-1")}${card("b-2")}
      <nav><ul class="pagination"><li class="page-item active"><span>2</span></li><li class="page-item"><a href="?page=1">1</a></li>
      <li class="page-item"><a href="?page=3">3</a></li><li class="page-item"><a rel="next" href="/it-jobs/python?page=3">›</a></li></ul></nav>`;
    const page = itviecAdapter.parseListing(html, "https://itviec.com/it-jobs/python?page=2");
    expect(page.cards.map((c) => [c.external_id, c.url])).toEqual([
      ["a-1", "https://itviec.com/it-jobs/a-1"],
      ["b-2", "https://itviec.com/it-jobs/b-2"],
    ]);
    expect(page).toMatchObject({
      pagination: { current: 2, total: 3 },
      nextUrl: "https://itviec.com/it-jobs/python?page=3",
      isLastPage: false,
    });
  });

  it("skips a card without a job link, with the reason", () => {
    const page = itviecAdapter.parseListing(
      '<title>ITviec</title><div class="job-card"><h3>No link</h3></div>',
      PAGE_URL,
    );
    expect(page.cards).toEqual([]);
    expect(page.skipped).toEqual([{ reason: "no job link", external_id: null }]);
  });
});

describe("ITviec salary forms", () => {
  it.each([
    ["Sign in to view salary", { raw: null, min: null, max: null, currency: null, negotiable: false }],
    ["You'll love it", { raw: "You'll love it", min: null, max: null, currency: null, negotiable: true }],
    ["1,000 - 2,000 USD", { min: 1000, max: 2000, currency: "USD", period: "month" }],
    ["Up to 2,500 USD", { min: null, max: 2500, currency: "USD" }],
    ["Negotiable", { min: null, max: null, negotiable: true }],
  ])("%s", (text, expected) => {
    expect(itviecSalary(text)).toMatchObject(expected);
  });

  it("never turns the hidden salary into 0", () => {
    const s = itviecSalary("Sign in to view salary");
    expect(s.min).not.toBe(0);
    expect(s.max).not.toBe(0);
  });
});

describe("ITviec targets and detail pages", () => {
  it("builds keyword searches with pages and one page per company", () => {
    const targets = itviecListingTargets("https://itviec.com", {
      search_keywords: ["python"],
      companies: ["mb-bank"],
      max_pages: 3,
    } as Parameters<typeof itviecListingTargets>[1]);
    expect(targets.map((t) => [t.label, t.pageUrl(1), t.pageUrl(2), t.maxPages])).toEqual([
      ["python", "https://itviec.com/it-jobs/python", "https://itviec.com/it-jobs/python?page=2", 3],
      ["company mb-bank", "https://itviec.com/companies/mb-bank", "https://itviec.com/companies/mb-bank", 1],
    ]);
  });

  it("reads a job page by its headings (a page shaped like ITviec's, written for this test)", () => {
    const detailHtml = `<html><head><link rel="canonical" href="https://itviec.com/it-jobs/java-dev-acme-1234"></head><body>
      <h1>Java Developer</h1><a href="/companies/acme?x=1">Acme</a><span class="salary">1,500 - 2,500 USD</span>
      <div><svg><use href="/sprite.svg#map-pin"></use></svg><span>Ho Chi Minh</span></div>
      <div class="itag">Java</div><div class="itag">Spring</div>
      <div><h2>Job description</h2><ul><li>Build services</li></ul></div>
      <div><h2>Your skills and experience</h2><p>3 years of Java</p></div>
      <div><h2>Why you'll love working here</h2><p>Laptop</p></div></body></html>`;
    const detail = itviecAdapter.parseDetail?.(detailHtml, "https://itviec.com/it-jobs/java-dev-acme-1234?x=1");
    expect(detail).toMatchObject({
      title: "Java Developer",
      company_name: "Acme",
      company_url: "https://itviec.com/companies/acme",
      salary_text: "1,500 - 2,500 USD",
      locations: ["Ho Chi Minh"],
      tags: ["Java", "Spring"],
      description_html: "<ul><li>Build services</li></ul>",
      requirements_html: "<p>3 years of Java</p>",
      benefits_html: "<p>Laptop</p>",
      external_id: "java-dev-acme-1234",
      experience: "3 years of Java",
    });
    expect(() => itviecAdapter.parseDetail?.("<p>no title</p>", "https://itviec.com/x")).toThrow(ParseError);
  });

  it("takes the experience asked for from the requirement line that names it (real requirement texts)", () => {
    // requirement lists as ITviec pages show them (texts from kieuvantuyen01/scrape_data_itviec, itviec-jobs.json)
    const page = (requirements: string) =>
      `<html><body><h1>Job</h1><div><h2>Your skills and experience</h2>${requirements}</div></body></html>`;
    const read = (requirements: string) =>
      itviecAdapter.parseDetail?.(page(requirements), "https://itviec.com/it-jobs/x-1");
    const lead = read(
      "<p>Required Skills</p><ul><li>12+ years of experience in total, 5+ years as a Data Engineer, hands on Python programming and a long tail of other words to make this line long</li><li>Core Expertise: Python</li></ul>",
    );
    expect(lead?.experience).toBe("12+ years of experience in total");
    const vn = read(
      "<p>1. Tối thiểu 05 năm kinh nghiệm chuyên trách, trong đó:</p><ul><li>Tối thiểu 2 năm vận hành các hệ thống</li></ul>",
    );
    expect(vn?.experience).toBe("1. Tối thiểu 05 năm kinh nghiệm chuyên trách, trong đó:");
    expect(itviecAdapter.toDraft({ ...cardOf(vn!), title: "Job" }, vn!, { crawledAt }).experience_years).toEqual({
      min_years: 5,
      max_years: null,
    });
    expect(read("<ul><li>Good English</li><li>Team player</li></ul>")?.experience).toBeNull();
  });
});

function cardOf(detail: { external_id?: string | null; url?: string | null }) {
  return {
    external_id: detail.external_id ?? "x-1",
    url: detail.url ?? "https://itviec.com/it-jobs/x-1",
    title: "Job",
    company: null,
    company_url: null,
    salary_text: null,
    location_text: null,
    experience: null,
    tags: [],
    logo_url: null,
    updated_label: null,
  };
}
