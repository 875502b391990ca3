import type { SourceHealthTracker } from "../../data-sources/source-health";
import type { Db } from "../../db/database";
import type { SyncJobNotifier } from "../../notifications/sync-job-notifier";
import type { AbsenceExpiry } from "../../postings/expiry/absence-expiry";
import type { FinishedSyncJob, SyncOutboxRepository } from "./sync-outbox.repository";

export interface DeliveryEnqueuer {
  enqueue(deliveryId: string): Promise<void>;
}

export interface EndHandlerLogger {
  error(obj: object, message: string): void;
}

/**
 * The one handler of what follows the end of a sync job, whoever ended it (its worker, a cancel before it started,
 * the reaper, a failed enqueue): from each outbox row, in ONE transaction, the source's health (auto-disable), expiry by absence and a
 * notification delivery per subscribed channel are recorded and the row is marked handled — so each end is handled
 * exactly once, even across processes and crashes. The deliveries are then queued (a lost message is queued again by
 * the notification worker's sweep of stale pending deliveries).
 *
 * Runs in every process: polled every few seconds, and kicked at once after a final transition of this process.
 */
export class SyncJobEndHandler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly endedListeners = new Set<(job: FinishedSyncJob) => void>();

  constructor(
    private readonly db: Db,
    private readonly outbox: SyncOutboxRepository,
    private readonly health: SourceHealthTracker,
    private readonly absence: AbsenceExpiry,
    private readonly notifier: SyncJobNotifier,
    private readonly deliveries: DeliveryEnqueuer,
    private readonly log: EndHandlerLogger,
    private readonly intervalMillis = 2000,
  ) {}

  /** Hear of each end once it is handled (metrics): once per sync job, in whichever process handled it. */
  onEnded(listener: (job: FinishedSyncJob) => void): void {
    this.endedListeners.add(listener);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.intervalMillis);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look at the outbox now (coalesced: one pass at a time, one more if kicked meanwhile). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.log.error({ err: error }, "sync job end handler failed"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Handle every unhandled end; resolves when the outbox is empty (tests and shutdown wait on it). */
  async drain(): Promise<void> {
    const tried = new Set<number>();
    for (;;) {
      // a row another process holds is skipped in this pass (it is handling it)
      const ids = (await this.outbox.unhandled(20 + tried.size)).filter((id) => !tried.has(id));
      if (ids.length === 0) return;
      for (const id of ids) {
        tried.add(id);
        await this.handle(id);
      }
    }
  }

  private async handle(id: number): Promise<void> {
    const handled = await this.db.transaction(async (txDb) => {
      const tx = txDb as unknown as Db;
      const job = await this.outbox.lock(tx, id);
      if (!job) return null;
      const change = await this.health.record(job, tx);
      await this.absence.afterSyncJob(job, tx);
      const deliveries = await this.notifier.syncJobEnded(job, change, tx);
      await this.outbox.markHandled(tx, id);
      return { job, deliveries };
    });
    if (!handled) return;
    for (const listener of this.endedListeners) listener(handled.job);
    for (const deliveryId of handled.deliveries) await this.deliveries.enqueue(deliveryId);
  }
}
