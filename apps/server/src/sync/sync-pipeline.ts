import { type StepKey, SYNC_STEPS, stepName } from "@jobsync/contracts";
import type { CrawlStreamResult } from "@jobsync/crawler";
import { judgeQuality } from "./quality/judge-quality";
import { errorMessage, finishStep, reporterFor, runStep, startStep, stopStep } from "./step-runner";
import { checkAvailability } from "./steps/check-availability";
import { checkDuplicatesStep } from "./steps/check-duplicates";
import { buildSummary, cleanup } from "./steps/cleanup";
import { crawlJobs } from "./steps/crawl-jobs";
import { generateUrls } from "./steps/generate-urls";
import { initialize } from "./steps/initialize";
import { processJobsStep } from "./steps/process-jobs";
import { saveJobsStep } from "./steps/save-jobs";
import { startBrowser } from "./steps/start-browser";
import { Channel, DownstreamStopped } from "./stream/channel";
import { type Progressed, runStage, type StageEnd } from "./stream/stage-runner";
import {
  type PipelineOutcome,
  type PlannedSync,
  type PreparedSync,
  type StreamBatch,
  type SyncEnv,
  type SyncJobInput,
  stopWhy,
} from "./sync-context";

/** Batches waiting between two streaming steps: with the batch each step holds, what a sync keeps in memory. */
const HAND_OVER_CAPACITY = 2;

const now = () => new Date().toISOString();

type Stepped<T> = { ok: true; value: T } | { ok: false; outcome: PipelineOutcome };

function stepOutcome(env: SyncEnv, key: StepKey, error: string, cancelled: boolean): PipelineOutcome {
  return cancelled || env.signal.aborted
    ? { status: "cancelled", error: null }
    : { status: "failed", error: `${stepName(key)}: ${error}` };
}

async function step<T>(env: SyncEnv, key: StepKey, work: Parameters<typeof runStep<T>>[2]): Promise<Stepped<T>> {
  if (env.signal.aborted) return { ok: false, outcome: { status: "cancelled", error: null } };
  const result = await runStep(env, key, work);
  return result.ok ? result : { ok: false, outcome: stepOutcome(env, key, result.error, result.cancelled) };
}

/**
 * Steps 5–8 at once: Crawl Jobs hands batches to Process Jobs → Check Duplicates → Save Jobs through bounded
 * channels while it keeps crawling. Each step has its own progress; a step completes after the one before it
 * completed and it has handled every batch. A cancel stops the crawl and the batches already crawled are still saved;
 * a failing step stops the others.
 */
async function runStreaming(
  job: SyncJobInput,
  env: SyncEnv,
  planned: PlannedSync,
): Promise<{ outcome: PipelineOutcome; crawl: CrawlStreamResult | null }> {
  const toProcess = new Channel<StreamBatch & Progressed>(HAND_OVER_CAPACITY);
  const toCheck = new Channel<StreamBatch & Progressed>(HAND_OVER_CAPACITY);
  const toSave = new Channel<StreamBatch & Progressed>(HAND_OVER_CAPACITY);
  const stages = Promise.all([
    runStage(env, processJobsStep(job, env, planned), toProcess, toCheck),
    runStage(env, checkDuplicatesStep(job, env), toCheck, toSave),
    runStage(env, saveJobsStep(job, env), toSave, null),
  ]);
  let crawl: CrawlStreamResult | null = null;
  let crawlFailure: string | null = null;
  startStep(env, "crawl_jobs");
  try {
    const done = await crawlJobs(job, env, planned, toProcess, reporterFor(env, "crawl_jobs"));
    crawl = done.crawl;
    finishStep(env, "crawl_jobs", done.result);
    toProcess.close({ kind: "completed" });
  } catch (error) {
    const downstream = error instanceof DownstreamStopped;
    const cancelled = env.signal.aborted && !downstream;
    const why = cancelled ? stopWhy(env.signal) : errorMessage(error);
    stopStep(env, "crawl_jobs", { cancelled: cancelled || downstream, why });
    if (!cancelled && !downstream) crawlFailure = why;
    toProcess.close({ kind: "stopped", why: cancelled ? why : `Crawl Jobs stopped: ${why}`, cancelled });
  }
  const ends: StageEnd[] = await stages;
  const failed = ends.find((e): e is Extract<StageEnd, { kind: "failed" }> => e.kind === "failed");
  if (failed) return { outcome: { status: "failed", error: `${stepName(failed.key)}: ${failed.error}` }, crawl };
  if (crawlFailure) return { outcome: { status: "failed", error: `Crawl Jobs: ${crawlFailure}` }, crawl };
  if (env.signal.aborted) return { outcome: { status: "cancelled", error: null }, crawl };
  return { outcome: { status: "completed", error: null }, crawl };
}

/**
 * Run the nine steps of a sync job: Initialize prepares a typed sync for the later steps; steps 5–8 stream; a failed
 * step fails the sync job with "<Step>: <reason>"; steps that never ran are skipped saying why; Cleanup always runs
 * and the summary is written. Returns the final status and error (a stopped worker's sync job ends "cancelled" here;
 * the runner hands it back instead).
 */
export async function runPipeline(job: SyncJobInput, env: SyncEnv): Promise<PipelineOutcome> {
  let prepared: PreparedSync | null = null;
  let crawl: CrawlStreamResult | null = null;
  const run = async (): Promise<PipelineOutcome> => {
    const init = await step(env, "initialize", (r) => initialize(job, env, r));
    if (!init.ok) return init.outcome;
    const ready = init.value;
    prepared = ready;
    const available = await step(env, "check_availability", async (r) => ({
      result: await checkAvailability(job, env, ready, r),
      value: null,
    }));
    if (!available.ok) return available.outcome;
    const browser = await step(env, "start_browser", async (r) => ({
      result: await startBrowser(ready, r),
      value: null,
    }));
    if (!browser.ok) return browser.outcome;
    const urls = await step(env, "generate_urls", (r) => generateUrls(job, ready, r));
    if (!urls.ok) return urls.outcome;
    const streamed = await runStreaming(job, env, { ...ready, targets: urls.value });
    crawl = streamed.crawl;
    if (streamed.outcome.status === "completed") await judgeQuality(job, env, ready);
    return streamed.outcome;
  };
  let outcome = await run();
  // the steps that never ran say why
  const failedStep = outcome.error?.split(":")[0];
  const why = outcome.status === "cancelled" ? stopWhy(env.signal) : `${failedStep ?? "a step"} failed`;
  for (const s of SYNC_STEPS) {
    if (s.key === "cleanup") continue;
    const current = env.progress.state.steps.find((x) => x.key === s.key);
    if (current?.status === "pending") {
      env.progress.apply({ op: "step_finish", key: s.key, status: "skipped", at: now(), message: `Not run: ${why}` });
    }
  }
  const cleaned = await runStep({ ...env, signal: new AbortController().signal }, "cleanup", async (r) => ({
    result: await cleanup(job, env, prepared, r),
    value: null,
  }));
  if (!cleaned.ok && outcome.status === "completed") outcome = { status: "failed", error: `Cleanup: ${cleaned.error}` };
  env.progress.apply({ op: "summary", summary: buildSummary(env, outcome, crawl, new Date()) });
  await env.snapshots.settle();
  return outcome;
}
