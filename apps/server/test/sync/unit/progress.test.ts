import { describe, expect, it } from "vitest";
import { applyProgressOps, overallProgress, STEP_WEIGHTS } from "../../../src/sync/progress/progress-reducer";
import { initialProgressState } from "../../../src/sync/progress/progress-state";
import { settleSteps } from "../../../src/sync/progress/settle-steps";
import { addStats, sumStats } from "../../../src/sync/progress/stats-sum";
import { estimateSecondsLeft } from "../../../src/sync/sync-job.mapper";

const AT = "2026-12-05T08:00:00.000Z";
const later = (secs: number) => new Date(Date.parse(AT) + secs * 1000).toISOString();

describe("the progress reducer", () => {
  it("weighs the overall percent by the work of each step: crawling is most of it", () => {
    const total = Object.values(STEP_WEIGHTS).reduce((a, b) => a + b, 0);
    let state = initialProgressState();
    for (const key of ["initialize", "check_availability", "start_browser", "generate_urls"] as const) {
      state = applyProgressOps(state, [
        { op: "step_start", key, at: AT },
        { op: "step_finish", key, status: key === "start_browser" ? "skipped" : "completed", at: AT },
      ]);
    }
    expect(state.progress).toBeCloseTo((6 / total) * 100, 1);
    state = applyProgressOps(state, [
      { op: "step_start", key: "crawl_jobs", at: AT },
      { op: "step_progress", key: "crawl_jobs", progress: 50 },
    ]);
    expect(state.progress).toBeCloseTo(((6 + 40) / total) * 100, 1);
    expect(overallProgress(state.steps)).toBe(state.progress);
  });

  it("runs several steps at once: each has its own progress, the current step is the first running one", () => {
    let state = applyProgressOps(initialProgressState(), [
      { op: "step_start", key: "crawl_jobs", at: AT },
      { op: "step_start", key: "process_jobs", at: AT },
      { op: "step_start", key: "save_jobs", at: AT },
      { op: "step_progress", key: "crawl_jobs", progress: 60 },
      { op: "step_progress", key: "save_jobs", progress: 40 },
    ]);
    expect(state.steps.filter((s) => s.status === "running").map((s) => s.key)).toEqual([
      "crawl_jobs",
      "process_jobs",
      "save_jobs",
    ]);
    expect(state.current_step).toBe("crawl_jobs");
    state = applyProgressOps(state, [{ op: "step_finish", key: "crawl_jobs", status: "completed", at: later(5) }]);
    expect(state.current_step).toBe("process_jobs");
  });

  it("never lets the overall percent go back, and a step's own progress only moves up", () => {
    let state = applyProgressOps(initialProgressState(), [
      { op: "step_start", key: "crawl_jobs", at: AT },
      { op: "step_progress", key: "crawl_jobs", progress: 70 },
    ]);
    const before = state.progress;
    state = applyProgressOps(state, [{ op: "step_progress", key: "crawl_jobs", progress: 30 }]);
    expect(state.steps.find((s) => s.key === "crawl_jobs")!.progress).toBe(70);
    // a later attempt restarts its steps, but starts from the percent reached before
    const resumed = applyProgressOps({ ...initialProgressState(), progress: before }, [
      { op: "step_start", key: "initialize", at: AT },
    ]);
    expect(resumed.progress).toBe(before);
  });
});

describe("settleSteps", () => {
  it("fails the running step with the reason and skips the pending ones, leaving finished steps as they are", () => {
    const state = applyProgressOps(initialProgressState(), [
      { op: "step_start", key: "initialize", at: AT },
      { op: "step_finish", key: "initialize", status: "completed", at: AT },
      { op: "step_start", key: "check_availability", at: AT },
    ]);
    const settled = settleSteps(state.steps, { status: "failed", why: "interrupted: worker stopped", at: later(3) });
    expect(settled[0]).toEqual(state.steps[0]);
    expect(settled[1]).toMatchObject({
      status: "failed",
      error: "interrupted: worker stopped",
      message: "Failed: interrupted: worker stopped",
      duration_ms: 3000,
    });
    expect(
      settled.slice(2).every((s) => s.status === "skipped" && s.message === "Not run: interrupted: worker stopped"),
    ).toBe(true);
  });

  it("a cancel stops the running step as skipped, without an error", () => {
    const state = applyProgressOps(initialProgressState(), [{ op: "step_start", key: "crawl_jobs", at: AT }]);
    const settled = settleSteps(state.steps, { status: "cancelled", why: "cancelled", at: later(1) });
    expect(settled.find((s) => s.key === "crawl_jobs")).toMatchObject({
      status: "skipped",
      error: null,
      message: "Stopped: cancelled",
    });
  });
});

describe("statistics sums", () => {
  it("adds every counter, the duplicates by reason too", () => {
    const a = addStats(sumStats([]), {
      jobs_added: 3,
      duplicates: 2,
      duplicates_by_reason: { same_id: 1, same_url: 1, same_content: 0 },
    });
    const b = sumStats([a, a, { pages_restored: 4 }]);
    expect(b).toMatchObject({ jobs_added: 6, duplicates: 4, pages_restored: 4 });
    expect(b.duplicates_by_reason).toEqual({ same_id: 2, same_url: 2, same_content: 0 });
  });
});

describe("estimateSecondsLeft", () => {
  const running = (progress: number, startedSecsAgo: number) =>
    applyProgressOps(initialProgressState(), [
      { op: "step_start", key: "crawl_jobs", at: later(-startedSecsAgo) },
      { op: "step_progress", key: "crawl_jobs", progress },
    ]).steps;

  it("extrapolates the crawl's rate once it means something", () => {
    expect(estimateSecondsLeft(running(25, 30), "running", AT)).toBe(90);
    expect(estimateSecondsLeft(running(25, 2), "running", AT)).toBeNull(); // too early
    expect(estimateSecondsLeft(running(1, 60), "running", AT)).toBeNull(); // too little done
    expect(estimateSecondsLeft(running(25, 30), "cancelling", AT)).toBeNull();
  });
});
