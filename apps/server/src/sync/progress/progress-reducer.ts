import { type CrawlStep, isFinalStepStatus, MAX_STEP_DETAILS } from "@jobsync/contracts";
import type { ProgressOp } from "./progress-ops";
import type { ProgressState } from "./progress-state";

const clamp = (n: number) => Math.max(0, Math.min(100, Number.isFinite(n) ? n : 0));

/** Overall percent: each finished step counts whole, the running step by its own progress. One decimal. */
export function overallProgress(steps: readonly CrawlStep[]): number {
  if (steps.length === 0) return 0;
  let done = 0;
  for (const step of steps) {
    if (isFinalStepStatus(step.status)) done += 1;
    else if (step.status === "running") done += step.progress / 100;
  }
  return Math.round((done / steps.length) * 1000) / 10;
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
      return {
        ...updateStep(state, op.key, (s) => ({
          ...s,
          status: "running",
          progress: 0,
          started_at: op.at,
          finished_at: null,
          message: op.message ?? s.message,
        })),
        current_step: op.key,
      };
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
      const next = updateStep(state, op.key, (s) => ({
        ...s,
        status: op.status,
        progress: op.status === "completed" ? 100 : s.progress,
        finished_at: op.at,
        duration_ms: durationMs(s.started_at, op.at),
        message: op.message ?? s.message,
        error: op.error ?? s.error,
      }));
      return { ...next, current_step: state.current_step === op.key ? null : state.current_step };
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
  }
}

/** Apply operations in order; pure (the input state is not modified). */
export function applyProgressOps(state: ProgressState, ops: readonly ProgressOp[]): ProgressState {
  let next = state;
  for (const op of ops) next = applyOne(next, op);
  return { ...next, progress: overallProgress(next.steps) };
}
