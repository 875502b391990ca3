import { describe, expect, it } from "vitest";
import { parseDeadline, parseRelativeDate } from "../../src/normalize/date";

const crawledAt = new Date("2025-10-18T05:00:00.000Z");

describe("parseRelativeDate", () => {
  it.each([
    ["hôm nay", "2025-10-18T05:00:00.000Z"],
    ["Đăng hôm nay", "2025-10-18T05:00:00.000Z"],
    ["hôm qua", "2025-10-17T05:00:00.000Z"],
    ["48 giây trước", "2025-10-18T04:59:12.000Z"],
    ["Đăng 5 phút trước", "2025-10-18T04:55:00.000Z"],
    ["2 giờ trước", "2025-10-18T03:00:00.000Z"],
    ["2 ngày trước", "2025-10-16T05:00:00.000Z"],
    ["Đăng 2 ngày trước", "2025-10-16T05:00:00.000Z"],
    ["Cập nhật 3 ngày trước", "2025-10-15T05:00:00.000Z"],
    ["Cập nhật: 3 ngày trước", "2025-10-15T05:00:00.000Z"],
    ["1 tuần trước", "2025-10-11T05:00:00.000Z"],
    ["1 tháng trước", "2025-09-18T05:00:00.000Z"],
    ["Đăng 1 tháng trước", "2025-09-18T05:00:00.000Z"],
    ["2 năm trước", "2023-10-18T05:00:00.000Z"],
    ["một ngày trước", "2025-10-17T05:00:00.000Z"],
    ["  ĐĂNG   2   NGÀY   TRƯỚC ", "2025-10-16T05:00:00.000Z"],
    ["3 days ago", "2025-10-15T05:00:00.000Z"],
    ["yesterday", "2025-10-17T05:00:00.000Z"],
  ])("%j", (label, expected) => {
    expect(parseRelativeDate(label, crawledAt)?.toISOString()).toBe(expected);
  });

  it("counts calendar months, clamped to the month's last day", () => {
    expect(parseRelativeDate("1 tháng trước", new Date("2025-03-31T00:00:00Z"))?.toISOString()).toBe(
      "2025-02-28T00:00:00.000Z",
    );
    expect(parseRelativeDate("1 tháng trước", new Date("2024-03-31T00:00:00Z"))?.toISOString()).toBe(
      "2024-02-29T00:00:00.000Z",
    );
    expect(parseRelativeDate("3 tháng trước", new Date("2025-01-15T00:00:00Z"))?.toISOString()).toBe(
      "2024-10-15T00:00:00.000Z",
    );
  });

  it.each([
    [null],
    [""],
    ["Thoả thuận"],
    ["2 ngày"],
    ["ngày trước"],
    ["2 thế kỷ trước"],
    ["-2 ngày trước"],
    ["2 ngày sau"],
    ["29/04/2026"],
  ])("%j → null", (label) => {
    expect(parseRelativeDate(label, crawledAt)).toBeNull();
  });

  it("is null for an invalid crawl time", () => {
    expect(parseRelativeDate("2 ngày trước", new Date("nope"))).toBeNull();
  });
});

describe("parseDeadline", () => {
  it.each([
    ["29/04/2026", "2026-04-29"],
    ["  30/11/2025  ", "2025-11-30"],
    ["Hạn nộp hồ sơ: 30/11/2025", "2025-11-30"],
    ["Hạn nộp hồ sơ: 29/04/2026 (Còn 16 ngày)", "2026-04-29"],
    ["1/2/2026", "2026-02-01"],
    ["30-11-2025", "2025-11-30"],
    ["29/02/2024", "2024-02-29"],
    ["2025-12-27T16:59:59+00:00", "2025-12-27"],
    ["2025-12-27", "2025-12-27"],
  ])("%j → %j", (text, expected) => {
    expect(parseDeadline(text)).toBe(expected);
  });

  it.each([
    [null],
    [""],
    ["31/02/2025"],
    ["29/02/2025"],
    ["31/04/2026"],
    ["00/01/2026"],
    ["12/13/2025"],
    ["2025-02-30"],
    ["Hạn nộp hồ sơ: sắp hết hạn"],
    ["123/11/2025"],
    ["30/11/20255"],
  ])("%j → null", (text) => {
    expect(parseDeadline(text)).toBeNull();
  });
});
