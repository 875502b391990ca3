import { resolveSyncOptions, topcvConfigSchema } from "@jobsync/contracts";
import { buildDraft, type ListingCard, type PostingDraft } from "@jobsync/crawler";
import { describe, expect, it } from "vitest";
import { createPostingFilter } from "../../src/sync/filters/posting-filter";

const card: ListingCard = {
  external_id: "1",
  url: "https://board.example/viec-lam/1.html",
  title: "Lập trình viên Python",
  company: "ACME",
  company_url: null,
  salary_text: "15 - 20 triệu",
  location_text: "Hà Nội",
  experience: "2 năm",
  tags: ["Backend", "Django"],
  logo_url: null,
  updated_label: null,
};

/** Drafts as Process Jobs builds them, from the card's texts. */
const draft = (patch: Partial<ListingCard> = {}): PostingDraft =>
  buildDraft({ ...card, ...patch }, null, { crawledAt: new Date("2026-04-13T00:00:00Z") });

const filterOf = (config: Record<string, unknown>) => createPostingFilter(resolveSyncOptions(config));

describe("posting filter", () => {
  it.each([
    // hourly: 208 hours a month (26 days × 8 hours)
    ["24 k - 25 k /giờ", null, "5,200,000 a month"],
    ["Từ 24 k /giờ", "salary below min_salary", "4,992,000 a month"],
    ["20 k - 22 k /giờ", "salary below min_salary", "4,576,000 a month"],
    ["$10/hour", null, "52,000,000 a month (USD at 25,000)"],
    // daily and per shift: 26 a month
    ["180 k/ngày", "salary below min_salary", "4,680,000 a month"],
    ["Tới 250 k /ca", null, "6,500,000 a month"],
    // monthly, yearly
    ["10 - 15 triệu", null, "15,000,000"],
    ["5 triệu", null, "exactly the minimum"],
    ["3 - 4.5 triệu", "salary below min_salary", "4,500,000"],
    ["0.0 - 15 triệu", null, "max only: 15,000,000"],
    ["54 triệu/năm", "salary below min_salary", "4,500,000 a month"],
    ["Up to $300", null, "7,500,000"],
    // no monthly equivalent: kept, as an unknown salary is
    ["Tới 150 k /sp", null, "a piece rate"],
    ["Thoả thuận", null, "negotiable"],
  ] as const)("min_salary 5,000,000 with %j → %s (%s)", (salaryText, reason, _why) => {
    expect(filterOf({ min_salary: 5_000_000 }).reason(draft({ salary_text: salaryText }))).toBe(reason);
  });

  it.each([
    ["Không yêu cầu", null],
    ["Dưới 1 năm", null],
    ["1 năm", null],
    ["6 tháng", null],
    ["2 năm", "experience above max_experience_years"],
    ["Trên 5 năm", "experience above max_experience_years"],
    ["Từ 1 - 3 năm", null],
    ["3+ years of experience", "experience above max_experience_years"],
    ["Xem chi tiết", null],
    [null, null],
  ] as const)("max_experience_years 1 with %j → %s", (experience, reason) => {
    expect(filterOf({ max_experience_years: 1 }).reason(draft({ experience }))).toBe(reason);
  });

  it("keeps everything without filters", () => {
    const filter = filterOf({});
    expect(filter.active).toBe(false);
    expect(filter.reason(draft())).toBeNull();
  });

  it("gives the reason a posting is filtered out", () => {
    expect(filterOf({ include_keywords: ["java"] }).reason(draft())).toBe("no include keyword in title or tags");
    expect(filterOf({ include_keywords: ["lap trinh"] }).reason(draft())).toBeNull();
    expect(filterOf({ include_keywords: ["DJANGO"] }).reason(draft())).toBeNull();
    expect(filterOf({ exclude_keywords: ["Python"] }).reason(draft())).toBe('exclude keyword "python"');
    expect(filterOf({ provinces: ["Hồ Chí Minh"] }).reason(draft())).toBe("province not selected");
    expect(filterOf({ provinces: ["Hồ Chí Minh", "Hà Nội"] }).reason(draft())).toBeNull();
    expect(filterOf({ min_salary: 25_000_000 }).reason(draft())).toBe("salary below min_salary");
    expect(filterOf({ min_salary: 20_000_000 }).reason(draft())).toBeNull();
    const negotiable = draft({ salary_text: "Thoả thuận" });
    expect(filterOf({ min_salary: 25_000_000 }).reason(negotiable)).toBeNull();
    expect(filterOf({ max_experience_years: 1 }).reason(draft())).toBe("experience above max_experience_years");
    expect(filterOf({ max_experience_years: 2 }).reason(draft())).toBeNull();
  });

  it("is validated in the source config with messages naming the field", () => {
    const bad = topcvConfigSchema.safeParse({
      include_keywords: "python",
      exclude_keywords: [""],
      provinces: ["Sài Gòn"],
      min_salary: -1,
      max_experience_years: 1.5,
      stop_after_known_pages: 101,
      auto_disable_after_failures: 0,
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "include_keywords",
        "exclude_keywords.0",
        "provinces.0",
        "min_salary",
        "max_experience_years",
        "stop_after_known_pages",
        "auto_disable_after_failures",
      ]),
    );
    const good = topcvConfigSchema.parse({ provinces: ["Hà Nội"], min_salary: 10_000_000 });
    expect(good).toMatchObject({ provinces: ["Hà Nội"], min_salary: 10_000_000 });
    expect(good).not.toHaveProperty("include_keywords");
  });
});
