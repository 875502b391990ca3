import { resolveSyncOptions, topcvConfigSchema } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";
import { describe, expect, it } from "vitest";
import {
  createPostingFilter,
  experienceYears,
  foldText,
  monthlySalaryVnd,
} from "../../src/sync/filters/posting-filter";

const draft = (patch: Partial<PostingDraft> = {}): PostingDraft =>
  ({
    external_id: "1",
    url: "https://board/1",
    title: "Lập trình viên Python",
    company: "ACME",
    salary: {
      raw: "15 - 20 triệu",
      min: 15_000_000,
      max: 20_000_000,
      currency: "VND",
      period: "month",
      negotiable: false,
    },
    locations: ["Hà Nội"],
    provinces: ["Hà Nội"],
    experience: "2 năm",
    tags: ["Backend", "Django"],
    ...patch,
  }) as PostingDraft;

const filterOf = (config: Record<string, unknown>) => createPostingFilter(resolveSyncOptions(config));

describe("posting filter", () => {
  it("folds Vietnamese accents and case", () => {
    expect(foldText("  Kế  Toán Đà Nẵng ")).toBe("ke toan da nang");
  });

  it.each([
    ["Không yêu cầu kinh nghiệm", 0],
    ["Dưới 1 năm", 0],
    ["1 năm", 1],
    ["Trên 5 năm", 5],
    ["6 tháng", 0],
    ["Xem chi tiết", null],
    [null, null],
  ] as const)("reads experience %s as %s years", (text, years) => {
    expect(experienceYears(text)).toBe(years);
  });

  it("converts a monthly USD salary and ignores unknown or non-monthly ones", () => {
    expect(
      monthlySalaryVnd({ raw: "", min: 1000, max: 2000, currency: "USD", period: "month", negotiable: false }),
    ).toBe(50_000_000);
    expect(
      monthlySalaryVnd({ raw: "Thoả thuận", min: null, max: null, currency: null, period: null, negotiable: true }),
    ).toBe(null);
    expect(monthlySalaryVnd({ raw: "", min: 1, max: 2, currency: "USD", period: "hour", negotiable: false })).toBe(
      null,
    );
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
    const negotiable = draft({
      salary: { raw: "Thoả thuận", min: null, max: null, currency: null, period: null, negotiable: true },
    });
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
