import { type StepKey, stepName } from "@jobsync/contracts";
import { errorMessage, finishStep, reporterFor, startStep, stopStep } from "../step-runner";
import type { StepReporter, StreamBatch, SyncEnv } from "../sync-context";
import type { Channel, ChannelEnd } from "./channel";

/** A step that handles the batches streaming through it (Process Jobs, Check Duplicates, Save Jobs). */
export interface StreamStep {
  readonly key: StepKey;
  /** Do this step's part of one batch, in order; throw to fail the step (and the sync job). */
  handle(batch: StreamBatch, report: StepReporter): Promise<void>;
  /** After the last batch (also when the steps before stopped early): the step's closing message. */
  finish(report: StepReporter, end: ChannelEnd): Promise<string>;
}

/** How a streaming step ended. */
export type StageEnd =
  | { kind: "completed" }
  | { kind: "failed"; key: StepKey; error: string }
  | { kind: "stopped"; why: string; cancelled: boolean };

/** What a batch carries besides its postings: how far the crawl was when it went out (the steps after follow it). */
export interface Progressed {
  crawlPercent: number;
}

/**
 * Run one streaming step: it starts with its first batch (or when the steps before end without any), handles each
 * batch in order and hands it on, and follows the crawl's progress. It completes only after the step before it
 * completed and it has handled every batch. If the steps before stopped (cancel, failure), it still handles what
 * reached it — a cancel keeps every batch already crawled — and ends skipped, saying why. If it fails, it stops the
 * steps before it (their next hand-over throws) and the ones after it end, naming it.
 */
export async function runStage(
  env: SyncEnv,
  step: StreamStep,
  input: Channel<StreamBatch & Progressed>,
  output: Channel<StreamBatch & Progressed> | null,
): Promise<StageEnd> {
  const report = reporterFor(env, step.key);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    startStep(env, step.key);
  };
  for (;;) {
    const batch = await input.next();
    if (!batch) break;
    start();
    try {
      await step.handle(batch, report);
    } catch (error) {
      const why = errorMessage(error);
      const failure = new Error(`${stepName(step.key)} failed: ${why}`);
      input.break(failure);
      output?.close({ kind: "stopped", why: failure.message, cancelled: false });
      stopStep(env, step.key, { cancelled: false, why });
      return { kind: "failed", key: step.key, error: why };
    }
    report.progress(Math.min(99, batch.crawlPercent));
    if (!output) continue;
    try {
      await output.push(batch);
    } catch (error) {
      // a later step failed: this one stops too, and so do the ones before it
      const why = errorMessage(error);
      input.break(error as Error);
      stopStep(env, step.key, { cancelled: true, why });
      return { kind: "stopped", why, cancelled: false };
    }
  }
  start();
  const end = input.end ?? { kind: "completed" };
  let message: string;
  try {
    message = await step.finish(report, end);
  } catch (error) {
    const why = errorMessage(error);
    output?.close({ kind: "stopped", why: `${stepName(step.key)} failed: ${why}`, cancelled: false });
    stopStep(env, step.key, { cancelled: false, why });
    return { kind: "failed", key: step.key, error: why };
  }
  output?.close(end);
  if (end.kind === "completed") {
    finishStep(env, step.key, { status: "completed", message });
    return { kind: "completed" };
  }
  stopStep(env, step.key, { cancelled: true, why: `${end.why} (${message})` });
  return end;
}
