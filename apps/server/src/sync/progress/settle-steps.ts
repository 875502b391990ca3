import type { CrawlStep, FinalSyncJobStatus } from "@jobsync/contracts";

/** How a sync job ended, as its steps must show it. */
export interface StepSettlement {
  status: FinalSyncJobStatus;
  /** Shown on every step that had not finished: "Not run: <why>" on pending ones, the error on a running one. */
  why: string;
  at: string;
}

/**
 * The one place where the steps of an ending sync job are settled, whoever ends it (the runner, a cancel before a
 * worker took it, the reaper, a failed enqueue): a running step becomes failed (with the reason as its error) or, for
 * a cancel, skipped; a pending step becomes skipped with "Not run: …". Finished steps are left as they are. Pure.
 */
export function settleSteps(steps: readonly CrawlStep[], end: StepSettlement): CrawlStep[] {
  return steps.map((step) => {
    if (step.status === "running") {
      const failed = end.status === "failed";
      return {
        ...step,
        status: failed ? "failed" : "skipped",
        message: failed ? `Failed: ${end.why}` : `Stopped: ${end.why}`,
        error: failed ? end.why : step.error,
        finished_at: end.at,
        duration_ms: step.started_at ? Math.max(0, Date.parse(end.at) - Date.parse(step.started_at)) : null,
      };
    }
    if (step.status === "pending") return { ...step, status: "skipped", message: `Not run: ${end.why}` };
    return step;
  });
}
