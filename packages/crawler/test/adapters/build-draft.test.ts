import { POSTING_LIMITS } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import type { JobDetail, ListingCard } from "../../src/adapters/adapter";
import { buildDraft } from "../../src/adapters/build-draft";
import { InvalidPostingError } from "../../src/adapters/invalid-posting-error";
import { adapterFor } from "../../src/adapters/registry";

const crawledAt = new Date("2026-04-13T03:00:00.000Z");

const card: ListingCard = {
  external_id: "2100892",
  url: "https://www.topcv.vn/viec-lam/ke-toan/2100892.html",
  title: "Kế toán tổng hợp",
  company: "Công ty TNHH ABC",
  company_url: "https://www.topcv.vn/cong-ty/abc/1.html",
  salary_text: "10 - 15 triệu",
  location_text: "Hà Nội",
  experience: "2 năm",
  tags: ["Kế toán"],
  logo_url: null,
  updated_label: null,
};

const detail: JobDetail = {
  title: null,
  salary_text: null,
  locations: [],
  experience: null,
  level: null,
  deadline_text: null,
  description_html: "<p>Mô tả</p>",
  requirements_html: null,
  benefits_html: null,
  working_time_html: null,
  tags: [],
  company_name: null,
  company_url: null,
  company_size: null,
  company_address: null,
};

describe("buildDraft: one draft builder for every adapter", () => {
  it("is what every adapter's toDraft uses (topcv, itviec, css, greenhouse, lever)", () => {
    const hostile = { ...card, company: "Công ty\b ABC\u0000" };
    for (const kind of ["topcv", "itviec", "greenhouse", "lever"] as const) {
      expect(adapterFor(kind).toDraft(hostile, null, { crawledAt }).company, kind).toBe("Công ty ABC");
    }
  });

  it("reads the experience text as years", () => {
    expect(buildDraft(card, null, { crawledAt }).experience_years).toEqual({ min_years: 2, max_years: 2 });
    expect(buildDraft({ ...card, experience: "Không yêu cầu" }, null, { crawledAt }).experience_years).toEqual({
      min_years: 0,
      max_years: null,
    });
    expect(buildDraft({ ...card, experience: null }, null, { crawledAt }).experience_years).toBeNull();
  });

  it("a card hiding places behind '& N nơi khác' gives its full list (TopCV's tooltip)", () => {
    const draft = buildDraft(
      {
        ...card,
        location_text: "Hồ Chí Minh & 2 nơi khác",
        locations: ["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"],
      },
      null,
      { crawledAt },
    );
    expect(draft.locations).toEqual(["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"]);
    expect(draft.provinces).toEqual(["Hồ Chí Minh", "Đà Nẵng", "Hà Nội"]);
    expect(draft.extra_locations).toBe(0);
    // the shown text when it hides nothing; the detail page's list over both
    expect(buildDraft({ ...card, locations: ["Hà Nội: Cầu Giấy"] }, null, { crawledAt }).locations).toEqual(["Hà Nội"]);
    const withDetail = buildDraft(
      { ...card, locations: ["Hà Nội: Cầu Giấy"] },
      { ...detail, locations: ["Huế"] },
      {
        crawledAt,
      },
    );
    expect(withDetail.provinces).toEqual(["Huế"]);
  });
});

describe("buildDraft: control characters are stripped from every text field", () => {
  const dirty = (s: string) => `\u0000${s}\b\u0007\u001b\u007f\u0085\u202e`;
  const draft = buildDraft(
    {
      ...card,
      external_id: dirty("2100892"),
      title: dirty("Kế toán"),
      company: dirty("Công ty TNHH ABC"),
      salary_text: dirty("10 - 15 triệu"),
      location_text: dirty("Hà Nội"),
      experience: dirty("2 năm"),
      tags: [dirty("Kế toán"), "\u0000"],
      updated_label: dirty("Đăng 2 ngày trước"),
    },
    {
      ...detail,
      level: dirty("Nhân viên"),
      description_html: `<p>${dirty("Mô tả")}</p>`,
      company_size: dirty("25-99 nhân viên"),
      company_address: dirty("Số 1 Phạm Hùng"),
      deadline_text: dirty("30/04/2026"),
    },
    { crawledAt },
  );

  it("leaves the text without them, and reads the cleaned values", () => {
    expect(draft).toMatchObject({
      external_id: "2100892",
      title: "Kế toán",
      company: "Công ty TNHH ABC",
      salary: { raw: "10 - 15 triệu", min: 10_000_000, max: 15_000_000 },
      locations: ["Hà Nội"],
      provinces: ["Hà Nội"],
      experience: "2 năm",
      level: "Nhân viên",
      tags: ["Kế toán"],
      description_html: "<p>Mô tả</p>",
      company_size: "25-99 nhân viên",
      company_address: "Số 1 Phạm Hùng",
      deadline: "2026-04-30",
      posted_at: "2026-04-11T03:00:00.000Z",
      truncated: [],
    });
  });

  it("leaves no control character anywhere in the draft", () => {
    const json = JSON.stringify(draft);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them
    expect(JSON.parse(json, (_k, v) => (typeof v === "string" && /[\u0000-\u0008\u007f]/.test(v) ? "!" : v))).toEqual(
      draft,
    );
    expect(json).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f])|\\u202e/i);
  });

  it("turns a lone surrogate into U+FFFD and keeps real pairs", () => {
    const odd = buildDraft({ ...card, title: "Kế toán \ud83d 😀 \ude00" }, null, { crawledAt });
    expect(odd.title).toBe("Kế toán \ufffd 😀 \ufffd");
  });

  it("an id made only of control characters is a missing id", () => {
    expect(() => buildDraft({ ...card, external_id: "\u0000\b" }, null, { crawledAt })).toThrow(InvalidPostingError);
  });
});

