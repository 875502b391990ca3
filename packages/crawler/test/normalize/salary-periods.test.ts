import type { Salary } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import { parseSalary } from "../../src/normalize/salary";

const M = 1_000_000;
const K = 1_000;
type Expected = [min: number | null, max: number | null, currency: "VND" | "USD", period: Salary["period"]];

/**
 * Pay periods (issue 17): the forms real TopCV cards show ("24 k - 25 k /giờ", "Từ 24 k /giờ", "Tới 150 k /sp",
 * "0.0 - 15 triệu") and their neighbours — every period, min only, max only, range, VND and USD.
 */
const FORMS: ReadonlyArray<[string, Expected]> = [
  // hourly, as TopCV writes it (spaces before "k" and before the slash)
  ["24 k - 25 k /giờ", [24 * K, 25 * K, "VND", "hour"]],
  ["20 k - 30 k /giờ", [20 * K, 30 * K, "VND", "hour"]],
  ["Từ 24 k /giờ", [24 * K, null, "VND", "hour"]],
  ["Tới 30 k /giờ", [null, 30 * K, "VND", "hour"]],
  ["24k/giờ", [24 * K, 24 * K, "VND", "hour"]],
  ["25 nghìn/giờ", [25 * K, 25 * K, "VND", "hour"]],
  ["30k/tiếng", [30 * K, 30 * K, "VND", "hour"]],
  ["25.000/giờ", [25 * K, 25 * K, "VND", "hour"]],
  ["22.500đ/h", [22_500, 22_500, "VND", "hour"]],
  ["$10 - $15/hour", [10, 15, "USD", "hour"]],
  ["10 - 15 USD/giờ", [10, 15, "USD", "hour"]],
  ["Up to $50/h", [null, 50, "USD", "hour"]],
  // per piece of work
  ["Tới 150 k /sp", [null, 150 * K, "VND", "piece"]],
  ["Từ 5 k /sp", [5 * K, null, "VND", "piece"]],
  ["2 k - 5 k /sản phẩm", [2 * K, 5 * K, "VND", "piece"]],
  ["15.000đ/đơn", [15 * K, 15 * K, "VND", "piece"]],
  ["100k/bài", [100 * K, 100 * K, "VND", "piece"]],
  ["$5/piece", [5, 5, "USD", "piece"]],
  ["Tới 5 triệu/dự án", [null, 5 * M, "VND", "piece"]],
  // daily, per shift, weekly, yearly
  ["300 k/ngày", [300 * K, 300 * K, "VND", "day"]],
  ["Từ 250.000đ/ngày", [250 * K, null, "VND", "day"]],
  ["200 k - 350 k /ngày", [200 * K, 350 * K, "VND", "day"]],
  ["$100/day", [100, 100, "USD", "day"]],
  ["Tới 500 k /ca", [null, 500 * K, "VND", "shift"]],
  ["300.000 - 350.000 đ/ca", [300 * K, 350 * K, "VND", "shift"]],
  ["250k/ca làm việc", [250 * K, 250 * K, "VND", "shift"]],
  ["Từ 420.000 – 800.000đ/buổi (2h)", [420 * K, 800 * K, "VND", "shift"]],
  ["2 - 3 triệu/tuần", [2 * M, 3 * M, "VND", "week"]],
  ["$500/week", [500, 500, "USD", "week"]],
  ["120 - 180 triệu/năm", [120 * M, 180 * M, "VND", "year"]],
  ["Từ 200 triệu/năm", [200 * M, null, "VND", "year"]],
  ["$40,000 - $60,000/year", [40_000, 60_000, "USD", "year"]],
  ["Up to 60,000 USD per year", [null, 60_000, "USD", "year"]],
  // a zero minimum is no minimum
  ["0.0 - 15 triệu", [null, 15 * M, "VND", "month"]],
  ["0 - 15 triệu", [null, 15 * M, "VND", "month"]],
  ["0 - 2,000 USD", [null, 2_000, "USD", "month"]],
  // monthly neighbours stay as they were
  ["10 - 15 triệu", [10 * M, 15 * M, "VND", "month"]],
  ["500 k/tháng", [500 * K, 500 * K, "VND", "month"]],
];

describe("parseSalary: pay periods", () => {
  it.each(FORMS)("%j", (raw, [min, max, currency, period]) => {
    expect(parseSalary(raw)).toEqual({ raw, min, max, currency, period, negotiable: false });
  });
});

describe("parseSalary: implausible amounts for the period keep raw with null numbers", () => {
  it.each([
    ["20k", "20,000 VND a month is not a salary"],
    ["50.000 VND", "nor 50,000"],
    ["15/giờ", "a bare 15 an hour could be USD"],
    ["2 k/giờ", "2,000 VND an hour is below any wage"],
    ["15 triệu/giờ", "15 million an hour is a misread"],
    ["5 k/ngày", "5,000 VND a day is below any wage"],
    ["0.0 - 0 triệu", "nothing but zeros"],
    ["0 k/giờ", "zero"],
    ["Từ 420.000 – 800.000đ/kỳ", "a term is not a period we model"],
    ["200k/lần", "nor a visit"],
    ["10 k/giờ hoặc 2 triệu/tháng", "two periods"],
  ])("%j (%s)", (raw) => {
    expect(parseSalary(raw)).toMatchObject({ raw, min: null, max: null, currency: null, period: null });
  });
});
