import { type StepKey, stepName } from "@jobsync/contracts";
import { type StepReporter, type StepResult, type SyncEnv, stopWhy } from "./sync-context";

const now = () => new Date().toISOString();

/** How many timeline events a sync job's errors may produce (the rest are counted, and kept in the step details). */
const MAX_ERROR_EVENTS = 50;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function reporterFor(env: SyncEnv, key: StepKey): StepReporter {
  const name = stepName(key);
  return {
    key,
    progress: (percent, message) => env.progress.apply({ op: "step_progress", key, progress: percent, message }),
    detail: (line) => env.progress.apply({ op: "step_detail", key, line }),
    message: (message) => env.progress.apply({ op: "step_progress", key, progress: 0, message }),
    warn: (message) => {
      env.progress.apply({ op: "step_detail", key, line: `warning: ${message}` });
      env.progress.event("warn", `${name}: ${message}`, key);
    },
    error: (message) => {
      env.progress.apply(
        { op: "step_detail", key, line: `error: ${message}` },
        { op: "stat_increment", key: "errors", by: 1 },
      );
      if (env.firstErrors.length < 10) env.firstErrors.push(`${name}: ${message}`);
      if (env.progress.state.stats.errors <= MAX_ERROR_EVENTS) env.progress.event("error", `${name}: ${message}`, key);
    },
  };
}

export function startStep(env: SyncEnv, key: StepKey): void {
  env.progress.apply({ op: "step_start", key, at: now() });
  env.progress.event("info", `${stepName(key)} started`, key);
}

export function finishStep(env: SyncEnv, key: StepKey, result: StepResult): void {
  env.progress.apply({ op: "step_finish", key, status: result.status, at: now(), message: result.message });
  env.progress.event("info", `${stepName(key)} ${result.status}: ${result.message}`, key);
}

/** A running step that stopped: failed with its error, or skipped when the sync job was cancelled or stopped. */
export function stopStep(env: SyncEnv, key: StepKey, stop: { cancelled: boolean; why: string }): void {
  const name = stepName(key);
  if (stop.cancelled) {
    env.progress.apply({ op: "step_finish", key, status: "skipped", at: now(), message: `Stopped: ${stop.why}` });
    env.progress.event("warn", `${name} stopped: ${stop.why}`, key);
    return;
  }
  env.progress.apply({
    op: "step_finish",
    key,
    status: "failed",
    at: now(),
    message: `Failed: ${stop.why}`,
    error: stop.why,
  });
  if (env.firstErrors.length < 10) env.firstErrors.push(`${name}: ${stop.why}`);
  env.progress.event("error", `${name} failed: ${stop.why}`, key);
}

/**
 * Run one step that does not stream: started, then completed/skipped with its result, or failed (or skipped on a
 * cancel) when it throws. Returns the step's value, or a failure the pipeline turns into the sync job's outcome.
 */
export async function runStep<T>(
  env: SyncEnv,
  key: StepKey,
  work: (report: StepReporter) => Promise<{ result: StepResult; value: T }>,
): Promise<{ ok: true; value: T } | { ok: false; error: string; cancelled: boolean }> {
  startStep(env, key);
  try {
    const { result, value } = await work(reporterFor(env, key));
    finishStep(env, key, result);
    return { ok: true, value };
  } catch (error) {
    const cancelled = env.signal.aborted;
    const why = cancelled ? stopWhy(env.signal) : errorMessage(error);
    stopStep(env, key, { cancelled, why });
    return { ok: false, error: why, cancelled };
  }
}
