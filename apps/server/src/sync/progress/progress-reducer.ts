import { addQualityTally, type CrawlStep, isFinalStepStatus, MAX_STEP_DETAILS, type StepKey } from "@jobsync/contracts";
import type { ProgressOp } from "./progress-ops";
import type { ProgressState } from "./progress-state";

const clamp = (n: number) => Math.max(0, Math.min(100, Number.isFinite(n) ? n : 0));

/**
 * How much of a sync job's work each step is: crawling (every listing and detail page, at the board's pace) is nearly
 * all of it; the steps that follow it stream along with it and finish moments after it; the set-up steps are quick.
 */
export const STEP_WEIGHTS: Readonly<Record<StepKey, number>> = {
  initialize: 1,
  check_availability: 2,
  start_browser: 2,
  generate_urls: 1,
  crawl_jobs: 80,
  process_jobs: 4,
  check_duplicates: 3,
  save_jobs: 6,
  cleanup: 1,
};

/** Overall percent, weighted by the work of each step: finished steps count whole, running ones by their progress. */
export function overallProgress(steps: readonly CrawlStep[]): number {
  let total = 0;
  let done = 0;
  for (const step of steps) {
    const weight = STEP_WEIGHTS[step.key] ?? 1;
    total += weight;
    if (isFinalStepStatus(step.status)) done += weight;
    else if (step.status === "running") done += (weight * step.progress) / 100;
  }
  return total === 0 ? 0 : Math.round((done / total) * 1000) / 10;
}

function durationMs(startedAt: string | null, finishedAt: string): number | null {
  if (!startedAt) return null;
  return Math.max(0, new Date(finishedAt).getTime() - new Date(startedAt).getTime());
}

function updateStep(
  state: ProgressState,
  key: CrawlStep["key"],
  change: (step: CrawlStep) => CrawlStep,
): ProgressState {
  return { ...state, steps: state.steps.map((s) => (s.key === key ? change(s) : s)) };
}

function applyOne(state: ProgressState, op: ProgressOp): ProgressState {
  switch (op.op) {
    case "step_start":
      return updateStep(state, op.key, (s) => ({
        ...s,
        status: "running",
        progress: 0,
        started_at: op.at,
        finished_at: null,
        message: op.message ?? s.message,
      }));
    case "step_progress":
      return updateStep(state, op.key, (s) =>
        s.status === "running"
          ? { ...s, progress: Math.max(s.progress, clamp(op.progress)), message: op.message ?? s.message }
          : s,
      );
    case "step_detail":
      return updateStep(state, op.key, (s) => {
        const details = [...s.details, op.line];
        return { ...s, details: details.length > MAX_STEP_DETAILS ? details.slice(-MAX_STEP_DETAILS) : details };
      });
    case "step_finish": {
      return updateStep(state, op.key, (s) => ({
        ...s,
        status: op.status,
        progress: op.status === "completed" ? 100 : s.progress,
        finished_at: op.at,
        duration_ms: durationMs(s.started_at, op.at),
        message: op.message ?? s.message,
        error: op.error ?? s.error,
      }));
    }
    case "stat_increment":
      return { ...state, stats: { ...state.stats, [op.key]: state.stats[op.key] + op.by } };
    case "stat_set":
      return { ...state, stats: { ...state.stats, [op.key]: op.value } };
    case "duplicate":
      return {
        ...state,
        stats: {
          ...state.stats,
          duplicates: state.stats.duplicates + op.by,
          duplicates_by_reason: {
            ...state.stats.duplicates_by_reason,
            [op.reason]: state.stats.duplicates_by_reason[op.reason] + op.by,
          },
        },
      };
    case "summary":
      return { ...state, summary: op.summary };
    case "quality_add":
      return { ...state, quality: addQualityTally(state.quality, op.tally) };
    case "alarm":
      return state.alarms.some((a) => a.kind === op.alarm.kind && a.field === op.alarm.field)
        ? state
        : { ...state, alarms: [...state.alarms, op.alarm] };
  }
}

/** Apply operations in order; pure (the input state is not modified). The overall percent never goes back. */
export function applyProgressOps(state: ProgressState, ops: readonly ProgressOp[]): ProgressState {
  let next = state;
  for (const op of ops) next = applyOne(next, op);
  return {
    ...next,
    progress: Math.max(state.progress, overallProgress(next.steps)),
    // several steps run at once while postings stream through: the current one is the first of them
    current_step: next.steps.find((s) => s.status === "running")?.key ?? null,
  };
}