describe("buildDraft: every stored field is held to its maximum, and each cut is recorded", () => {
  const L = POSTING_LIMITS;
  const long = (n: number) => "Kế toán ".repeat(Math.ceil(n / 8)).slice(0, n);
  const draft = buildDraft(
    {
      ...card,
      title: long(4_000),
      company: long(1_000),
      salary_text: `10 - 15 triệu ${"x".repeat(4_000_000)}`,
      location_text: long(2_000),
      experience: long(1_000),
      tags: Array.from({ length: 80 }, (_v, i) => `tag ${i} ${"y".repeat(i === 0 ? 500 : 0)}`),
      logo_url: `https://cdn.example/${"z".repeat(3_000)}.png`,
    },
    {
      ...detail,
      description_html: `<div><p>${"Mô tả công việc. ".repeat(30_000)}</p><ul><li>x</li></ul></div>`,
      requirements_html: `<p>${"a".repeat(300_000)}</p>`,
      level: long(500),
      company_size: long(500),
      company_address: long(2_000),
    },
    { crawledAt },
  );

  it.each([
    ["title", () => draft.title, L.title],
    ["company", () => draft.company, L.company],
    ["salary_raw", () => draft.salary.raw, L.salaryRaw],
    ["location", () => draft.locations[0], L.location],
    ["experience", () => draft.experience, L.experience],
    ["level", () => draft.level, L.level],
    ["company_size", () => draft.company_size, L.companySize],
    ["company_address", () => draft.company_address, L.companyAddress],
    ["description_html", () => draft.description_html, L.sectionHtml],
    ["requirements_html", () => draft.requirements_html, L.sectionHtml],
  ])("%s is at most its limit", (_field, value, max) => {
    const text = value() ?? "";
    expect(text.length).toBeLessThanOrEqual(max);
    expect(text.length).toBeGreaterThan(max * 0.9);
  });

  it("cut texts end with an ellipsis; cut HTML stays well-formed", () => {
    expect(draft.title.endsWith("…")).toBe(true);
    expect(draft.description_html).toMatch(/^<div><p>Mô tả công việc\./);
    expect(draft.description_html).toMatch(/<\/p><\/div>$/);
  });

  it("keeps the first 50 tags, each at most 100 characters, and drops a link too long to store", () => {
    expect(draft.tags).toHaveLength(L.tags);
    expect(draft.tags.every((t) => t.length <= L.tag)).toBe(true);
    expect(draft.logo_url).toBeNull();
  });

  it("records each cut field once, by its stored column", () => {
    expect([...draft.truncated].sort()).toEqual(
      [
        "company",
        "company_address",
        "company_size",
        "description_html",
        "experience",
        "level",
        "locations",
        "logo_url",
        "requirements_html",
        "salary_raw",
        "tags",
        "title",
      ].sort(),
    );
  });

  it("a salary over its limit is read from the cut text, which is what is stored", () => {
    expect(draft.salary).toMatchObject({
      raw: expect.stringMatching(/^10 - 15 triệu x+…$/),
      min: 10_000_000,
      max: 15_000_000,
    });
  });

  it("the content hash is over the stored (cut) values: the same page twice gives the same hash", () => {
    const again = buildDraft(
      { ...card, title: long(4_000) },
      { ...detail, description_html: `<div><p>${"Mô tả công việc. ".repeat(30_000)}</p><ul><li>x</li></ul></div>` },
      { crawledAt },
    );
    const twice = buildDraft(
      { ...card, title: long(4_000) },
      { ...detail, description_html: `<div><p>${"Mô tả công việc. ".repeat(30_000)}</p><ul><li>x</li></ul></div>` },
      { crawledAt },
    );
    expect(again.content_hash).toBe(twice.content_hash);
    expect(again.truncated).toEqual(["title", "description_html"]);
  });
});
