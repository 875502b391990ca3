import { emptyQualityTally, type QualityTally, qualityOf } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import { sourceHealthOf } from "../../src/data-sources/source-health-status";
import { applyProgressOps } from "../../src/sync/progress/progress-reducer";
import { initialProgressState } from "../../src/sync/progress/progress-state";
import { baselineOf, driftAlarms, median } from "../../src/sync/quality/baseline";

const tally = (postings: number, salary: number, cards: number, pages: number): QualityTally => {
  const t = emptyQualityTally();
  t.postings = postings;
  for (const f of Object.keys(t.filled) as Array<keyof QualityTally["filled"]>) t.filled[f] = postings;
  t.filled.salary = salary;
  t.cards = cards;
  t.listing_pages = pages;
  return t;
};

describe("baseline and drift (pure)", () => {
  it("median of odd and even counts; none for none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("no baseline before 3 sync jobs; then each figure's median", () => {
    const recent = [tally(10, 8, 50, 1), tally(10, 9, 48, 1), tally(10, 7, 50, 1)].map((t) => ({
      tally: t,
      jobsFound: 10,
    }));
    expect(baselineOf(recent.slice(0, 2))).toBeNull();
    expect(baselineOf(recent)).toMatchObject({
      sync_jobs: 3,
      cards_per_page: 50,
      jobs_found: 10,
      fields: { salary: 0.8, title: 1 },
    });
  });

  it("a field more than the tolerance below its baseline, and cards per page halved, are drift alarms", () => {
    const recent = [1, 2, 3].map(() => ({ tally: tally(10, 8, 50, 1), jobsFound: 10 }));
    const baseline = baselineOf(recent);
    if (!baseline) throw new Error("baseline expected");
    expect(driftAlarms(qualityOf(tally(10, 7, 50, 1)), baseline, 0.2)).toEqual([]);
    const alarms = driftAlarms(qualityOf(tally(10, 5, 24, 1)), baseline, 0.2);
    expect(alarms.map((a) => [a.kind, a.field, a.baseline, a.actual])).toEqual([
      ["drift", "salary", 0.8, 0.5],
      ["drift", "cards_per_page", 50, 24],
    ]);
  });
});

describe("health status and progress ops (pure)", () => {
  it("failing, drifting, healthy, never synced — with the reason", () => {
    const alarm = { kind: "drift" as const, field: "salary", baseline: 0.8, actual: 0, message: "salary dropped" };
    expect(sourceHealthOf({ autoDisable: "ok", consecutiveFailures: 0, latest: null }).status).toBe("never_synced");
    expect(
      sourceHealthOf({
        autoDisable: "ok",
        consecutiveFailures: 1,
        latest: { status: "failed", error: "boom", alarms: [] },
      }),
    ).toEqual({
      status: "failing",
      reason: "the latest sync job failed: boom",
    });
    expect(
      sourceHealthOf({
        autoDisable: "ok",
        consecutiveFailures: 0,
        latest: { status: "completed", error: null, alarms: [alarm] },
      }),
    ).toEqual({
      status: "drifting",
      reason: "salary dropped",
    });
    expect(
      sourceHealthOf({
        autoDisable: "ok",
        consecutiveFailures: 0,
        latest: { status: "completed", error: null, alarms: [] },
      }).status,
    ).toBe("healthy");
  });

  it("quality counters add up; an alarm is raised once per kind and field", () => {
    const alarm = { kind: "layout_changed" as const, field: "cards_per_page", baseline: null, actual: 0, message: "x" };
    const state = applyProgressOps(initialProgressState(), [
      { op: "quality_add", tally: { listing_pages: 1, cards: 50 } },
      { op: "quality_add", tally: { listing_pages: 1, cards: 0, empty_pages: 1 } },
      { op: "alarm", alarm },
      { op: "alarm", alarm: { ...alarm, message: "again" } },
    ]);
    expect(state.quality).toMatchObject({ listing_pages: 2, cards: 50, empty_pages: 1 });
    expect(state.alarms).toEqual([alarm]);
  });
});
