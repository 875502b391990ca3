import { describe, expect, it } from "vitest";
import { bestMonthlyVnd, monthlyEquivalentVnd, type Salary, USD_TO_VND } from "../src/salary";

const salary = (min: number | null, max: number | null, currency: Salary["currency"], period: Salary["period"]) => ({
  min,
  max,
  currency,
  period,
});

describe("monthlyEquivalentVnd: full-time monthly amounts in VND", () => {
  it.each([
    ["a month", salary(10_000_000, 15_000_000, "VND", "month"), { min: 10_000_000, max: 15_000_000 }],
    ["an hour: 8 hours × 26 days", salary(24_000, 25_000, "VND", "hour"), { min: 4_992_000, max: 5_200_000 }],
    ["a day: 26 working days", salary(300_000, null, "VND", "day"), { min: 7_800_000, max: null }],
    ["a shift: one a working day", salary(null, 500_000, "VND", "shift"), { min: null, max: 13_000_000 }],
    ["a week: 52 / 12", salary(3_000_000, 3_000_000, "VND", "week"), { min: 13_000_000, max: 13_000_000 }],
    ["a year: / 12", salary(120_000_000, 180_000_000, "VND", "year"), { min: 10_000_000, max: 15_000_000 }],
    ["USD a month", salary(1_000, 2_000, "USD", "month"), { min: 1_000 * USD_TO_VND, max: 2_000 * USD_TO_VND }],
    ["USD an hour", salary(10, null, "USD", "hour"), { min: 10 * 208 * USD_TO_VND, max: null }],
  ])("%s", (_label, input, expected) => {
    expect(monthlyEquivalentVnd(input)).toEqual(expected);
  });

  it.each([
    ["a piece rate has no time equivalent", salary(null, 150_000, "VND", "piece")],
    ["no numbers", salary(null, null, null, null)],
    ["numbers without a currency", salary(10, 20, null, "month")],
    ["numbers without a period", salary(10, 20, "VND", null)],
  ])("null: %s", (_label, input) => {
    expect(monthlyEquivalentVnd(input)).toBeNull();
    expect(bestMonthlyVnd(input)).toBeNull();
  });

  it("the best monthly figure is the maximum, else the minimum", () => {
    expect(bestMonthlyVnd(salary(24_000, 25_000, "VND", "hour"))).toBe(5_200_000);
    expect(bestMonthlyVnd(salary(24_000, null, "VND", "hour"))).toBe(4_992_000);
  });
});
