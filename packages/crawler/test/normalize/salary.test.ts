import type { Salary } from "@jobsync/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSalary } from "../../src/normalize/salary";
import { readParsedDetails } from "../adapters/samples";

const M = 1_000_000;
type Expected = [min: number | null, max: number | null, currency: "VND" | "USD", period: Salary["period"]];

/** Forms from the samples README, the 300 real details' income sections and benefit texts, and boards at large. */
const KNOWN: ReadonlyArray<[string, Expected]> = [
  ["10 - 15 triệu", [10 * M, 15 * M, "VND", "month"]],
  ["12 - 16 triệu", [12 * M, 16 * M, "VND", "month"]],
  ["10-15 triệu", [10 * M, 15 * M, "VND", "month"]],
  ["10 – 15 triệu", [10 * M, 15 * M, "VND", "month"]],
  ["10 ~ 15 triệu", [10 * M, 15 * M, "VND", "month"]],
  ["Tới 20 triệu", [null, 20 * M, "VND", "month"]],
  ["Đến 20 triệu VND", [null, 20 * M, "VND", "month"]],
  ["Lên đến 40 triệu/tháng", [null, 40 * M, "VND", "month"]],
  ["Upto 20M", [null, 20 * M, "VND", "month"]],
  ["Up to 25 triệu", [null, 25 * M, "VND", "month"]],
  ["Dưới 5 triệu", [null, 5 * M, "VND", "month"]],
  ["Từ 10 triệu", [10 * M, null, "VND", "month"]],
  ["Trên 10 triệu", [10 * M, null, "VND", "month"]],
  ["Từ 6.6 triệu", [6.6 * M, null, "VND", "month"]],
  ["Từ 2.5 triệu VND trở lên", [2.5 * M, null, "VND", "month"]],
  ["Từ 30 triệu VND trở lên", [30 * M, null, "VND", "month"]],
  ["18 triệu trở lên", [18 * M, null, "VND", "month"]],
  ["Tối thiểu 8 triệu", [8 * M, null, "VND", "month"]],
  ["1,000 - 2,000 USD", [1000, 2000, "USD", "month"]],
  ["1.000 - 2.000 USD", [1000, 2000, "USD", "month"]],
  ["Tới 2,500 USD", [null, 2500, "USD", "month"]],
  ["Trên 1000 USD", [1000, null, "USD", "month"]],
  ["$1,000 - $2,000", [1000, 2000, "USD", "month"]],
  ["1000$ - 1500$", [1000, 1500, "USD", "month"]],
  ["1.5k - 2k USD", [1500, 2000, "USD", "month"]],
  ["15.5 triệu", [15.5 * M, 15.5 * M, "VND", "month"]],
  ["8,5 triệu", [8.5 * M, 8.5 * M, "VND", "month"]],
  ["8.5 - 16.5 triệu VND", [8.5 * M, 16.5 * M, "VND", "month"]],
  ["9.000.000 – 11.000.000 VND / tháng", [9 * M, 11 * M, "VND", "month"]],
  ["15,000,000- 17,000,000/tháng", [15 * M, 17 * M, "VND", "month"]],
  ["7.000.000đ - 16.000.000đ/ tháng", [7 * M, 16 * M, "VND", "month"]],
  ["Lương: 6,000,000 VND – 15,000,000 VND", [6 * M, 15 * M, "VND", "month"]],
  ["Thu nhập: Từ 9.000.000 – 20.000.000 VNĐ/tháng", [9 * M, 20 * M, "VND", "month"]],
  ["12 triệu – 18 triệu/tháng", [12 * M, 18 * M, "VND", "month"]],
  ["Mức lương: từ 7 triệu đến 10 triệu", [7 * M, 10 * M, "VND", "month"]],
  ["Từ 10 triệu đến 15 triệu", [10 * M, 15 * M, "VND", "month"]],
  ["12tr - 18tr/tháng", [12 * M, 18 * M, "VND", "month"]],
  ["Từ 15tr-30TR++", [15 * M, 30 * M, "VND", "month"]],
  ["Thu nhập lên đến 60tr -100 tr++++", [60 * M, 100 * M, "VND", "month"]],
  ["Thu nhập 12tr", [12 * M, 12 * M, "VND", "month"]],
  ["Lương cứng 3tr + Thưởng 1tr", [3 * M, 3 * M, "VND", "month"]],
  ["Lương: 10 - 18 triệu/tháng (theo năng lực)", [10 * M, 18 * M, "VND", "month"]],
  ["Lương cứng: 10 – 14 triệu/tháng (tùy theo năng lực)", [10 * M, 14 * M, "VND", "month"]],
  ["1tr500/tháng", [1.5 * M, 1.5 * M, "VND", "month"]],
  ["7tr5", [7.5 * M, 7.5 * M, "VND", "month"]],
  ["500k/tháng", [500_000, 500_000, "VND", "month"]],
  ["30 - 50 củ", [30 * M, 50 * M, "VND", "month"]],
  ["1,2 tỷ/năm", [1_200_000_000, 1_200_000_000, "VND", "year"]],
  ["330-380M Gross/năm", [330 * M, 380 * M, "VND", "year"]],
  ["100.000/h", [100_000, 100_000, "VND", "hour"]],
  ["20.000 vnđ/h", [20_000, 20_000, "VND", "hour"]],
  ["25.000 - 30.000 VNĐ/giờ", [25_000, 30_000, "VND", "hour"]],
  ["200k/ngày", [200_000, 200_000, "VND", "day"]],
  ["3 - 4 triệu/tuần", [3 * M, 4 * M, "VND", "week"]],
  ["20 USD/hour", [20, 20, "USD", "hour"]],
  ["Thu nhập khi đạt 100% KPI: 10 - 30 triệu VND", [10 * M, 30 * M, "VND", "month"]],
  ["Lương 9.000.000", [9 * M, 9 * M, "VND", "month"]],
];

