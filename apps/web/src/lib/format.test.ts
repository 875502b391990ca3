import { describe, expect, test } from "vitest";
import { elapsedMs, formatDuration, formatRelative, humanize } from "./format";

describe("format", () => {
  test("durations", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(8_340)).toBe("8.3 s");
    expect(formatDuration(12_340)).toBe("12 s");
    expect(formatDuration(41_000)).toBe("41 s");
    expect(formatDuration(125_000)).toBe("2 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-1)).toBe("—");
  });

  test("relative times against a given now", () => {
    const now = Date.parse("2026-05-04T08:00:00Z");
    expect(formatRelative("2026-05-04T07:59:30Z", now)).toBe("just now");
    expect(formatRelative("2026-05-04T07:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-05-04T05:00:00Z", now)).toBe("3 hours ago");
    expect(formatRelative("2026-05-02T08:00:00Z", now)).toBe("2 days ago");
    expect(formatRelative(null, now)).toBe("—");
  });

  test("elapsed runs to now while unfinished", () => {
    const now = Date.parse("2026-05-04T08:00:10Z");
    expect(elapsedMs("2026-05-04T08:00:00Z", null, now)).toBe(10_000);
    expect(elapsedMs("2026-05-04T08:00:00Z", "2026-05-04T08:00:04Z", now)).toBe(4_000);
    expect(elapsedMs(null, null, now)).toBeNull();
  });

  test("humanize keys", () => {
    expect(humanize("search_keywords")).toBe("Search keywords");
  });
});
