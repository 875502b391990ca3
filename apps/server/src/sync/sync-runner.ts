import { resolveArchiveOptions, type SourceKind } from "@jobsync/contracts";
import type { DataSourceRepository } from "../data-sources/data-source.repository";
import type { PostingWriteRepository } from "../postings/posting-write.repository";
import type { BatchSaveRepository } from "./checkpoint/batch-save.repository";
import type { CheckpointRepository } from "./checkpoint/checkpoint.repository";
import { BatchingProgressManager, type TimelineEvent } from "./progress/progress-manager";
import { initialProgressState, type ProgressState } from "./progress/progress-state";
import type { BaselineRepository } from "./quality/baseline.repository";
import type { SnapshotRepository } from "./quality/snapshot.repository";
import { SnapshotRecorder } from "./quality/snapshot-recorder";
import { STOP_REASONS, type SyncEnv, type SyncJobInput, type SyncRuntimeOptions } from "./sync-context";
import type { SyncJobRepository } from "./sync-job.repository";
import type { Claim } from "./sync-job-transition-types";
import type { SyncJobTransitions } from "./sync-job-transitions";
import { runPipeline } from "./sync-pipeline";

export interface RunnerLogger {
  info(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

export interface SyncRunnerOptions {
  workerId: string;
  /** How often a running sync job heartbeats and checks whether it was asked to cancel. */
  heartbeatMillis: number;
  progressIntervalMillis: number;
  retention: number;
  runtime: SyncRuntimeOptions;
}

export interface SyncRunnerStores {
  transitions: SyncJobTransitions;
  syncJobs: SyncJobRepository;
  dataSources: DataSourceRepository;
  postings: PostingWriteRepository;
  batches: BatchSaveRepository;
  checkpoints: CheckpointRepository;
  snapshots: SnapshotRepository;
  baselines: BaselineRepository;
}

export interface SyncRunnerHooks {
  /** A sync job of this process changed (SSE subscribers of this process hear it at once). */
  changed(jobId: string): void;
  /** A sync job of this process reached its final status (its outbox row is waiting). */
  ended(jobId: string): void;
  /** Sees each sync job's saved progress while it runs here (metrics). */
  observer?: SyncObserver;
}

/** What a sync job of this process saved, as it saved it: the observer counts from it (see SyncMetricsObserver). */
export interface SyncObserver {
  started(jobId: string, siteName: string, stats: ProgressState["stats"]): void;
  saved(jobId: string, state: ProgressState): void;
  stopped(jobId: string): void;
}

const event = (level: TimelineEvent["level"], message: string): TimelineEvent => ({
  at: new Date().toISOString(),
  level,
  stepKey: null,
  message,
});

/**
 * Runs claimed sync jobs in this process: claim (pending → running, compare-and-set), load the checkpoint to resume
 * from, run the nine steps with a batching progress manager, heartbeat, notice cancels, then finish (running → final)
 * — or, when this worker is stopping, hand the sync job back to `pending` so a live worker resumes it.
 */
export class SyncRunner {
  private readonly running = new Map<string, AbortController>();
  /** Set by stopAll: no sync job is claimed any more; those handed back (or refused) wait to be queued again. */
  private stopping = false;
  private readonly handedBack = new Set<string>();

  constructor(
    private readonly stores: SyncRunnerStores,
    private readonly options: SyncRunnerOptions,
    private readonly log: RunnerLogger,
    private readonly hooks: SyncRunnerHooks,
  ) {}

  get activeCount(): number {
    return this.running.size;
  }

  /** A cancel requested in this process: stop at once instead of at the next heartbeat. */
  cancelLocal(jobId: string): void {
    this.running.get(jobId)?.abort(STOP_REASONS.cancelled);
  }

  /**
   * This process is stopping: it claims no more sync jobs, and every one it runs stops crawling, saves what it has
   * crawled and goes back to `pending`. Returns the sync jobs to queue again for a live worker (or for this one after a
   * restart) — the caller queues them once this process takes no more messages, so it cannot take them back itself.
   */
  async stopAll(): Promise<string[]> {
    this.stopping = true;
    for (const controller of this.running.values()) controller.abort(STOP_REASONS.shutdown);
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const back = [...this.handedBack];
    this.handedBack.clear();
    return back;
  }

  async run(jobId: string): Promise<void> {
    if (this.stopping) {
      // its message reached a stopping process: left pending, and queued again by stopAll's caller
      this.handedBack.add(jobId);
      return;
    }
    const { workerId } = this.options;
    const { transitions } = this.stores;
    const claim = await transitions.claim(jobId, workerId);
    if (!claim) return;
    this.hooks.changed(jobId);
    const controller = new AbortController();
    this.running.set(jobId, controller);
    try {
      await this.runClaimed(jobId, claim, controller);
    } catch (error) {
      this.log.error({ err: error, jobId }, "could not record the end of a sync job; the reaper will take it over");
    } finally {
      this.running.delete(jobId);
      this.hooks.changed(jobId);
    }
  }

  private async runClaimed(jobId: string, claim: Claim, controller: AbortController): Promise<void> {
    const { workerId } = this.options;
    const { transitions } = this.stores;
    const resume = await this.stores.checkpoints.resumePoint(jobId);
    const initial = initialProgressState();
    const progress = new BatchingProgressManager(
      {
        save: async (state, events) => {
          await transitions.saveProgress(jobId, workerId, state, events);
          this.hooks.observer?.saved(jobId, state);
          this.hooks.changed(jobId);
        },
      },
      this.options.progressIntervalMillis,
      // a later attempt starts from what its saved batches counted, and its bar never goes back
      {
        ...initial,
        stats: resume?.ownTally ?? initial.stats,
        quality: resume?.ownQuality ?? initial.quality,
        progress: claim.progress,
      },
    );
    const heartbeat = setInterval(() => {
      transitions
        .heartbeat(jobId, workerId)
        .then((status) => {
          if (status === "cancelling" && !controller.signal.aborted) controller.abort(STOP_REASONS.cancelled);
          if (status === null && !controller.signal.aborted) controller.abort(STOP_REASONS.lost);
        })
        .catch((error) => this.log.error({ err: error, jobId }, "heartbeat failed"));
    }, this.options.heartbeatMillis);
    let outcome: { status: "completed" | "failed" | "cancelled"; error: string | null };
    let source: Awaited<ReturnType<DataSourceRepository["findRowById"]>> = null;
    try {
      source = await this.stores.dataSources.findRowById(claim.dataSourceId);
      if (source) this.hooks.observer?.started(jobId, source.siteName, progress.state.stats);
      if (claim.attempt > 1) {
        progress.event("warn", `Resumed after the worker stopped (attempt ${claim.attempt} of ${claim.maxAttempts})`);
      }
      progress.event("info", `Sync job started on worker ${workerId}`);
      if (!source) {
        outcome = { status: "failed", error: "the data source was deleted" };
      } else {
        const job: SyncJobInput = {
          jobId,
          workerId,
          source,
          kind: source.kind as SourceKind,
          maxJobs: claim.maxJobs,
          fullRefresh: claim.fullRefresh,
          attempt: claim.attempt,
          maxAttempts: claim.maxAttempts,
          resume,
          resumedFrom: claim.resumedFrom,
          reprocessedFrom: claim.reprocessedFrom,
          crawledAt: new Date(),
        };
        const env: SyncEnv = {
          signal: controller.signal,
          progress,
          postings: this.stores.postings,
          batches: this.stores.batches,
          runtime: this.options.runtime,
          snapshots: new SnapshotRecorder(this.stores.snapshots, jobId, (error) =>
            this.log.error({ err: error, jobId }, "a snapshot could not be saved"),
          ),
          baselines: this.stores.baselines,
          firstErrors: [],
          summaryExtras: {},
        };
        outcome = await runPipeline(job, env);
      }
    } catch (error) {
      this.log.error({ err: error, jobId }, "sync job crashed");
      outcome = { status: "failed", error: `internal error: ${(error as Error).message}` };
    } finally {
      clearInterval(heartbeat);
    }
    await progress.close();
    this.hooks.observer?.saved(jobId, progress.state);
    this.hooks.observer?.stopped(jobId);
    const reason = controller.signal.reason;
    if (reason === STOP_REASONS.lost) {
      this.log.info({ jobId }, "sync job taken over by another worker; this one stops without writing its end");
      return;
    }
    if (reason === STOP_REASONS.shutdown) {
      const to = await transitions.handBack(jobId, workerId, progress.state, [
        event("warn", "The worker stopped; the sync job is queued again to resume from its checkpoint"),
      ]);
      this.log.info({ jobId, to }, "sync job handed back at shutdown");
      if (to === "pending") this.handedBack.add(jobId);
      else if (to) this.hooks.ended(jobId);
      return;
    }
    const finished = await transitions.finish(jobId, workerId, outcome, progress.state, []);
    this.log.info({ jobId, status: outcome.status, stats: progress.state.stats }, "sync job finished");
    if (finished) this.hooks.ended(jobId);
    await this.stores.syncJobs.enforceRetention(this.options.retention);
    await this.tidyArchives(source);
  }

  /** The archive files of sync jobs retention deleted go, and the source's archives past its archive_max_mb. */
  private async tidyArchives(source: { id: string; kind: string; config: Record<string, unknown> } | null) {
    const archives = this.options.runtime.archives;
    if (!archives || !source) return;
    try {
      await archives.tidy(source.id, resolveArchiveOptions(source.kind, source.config).maxBytes);
    } catch (error) {
      this.log.error({ err: error, dataSourceId: source.id }, "could not tidy the page archives");
    }
  }
}
