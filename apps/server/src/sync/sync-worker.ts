import type { SyncJobEndHandler } from "./ending/sync-job-end-handler";
import type { SyncJobTransitions } from "./sync-job-transitions";
import type { SyncQueue } from "./sync-queue";
import type { RunnerLogger, SyncRunner } from "./sync-runner";

export interface SyncWorkerOptions {
  concurrency: number;
  staleSecs: number;
  /** Embedded mode: this is the only process, so whatever is left running from before was interrupted. */
  reapAllAtStart: boolean;
}

/** The worker side of a process: takes sync jobs from the queue and reaps those whose worker died. */
export class SyncWorker {
  private reaper: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: SyncQueue,
    private readonly runner: SyncRunner,
    private readonly transitions: SyncJobTransitions,
    private readonly ends: SyncJobEndHandler,
    private readonly options: SyncWorkerOptions,
    private readonly log: RunnerLogger,
  ) {}

  async start(): Promise<void> {
    if (this.options.reapAllAtStart) await this.reap(0);
    await this.queue.work(this.options.concurrency, ({ jobId }) => this.runner.run(jobId));
    const every = Math.max(1000, (this.options.staleSecs * 1000) / 4);
    this.reaper = setInterval(() => {
      this.reap(this.options.staleSecs)
        .then(() => this.requeueOrphans())
        .catch((error) => this.log.error({ err: error }, "reaper failed"));
    }, every);
    this.reaper.unref();
  }

  /**
   * Sync jobs whose worker stopped heartbeating: queued again for their next attempt (resumed from their checkpoint
   * by a live worker), or ended on their last attempt (their end is handled from the outbox).
   */
  private async reap(staleSecs: number): Promise<void> {
    const reaped = await this.transitions.reapStale(staleSecs);
    if (reaped.length === 0) return;
    this.log.info({ reaped }, "reaped sync jobs whose worker stopped");
    for (const r of reaped) if (r.to === "pending") await this.queue.enqueue(r.id);
    if (reaped.some((r) => r.to !== "pending")) this.ends.kick();
  }

  /**
   * A worker that dies between taking a queue message and claiming its sync job leaves the job pending and the message
   * taken until it expires (hours). A sync job pending past the stale interval is queued again: the queue keeps at most
   * one waiting message per sync job, so this is a no-op while one still waits, and a duplicate delivery is harmless
   * (the claim is compare-and-set).
   */
  private async requeueOrphans(): Promise<void> {
    for (const jobId of await this.transitions.stalePending(this.options.staleSecs)) await this.queue.enqueue(jobId);
  }

  /**
   * This process stops: its sync jobs save what they crawled and go back to `pending`; once it takes no more queue
   * messages they are queued again, so a live worker — never this stopping one — resumes them from their checkpoint.
   */
  async stop(): Promise<void> {
    if (this.reaper) clearInterval(this.reaper);
    this.reaper = null;
    const handedBack = await this.runner.stopAll();
    await this.queue.stop();
    for (const jobId of handedBack) await this.queue.enqueue(jobId);
    if (handedBack.length > 0) this.log.info({ handedBack }, "sync jobs queued again for a live worker");
  }
}
