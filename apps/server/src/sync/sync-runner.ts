import type { FinalSyncJobStatus, SourceKind } from "@jobsync/contracts";
import type { DataSourceRepository } from "../data-sources/data-source.repository";
import type { PostingWriteRepository } from "../postings/posting-write.repository";
import { BatchingProgressManager, type TimelineEvent } from "./progress/progress-manager";
import type { SyncContext, SyncRuntimeOptions } from "./sync-context";
import type { SyncFinishListener } from "./sync-finish-listener";
import type { SyncJobRepository } from "./sync-job.repository";
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

const SHUTDOWN = "shutdown";

/**
 * Runs claimed sync jobs in this process: claim (pending → running, compare-and-set), run the nine steps with a
 * batching progress manager, heartbeat, notice cancels, finish (running → final, compare-and-set), prune history.
 */
export class SyncRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly syncJobs: SyncJobRepository,
    private readonly dataSources: DataSourceRepository,
    private readonly postings: PostingWriteRepository,
    private readonly options: SyncRunnerOptions,
    private readonly log: RunnerLogger,
    private readonly onChange: (jobId: string) => void = () => {},
    /** Told after the final status is stored (auto-disable, notifications). */
    private readonly finishListener: SyncFinishListener | null = null,
  ) {}

  get activeCount(): number {
    return this.running.size;
  }

  /** A cancel requested in this process: stop at once instead of at the next heartbeat. */
  cancelLocal(jobId: string): void {
    this.running.get(jobId)?.abort("cancelled");
  }

  /** Stop every sync job of this process; they end failed ("interrupted: server stopped"). */
  async abortAll(): Promise<void> {
    for (const controller of this.running.values()) controller.abort(SHUTDOWN);
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  async run(jobId: string): Promise<void> {
    const { workerId } = this.options;
    const claim = await this.syncJobs.claim(jobId, workerId);
    if (!claim) return;
    this.onChange(jobId);
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const progress = new BatchingProgressManager(
      {
        save: async (state, events) => {
          await this.syncJobs.saveProgress(jobId, workerId, state, events);
          this.onChange(jobId);
        },
      },
      this.options.progressIntervalMillis,
    );
    const heartbeat = setInterval(() => {
      this.syncJobs
        .heartbeat(jobId, workerId)
        .then((status) => {
          if (status === "cancelling" && !controller.signal.aborted) controller.abort("cancelled");
          if (status === null && !controller.signal.aborted) controller.abort("lost");
        })
        .catch((error) => this.log.error({ err: error, jobId }, "heartbeat failed"));
    }, this.options.heartbeatMillis);
    let outcome: { status: FinalSyncJobStatus; error: string | null } = { status: "failed", error: "not run" };
    try {
      const source = await this.dataSources.findRowById(claim.dataSourceId);
      if (!source) {
        outcome = { status: "failed", error: "the data source was deleted" };
      } else {
        const ctx: SyncContext = {
          jobId,
          source,
          kind: source.kind as SourceKind,
          maxJobs: claim.maxJobs,
          fullRefresh: claim.fullRefresh,
          signal: controller.signal,
          progress,
          postings: this.postings,
          runtime: this.options.runtime,
          crawledAt: new Date(),
          config: null,
          settings: null,
          adapter: null,
          fetcher: null,
          targets: [],
          items: [],
          drafts: [],
          plan: null,
          firstErrors: [],
          outcome: null,
        };
        progress.event("info", `Sync job started on worker ${workerId}`);
        outcome = await runPipeline(ctx);
      }
    } catch (error) {
      this.log.error({ err: error, jobId }, "sync job crashed");
      outcome = { status: "failed", error: `internal error: ${(error as Error).message}` };
    } finally {
      clearInterval(heartbeat);
    }
    if (controller.signal.reason === SHUTDOWN) outcome = { status: "failed", error: "interrupted: server stopped" };
    try {
      await progress.close();
      const final: TimelineEvent = {
        at: new Date().toISOString(),
        level: outcome.status === "completed" ? "info" : outcome.status === "cancelled" ? "warn" : "error",
        stepKey: null,
        message: `Sync job ${outcome.status}${outcome.error ? `: ${outcome.error}` : ""}`,
      };
      const finished = await this.syncJobs.finish(jobId, workerId, outcome.status, outcome.error, progress.state, [
        final,
      ]);
      this.log.info({ jobId, status: outcome.status, stats: progress.state.stats }, "sync job finished");
      if (finished && this.finishListener) {
        const job = { jobId, dataSourceId: claim.dataSourceId, status: outcome.status, error: outcome.error };
        await this.finishListener
          .syncJobFinished(job)
          .catch((error) => this.log.error({ err: error, jobId }, "finish listener failed"));
      }
      await this.syncJobs.enforceRetention(this.options.retention);
    } catch (error) {
      this.log.error({ err: error, jobId }, "could not record the end of a sync job; the reaper will fail it");
    } finally {
      this.running.delete(jobId);
      this.onChange(jobId);
    }
  }
}
