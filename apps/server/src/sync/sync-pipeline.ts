import { type FinalSyncJobStatus, type StepKey, stepName } from "@jobsync/contracts";
import { FetchError } from "@jobsync/crawler";
import { checkAvailabilityStep } from "./steps/check-availability";
import { checkDuplicatesStep } from "./steps/check-duplicates";
import { buildSummary, cleanupStep } from "./steps/cleanup";
import { crawlJobsStep } from "./steps/crawl-jobs";
import { generateUrlsStep } from "./steps/generate-urls";
import { initializeStep } from "./steps/initialize";
import { processJobsStep } from "./steps/process-jobs";
import { saveJobsStep } from "./steps/save-jobs";
import { startBrowserStep } from "./steps/start-browser";
import type { StepReporter, SyncContext, SyncStep } from "./sync-context";

/** The nine steps in the guide's order; Cleanup is last and always runs. */
export const SYNC_PIPELINE: readonly SyncStep[] = [
  initializeStep,
  checkAvailabilityStep,
  startBrowserStep,
  generateUrlsStep,
  crawlJobsStep,
  processJobsStep,
  checkDuplicatesStep,
  saveJobsStep,
  cleanupStep,
];

const now = () => new Date().toISOString();

function reporterFor(ctx: SyncContext, key: StepKey): StepReporter {
  const name = stepName(key);
  return {
    key,
    progress: (percent, message) => ctx.progress.apply({ op: "step_progress", key, progress: percent, message }),
    detail: (line) => ctx.progress.apply({ op: "step_detail", key, line }),
    message: (message) => ctx.progress.apply({ op: "step_progress", key, progress: 0, message }),
    warn: (message) => {
      ctx.progress.apply({ op: "step_detail", key, line: `warning: ${message}` });
      ctx.progress.event("warn", `${name}: ${message}`, key);
    },
    error: (message) => {
      ctx.progress.apply(
        { op: "step_detail", key, line: `error: ${message}` },
        { op: "stat_increment", key: "errors", by: 1 },
      );
      if (ctx.firstErrors.length < 10) ctx.firstErrors.push(`${name}: ${message}`);
      if (ctx.progress.state.stats.errors <= 50) ctx.progress.event("error", `${name}: ${message}`, key);
    },
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof FetchError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function runStep(ctx: SyncContext, step: SyncStep): Promise<{ ok: true } | { ok: false; error: string }> {
  const name = stepName(step.key);
  ctx.progress.apply({ op: "step_start", key: step.key, at: now() });
  ctx.progress.event("info", `${name} started`, step.key);
  try {
    const result = await step.run(ctx, reporterFor(ctx, step.key));
    ctx.progress.apply({ op: "step_finish", key: step.key, status: result.status, at: now(), message: result.message });
    ctx.progress.event("info", `${name} ${result.status}: ${result.message}`, step.key);
    return { ok: true };
  } catch (error) {
    const cancelled = ctx.signal.aborted;
    const message = cancelled ? "cancelled" : errorMessage(error);
    ctx.progress.apply({
      op: "step_finish",
      key: step.key,
      status: cancelled ? "skipped" : "failed",
      at: now(),
      message: cancelled ? "Cancelled while running" : `Failed: ${message}`,
      ...(cancelled ? {} : { error: message }),
    });
    if (!cancelled && ctx.firstErrors.length < 10) ctx.firstErrors.push(`${name}: ${message}`);
    ctx.progress.event(
      cancelled ? "warn" : "error",
      `${name} ${cancelled ? "cancelled" : `failed: ${message}`}`,
      step.key,
    );
    return { ok: false, error: message };
  }
}

/**
 * Run the steps in order. A failed step fails the sync job with "<Step>: <reason>" and the steps after it are skipped;
 * a cancel skips the rest; Cleanup always runs. Returns the final status and error.
 */
export async function runPipeline(
  ctx: SyncContext,
  steps: readonly SyncStep[] = SYNC_PIPELINE,
): Promise<{ status: FinalSyncJobStatus; error: string | null }> {
  const work = steps.filter((s) => s.key !== "cleanup");
  const cleanup = steps.find((s) => s.key === "cleanup");
  let outcome: { status: FinalSyncJobStatus; error: string | null } = { status: "completed", error: null };
  for (let i = 0; i < work.length; i++) {
    const step = work[i]!;
    if (ctx.signal.aborted) {
      outcome = { status: "cancelled", error: null };
    } else {
      const result = await runStep(ctx, step);
      if (result.ok) continue;
      outcome = ctx.signal.aborted
        ? { status: "cancelled", error: null }
        : { status: "failed", error: `${stepName(step.key)}: ${result.error}` };
      i += 1;
    }
    const why =
      outcome.status === "cancelled" ? "Not run: the sync job was cancelled" : `Not run: ${stepName(step.key)} failed`;
    for (const rest of work.slice(i)) {
      ctx.progress.apply({ op: "step_finish", key: rest.key, status: "skipped", at: now(), message: why });
    }
    break;
  }
  ctx.outcome = outcome;
  if (cleanup) {
    const result = await runStep({ ...ctx, signal: new AbortController().signal } as SyncContext, cleanup);
    if (!result.ok && outcome.status === "completed") outcome = { status: "failed", error: `Cleanup: ${result.error}` };
  }
  ctx.outcome = outcome;
  ctx.progress.apply({ op: "summary", summary: buildSummary(ctx, new Date()) });
  return outcome;
}
