import { describe, expect, it } from "vitest";
import { KnownPagesTracker } from "../../src/crawl/known-pages";

describe("KnownPagesTracker (incremental crawling)", () => {
  it("ends a target at the K-th page in a row with nothing new", () => {
    const tracker = new KnownPagesTracker(2);
    expect(tracker.record(0, 1, true)).toBeNull();
    expect(tracker.record(0, 2, false)).toBeNull();
    expect(tracker.record(0, 3, false)).toBe(3);
  });

  it("counts over the settled prefix, whatever order pages arrive in", () => {
    const tracker = new KnownPagesTracker(2);
    expect(tracker.record(0, 3, false)).toBeNull();
    expect(tracker.record(0, 2, false)).toBeNull();
    expect(tracker.record(0, 1, false)).toBe(2);
  });

  it("a page with a new posting, or a failed page, breaks the run; targets are separate", () => {
    const tracker = new KnownPagesTracker(2);
    tracker.record(0, 1, false);
    expect(tracker.record(0, 2, null)).toBeNull();
    expect(tracker.record(0, 3, false)).toBeNull();
    expect(tracker.record(1, 1, false)).toBeNull();
    expect(tracker.record(0, 4, true)).toBeNull();
    expect(tracker.record(1, 2, false)).toBe(2);
  });

  it("refuses a bad K", () => {
    expect(() => new KnownPagesTracker(0)).toThrow(/stopAfterKnownPages must be an integer >= 1, got 0/);
    expect(() => new KnownPagesTracker(1.5)).toThrow(RangeError);
  });
});
