import { describe, expect, it } from "vitest";
import type { JobDetail, ListingCard } from "../../src/adapters/adapter";
import { InvalidPostingError } from "../../src/adapters/invalid-posting-error";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";
import { readSample } from "./samples";

const crawledAt = new Date("2026-04-13T03:00:00.000Z");
const detail = topcvAdapter.parseDetail?.(
  readSample("topcv/detail-2100892-excerpt.html"),
  "https://www.topcv.vn/viec-lam/ky-su-ai-ai-engineer/2100892.html",
) as JobDetail;

const card: ListingCard = {
  external_id: "2100892",
  url: "https://www.topcv.vn/viec-lam/ky-su-ai-ai-engineer/2100892.html",
  title: "Kỹ Sư AI - AI...",
  company: "CÔNG TY TNHH JUNIOR DEVS",
  company_url: "https://www.topcv.vn/cong-ty/cong-ty-tnhh-junior-devs/252829.html",
  salary_text: "Thoả thuận",
  location_text: "Hà Nội & 2 nơi khác",
  experience: "2 năm",
  tags: ["AI Engineer", "Python"],
  logo_url: "https://cdn-new.topcv.vn/unsafe/150x/logo.png",
  updated_label: "Đăng 2 ngày trước",
};

describe("toDraft with a card and its detail page", () => {
  const draft = topcvAdapter.toDraft(card, detail, { crawledAt });

  it("prefers the detail page's title and salary", () => {
    expect(draft.title).toBe("Kỹ Sư AI - AI Engineer");
    expect(draft.salary).toEqual({
      raw: "30 - 40 triệu",
      min: 30_000_000,
      max: 40_000_000,
      currency: "VND",
      period: "month",
      negotiable: false,
    });
  });

  it("takes the detail's full list of places, so nothing is left over", () => {
    expect(draft.locations).toEqual(["Hà Nội: Phường Tây Mỗ (quận Nam Từ Liêm cũ)"]);
    expect(draft.provinces).toEqual(["Hà Nội"]);
    expect(draft.extra_locations).toBe(0);
  });

  it("normalises dates: deadline from the detail, posted_at from the card's label and the crawl time", () => {
    expect(draft.deadline).toBe("2026-04-29");
    expect(draft.posted_at).toBe("2026-04-11T03:00:00.000Z");
  });

  it("sanitises the HTML sections", () => {
    expect(draft.description_html).toMatch(/^<div> <ul><li>Xây dựng và triển khai/);
    expect(draft.description_html).not.toMatch(/class=/);
    expect(draft.working_time_html).toBe("<div> <div>Thứ 2 - Thứ 6 (từ 08:00 đến 17:00)</div> </div>");
  });

  it("merges the tags without repeats and keeps the rest", () => {
    expect(draft.tags.slice(0, 3)).toEqual(["AI Engineer", "Python", "IT - Phần mềm"]);
    expect(new Set(draft.tags).size).toBe(draft.tags.length);
    expect(draft).toMatchObject({
      external_id: "2100892",
      company: "CÔNG TY TNHH JUNIOR DEVS",
      level: "Nhân viên",
      experience: "2 năm",
      company_size: "10-24 nhân viên",
      logo_url: card.logo_url,
    });
  });

  it("sets the dedup keys", () => {
    expect(draft.content_key).toBe("ky su ai ai engineer|cong ty tnhh junior devs|ha noi");
    expect(draft.content_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("toDraft with a card alone", () => {
  it("uses the card's salary and counts the places the card hides", () => {
    const draft = topcvAdapter.toDraft(card, null, { crawledAt });
    expect(draft.title).toBe("Kỹ Sư AI - AI...");
    expect(draft.salary).toMatchObject({ raw: "Thoả thuận", negotiable: true, min: null });
    expect(draft).toMatchObject({ locations: ["Hà Nội & 2 nơi khác"], provinces: ["Hà Nội"], extra_locations: 2 });
    expect(draft.description_html).toBeNull();
    expect(draft.deadline).toBeNull();
  });

  it("has no posted_at for an unknown label", () => {
    expect(topcvAdapter.toDraft({ ...card, updated_label: "gần đây" }, null, { crawledAt }).posted_at).toBeNull();
  });
});

describe("content_hash", () => {
  const hash = (c: ListingCard, d: JobDetail | null = detail, at = crawledAt) =>
    topcvAdapter.toDraft(c, d, { crawledAt: at }).content_hash;

  it("is stable across crawls (the relative posted date is not part of it)", () => {
    expect(hash(card)).toBe(hash({ ...card }, detail, new Date("2026-04-20T00:00:00Z")));
    expect(hash(card)).toBe(hash({ ...card, updated_label: "Đăng 5 ngày trước" }));
  });

  it("changes when the posting changes", () => {
    expect(hash(card, { ...detail, salary_text: "35 - 45 triệu" })).not.toBe(hash(card));
    expect(hash(card, { ...detail, description_html: "<p>Khác</p>" })).not.toBe(hash(card));
    expect(hash(card, { ...detail, deadline_text: "30/04/2026" })).not.toBe(hash(card));
  });

  it("ignores markup the sanitiser removes", () => {
    const noisy = { ...detail, description_html: `${detail.description_html}<script>track()</script><!-- x -->` };
    expect(hash(card, noisy)).toBe(hash(card));
  });
});

describe("toDraft: hostile content is sanitised", () => {
  it("drops scripts, handlers and javascript: links from the sections", () => {
    const hostile: JobDetail = {
      ...detail,
      description_html:
        '<p onclick="steal()">Mô tả<script>alert(1)</script></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>',
      requirements_html: "<style>*{}</style><iframe src=//evil></iframe>",
    };
    const draft = topcvAdapter.toDraft(card, hostile, { crawledAt });
    expect(draft.description_html).toBe("<p>Mô tả</p><a>x</a>");
    expect(draft.requirements_html).toBeNull();
  });
});

describe("toDraft: postings that cannot be stored", () => {
  const reasonOf = (c: ListingCard, d: JobDetail | null = null) => {
    try {
      topcvAdapter.toDraft(c, d, { crawledAt });
    } catch (error) {
      if (error instanceof InvalidPostingError) return error.reason;
      throw error;
    }
    return "stored";
  };

  it.each([
    ["missing title", { ...card, title: "   " }],
    ["missing external id", { ...card, external_id: " " }],
    ["external id longer than 100 characters", { ...card, external_id: "9".repeat(101) }],
    ["URL is not http(s)", { ...card, url: "javascript:alert(1)" }],
    ["URL is not http(s)", { ...card, url: "ftp://www.topcv.vn/x.html" }],
    ["URL is not http(s)", { ...card, url: "not a url" }],
    ["URL longer than 2048 characters", { ...card, url: `https://www.topcv.vn/${"a".repeat(2100)}` }],
  ])("%s", (reason, bad) => {
    expect(reasonOf(bad)).toBe(reason);
  });

  it("reports the URL and id with the reason", () => {
    const error = (() => {
      try {
        topcvAdapter.toDraft({ ...card, title: "" }, null, { crawledAt });
      } catch (e) {
        return e as InvalidPostingError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPostingError);
    expect(error?.message).toBe(`invalid job posting: missing title (${card.url})`);
    expect(error?.externalId).toBe("2100892");
  });

  it("a detail title rescues a card without one", () => {
    expect(reasonOf({ ...card, title: "" }, detail)).toBe("stored");
  });

  it("rejects an invalid crawl time", () => {
    expect(() => topcvAdapter.toDraft(card, null, { crawledAt: new Date("x") })).toThrow(/crawledAt/);
  });
});