describe("parseSalary: known forms", () => {
  it.each(KNOWN)("%j", (raw, [min, max, currency, period]) => {
    expect(parseSalary(raw)).toEqual({ raw, min, max, currency, period, negotiable: false });
  });
});

describe("parseSalary: negotiable", () => {
  it.each(["Thoả thuận", "Thỏa thuận", "THỎA THUẬN", "Lương thỏa thuận", "Thương lượng", "Cạnh tranh", "Negotiable"])(
    "%j",
    (raw) => {
      expect(parseSalary(raw)).toEqual({ raw, min: null, max: null, currency: null, period: null, negotiable: true });
    },
  );

  it("keeps numbers that come with a negotiable remark", () => {
    expect(parseSalary("Thỏa thuận từ 16,000,000 - 20,000,000 VNĐ/tháng")).toMatchObject({
      min: 16 * M,
      max: 20 * M,
      currency: "VND",
      negotiable: true,
    });
    expect(parseSalary("12 triệu – 18 triệu/tháng (hoặc thỏa thuận)")).toMatchObject({
      min: 12 * M,
      max: 18 * M,
      negotiable: true,
    });
  });
});

describe("parseSalary: unknown forms keep raw with null numbers", () => {
  it.each([
    "abc",
    "???",
    "15",
    "10 - 15",
    "1,000",
    "1,000 - 2,000",
    "10 - abc",
    "20 - 10 triệu",
    "1.500 triệu",
    "10.000.000.000.000 triệu",
    "16.6 - 16.57 triệu VND",
    "8 - 28 triệu VND Lương cứng: 8 - 12 triệu VND",
    "10 triệu hoặc 12 triệu",
    "Từ 420.000 – 800.000đ/kỳ",
    "200k/lần",
    "10 - 15 triệu/ca hoặc 2 triệu/ngày",
    "10 triệu USD",
    "0 - 0 triệu",
    "0 đ",
    "1e9 triệu",
    "20k",
    "99999999999999999999 triệu",
    "10 triệu/tháng hoặc 120 triệu/năm",
    "x".repeat(400),
    "Lương tháng 13",
  ])("%j", (raw) => {
    const salary = parseSalary(raw);
    expect(salary).toMatchObject({ min: null, max: null, currency: null, period: null });
    expect(salary.raw).toBe(raw.replace(/\s+/g, " ").trim());
  });

  it("null and blank → raw null", () => {
    expect(parseSalary(null)).toEqual({
      raw: null,
      min: null,
      max: null,
      currency: null,
      period: null,
      negotiable: false,
    });
    expect(parseSalary("   ")).toEqual({
      raw: null,
      min: null,
      max: null,
      currency: null,
      period: null,
      negotiable: false,
    });
  });

  it("collapses whitespace in raw", () => {
    expect(parseSalary("  10 -\n 15   triệu ").raw).toBe("10 - 15 triệu");
  });
});

describe("parseSalary: invariants on any input", () => {
  const check = (raw: string) => {
    const s = parseSalary(raw);
    if (s.currency === null) expect([s.min, s.max]).toEqual([null, null]);
    else expect(s.min !== null || s.max !== null).toBe(true);
    if (s.min !== null && s.max !== null) expect(s.min).toBeLessThanOrEqual(s.max);
    for (const v of [s.min, s.max]) if (v !== null) expect(Number.isFinite(v) && v > 0).toBe(true);
    if (s.currency !== null) expect(s.period).not.toBeNull();
  };

  it("holds for arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (raw) => check(raw)),
      { numRuns: 2000 },
    );
  });

  it("holds for salary-like text", () => {
    const piece = fc.constantFrom(
      "10",
      "15.5",
      "1,000",
      "9.000.000",
      "-",
      "–",
      " ",
      "triệu",
      "tr",
      "USD",
      "$",
      "k",
      "M",
      "Từ",
      "Tới",
      "Trên",
      "trở lên",
      "/tháng",
      "/giờ",
      "/năm",
      "+",
      "(",
      ")",
      "Thoả thuận",
      "đ",
      "VNĐ",
      "đến",
      "%",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => check(parts.join(" "))),
      { numRuns: 3000 },
    );
  });
});

describe("parseSalary on the income sections of 300 real TopCV details", () => {
  // "Thu nhập:  10 - 15 triệu VND Lương cứng: ..." → the income figure, compared with the structured salary the
  // other crawler read from the page's JSON-LD.
  const INCOME = /^Thu nhập(?: khi đạt 100% KPI)?:\s*(.+?)(?:\s+Thu nhập tính theo|\s+Lương cứng|$)/;
  const rows = readParsedDetails()
    .map((row) => ({ row, income: INCOME.exec(row.detail_sections.thu_nhap?.text ?? "")?.[1] }))
    .filter((r): r is { row: (typeof r)["row"]; income: string } => r.income !== undefined);

  it("finds the income sections", () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
  });

  it("reads the same min and max as the page's structured data", () => {
    const mismatches = rows
      .map(({ row, income }) => ({ income, expected: [row.salary.min, row.salary.max], got: parseSalary(income) }))
      .filter(({ expected, got }) => got.min !== expected[0] || got.max !== expected[1]);
    expect(mismatches).toEqual([]);
  });
});
