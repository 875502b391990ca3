import type { Salary } from "@jobsync/contracts";
import { describe, expect, test } from "vitest";
import { formatSalary } from "./salary-format";

const salary = (patch: Partial<Salary>): Salary => ({
  raw: null,
  min: null,
  max: null,
  currency: null,
  period: null,
  negotiable: false,
  ...patch,
});

describe("formatSalary", () => {
  test("VND ranges read in triệu per month", () => {
    expect(formatSalary(salary({ raw: "10 - 15 triệu", min: 10e6, max: 15e6, currency: "VND", period: "month" }))).toBe(
      "10 – 15 triệu VND/tháng",
    );
    expect(formatSalary(salary({ min: 15.5e6, max: 15.5e6, currency: "VND", period: "month" }))).toBe(
      "15.5 triệu VND/tháng",
    );
  });

  test("one-sided ranges: Tới (max only) and Từ (min only)", () => {
    expect(formatSalary(salary({ raw: "Tới 20 triệu", max: 20e6, currency: "VND", period: "month" }))).toBe(
      "Tới 20 triệu VND/tháng",
    );
    expect(formatSalary(salary({ raw: "Trên 10 triệu", min: 10e6, currency: "VND", period: "month" }))).toBe(
      "Từ 10 triệu VND/tháng",
    );
  });

  test("USD keeps whole dollars with thousands separators", () => {
    expect(
      formatSalary(salary({ raw: "1,000 - 2,000 USD", min: 1000, max: 2000, currency: "USD", period: "month" })),
    ).toBe("1,000 – 2,000 USD/tháng");
  });

  test("small VND amounts are not shown in millions", () => {
    expect(formatSalary(salary({ min: 50_000, max: 80_000, currency: "VND", period: "hour" }))).toBe(
      "50,000 – 80,000 VND/giờ",
    );
  });

  test("every pay period reads as the boards write it: per shift and per piece too", () => {
    expect(formatSalary(salary({ min: 24_000, max: 25_000, currency: "VND", period: "hour" }))).toBe(
      "24,000 – 25,000 VND/giờ",
    );
    expect(formatSalary(salary({ max: 500_000, currency: "VND", period: "shift" }))).toBe("Tới 500,000 VND/ca");
    expect(formatSalary(salary({ max: 150_000, currency: "VND", period: "piece" }))).toBe("Tới 150,000 VND/sản phẩm");
    expect(formatSalary(salary({ min: 300_000, max: 300_000, currency: "VND", period: "day" }))).toBe(
      "300,000 VND/ngày",
    );
    expect(formatSalary(salary({ min: 120e6, max: 180e6, currency: "VND", period: "year" }))).toBe(
      "120 – 180 triệu VND/năm",
    );
  });

  test("negotiable, unknown forms keep the raw text, nothing at all is a dash", () => {
    expect(formatSalary(salary({ raw: "Thỏa thuận", negotiable: true }))).toBe("Thoả thuận");
    expect(formatSalary(salary({ raw: "Cạnh tranh" }))).toBe("Cạnh tranh");
    expect(formatSalary(salary({}))).toBe("—");
  });
});
