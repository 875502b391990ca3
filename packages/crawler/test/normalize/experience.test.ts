import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseExperience } from "../../src/normalize/experience";

type Years = [min: number | null, max: number | null];

/** TopCV's experience field (card `label.exp`, detail "Kinh nghiệm") and its neighbours. */
const TOPCV: ReadonlyArray<[string, Years]> = [
  ["Không yêu cầu", [0, null]],
  ["Không yêu cầu kinh nghiệm", [0, null]],
  ["Chưa có kinh nghiệm", [0, null]],
  ["Dưới 1 năm", [0, 1]],
  ["Dưới 1 năm kinh nghiệm", [0, 1]],
  ["1 năm", [1, 1]],
  ["2 năm", [2, 2]],
  ["3 năm", [3, 3]],
  ["5 năm", [5, 5]],
  ["Trên 5 năm", [5, null]],
  ["Trên 5 năm kinh nghiệm", [5, null]],
  ["Từ 1 - 3 năm", [1, 3]],
  ["1 - 2 năm", [1, 2]],
  ["Từ 2 đến 5 năm", [2, 5]],
  ["2 năm - 4 năm", [2, 4]],
  ["Từ 2 năm", [2, null]],
  ["2 năm trở lên", [2, null]],
  ["Tối thiểu 2 năm", [2, null]],
  ["Ít nhất 1 năm", [1, null]],
  ["Tới 2 năm", [0, 2]],
  ["Không quá 3 năm", [0, 3]],
  ["6 tháng", [0.5, 0.5]],
  ["Trên 6 tháng", [0.5, null]],
  ["Dưới 6 tháng", [0, 0.5]],
  ["1,5 năm", [1.5, 1.5]],
  ["KHÔNG YÊU CẦU", [0, null]],
];

/** ITviec's requirement lines (the job page's "Your skills and experience") and English neighbours. */
const ITVIEC: ReadonlyArray<[string, Years]> = [
  ["12+ years of experience in total, 5+ years as a Data Engineer", [12, null]],
  ["3+ years of experience with Java", [3, null]],
  ["3 years+ experience in backend development", [3, null]],
  ["At least 2 years of experience in React", [2, null]],
  ["Minimum 5 years of professional experience", [5, null]],
  ["More than 4 years of working experience", [4, null]],
  ["Over 5 years experience", [5, null]],
  ["2-4 years of experience", [2, 4]],
  ["2 to 4 years of experience in QA", [2, 4]],
  ["Proven experience of 10 years in designing mobile applications", [10, 10]],
  ["1 year of experience", [1, 1]],
  ["Less than 1 year of experience", [0, 1]],
  ["Up to 2 years experience", [0, 2]],
  ["Two years of experience with Go", [2, 2]],
  ["6 months of experience", [0.5, 0.5]],
  ["5 yrs exp.", [5, 5]],
  ["Tối thiểu 05 năm kinh nghiệm chuyên trách", [5, null]],
  ["Có 3 năm kinh nghiệm lập trình PHP", [3, null]],
  ["No experience required", [0, null]],
  ["Fresher", [0, 1]],
  ["Fresher / Junior", [0, 1]],
  ["Thực tập sinh", [0, 1]],
];

describe("parseExperience", () => {
  it.each([...TOPCV, ...ITVIEC])("%j", (text, [min, max]) => {
    expect(parseExperience(text)).toEqual({ min_years: min, max_years: max });
  });

  it.each([
    null,
    "",
    "   ",
    "Kinh nghiệm làm việc nhóm",
    "Senior",
    "Java, Spring Boot",
    "Tuyển gấp",
    "100 năm", // not a duration anyone asks for
    "5 - 2 năm", // backwards
    "năm",
    "x".repeat(600),
  ])("%j → null", (text) => {
    expect(parseExperience(text)).toBeNull();
  });

  it("always gives bounds from 0 to 50 years, min ≤ max", () => {
    const piece = fc.constantFrom("1", "2", "5", "10", "0.5", "-", "năm", "years", "+", "Trên", "Dưới", "Từ", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), (parts) => {
        const years = parseExperience(parts.join(" "));
        if (years === null) return;
        for (const v of [years.min_years, years.max_years]) if (v !== null) expect(v >= 0 && v <= 50).toBe(true);
        if (years.min_years !== null && years.max_years !== null)
          expect(years.min_years).toBeLessThanOrEqual(years.max_years);
      }),
      { numRuns: 2000 },
    );
  });
});
