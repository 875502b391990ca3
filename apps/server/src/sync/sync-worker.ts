import type { SyncJobRepository } from "./sync-job.repository";
import type { SyncQueue } from "./sync-queue";
import type { RunnerLogger, SyncRunner } from "./sync-runner";

export interface SyncWorkerOptions {
  concurrency: number;
  staleSecs: number;
  /** Embedded mode: this is the only process, so whatever is left running from before was interrupted. */
  reapAllAtStart: boolean;
  /** Told about sync jobs failed by the reaper (their runner is gone, so nobody else tells the finish listener). */
  onReaped?: (jobIds: string[]) => Promise<void>;
}

/** The worker side of a process: takes sync jobs from the queue and reaps those whose worker died. */
export class SyncWorker {
  private reaper: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: SyncQueue,
    private readonly runner: SyncRunner,
    private readonly syncJobs: SyncJobRepository,
    private readonly options: SyncWorkerOptions,
    private readonly log: RunnerLogger,
  ) {}

  private async reaped(jobIds: string[]): Promise<void> {
    if (jobIds.length === 0 || !this.options.onReaped) return;
    await this.options.onReaped(jobIds).catch((error) => this.log.error({ err: error }, "reaped listener failed"));
  }

  async start(): Promise<void> {
    if (this.options.reapAllAtStart) {
      const reaped = await this.syncJobs.reapStale(0, "interrupted: worker stopped");
      if (reaped.length > 0) this.log.info({ reaped }, "reaped sync jobs left running by a previous process");
      await this.reaped(reaped);
    }
    await this.queue.work(this.options.concurrency, ({ jobId }) => this.runner.run(jobId));
    const every = Math.max(1000, (this.options.staleSecs * 1000) / 4);
    this.reaper = setInterval(() => {
      this.syncJobs
        .reapStale(this.options.staleSecs)
        .then((reaped) => {
          if (reaped.length > 0) this.log.info({ reaped }, "reaped sync jobs whose worker stopped heartbeating");
          return this.reaped(reaped);
        })
        .then(() => this.requeueOrphans())
        .catch((error) => this.log.error({ err: error }, "reaper failed"));
    }, every);
    this.reaper.unref();
  }

  /**
   * A worker that dies between taking a queue message and claiming its sync job leaves the job pending and the message
   * "active" until pg-boss expires it (hours). A sync job pending past the stale interval with no message waiting is
   * queued again; a duplicate delivery is harmless, since the claim is compare-and-set.
   */
  private async requeueOrphans(): Promise<void> {
    for (const jobId of await this.syncJobs.stalePending(this.options.staleSecs)) {
      if (await this.queue.hasWaitingMessage(jobId)) continue;
      this.log.info({ jobId }, "queued again a pending sync job whose queue message was taken by a worker that died");
      await this.queue.enqueue(jobId);
    }
  }

  async stop(): Promise<void> {
    if (this.reaper) clearInterval(this.reaper);
    this.reaper = null;
    await this.runner.abortAll();
  }
}
