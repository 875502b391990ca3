import type PgBoss from "pg-boss";

export const NOTIFICATION_QUEUE = "notification-delivery";

export interface NotificationRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; doubles each time (pg-boss retryBackoff). */
  retryDelaySecs: number;
}

export interface NotificationQueueLogger {
  error(obj: unknown, message: string): void;
}

/**
 * The durable half of the outbox: a pg-boss queue on the same database as the sync jobs. A message says "deliver
 * this delivery row"; a handler that throws is retried by pg-boss with back-off, across processes and restarts.
 */
export class NotificationQueue {
  private readonly workerIds: string[] = [];
  private started = false;

  constructor(
    private readonly boss: () => PgBoss,
    private readonly policy: NotificationRetryPolicy,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss()
      .createQueue(NOTIFICATION_QUEUE, {
        name: NOTIFICATION_QUEUE,
        retryLimit: this.policy.maxAttempts - 1,
        retryDelay: this.policy.retryDelaySecs,
        retryBackoff: true,
      } as never)
      .catch(() => {});
    this.started = true;
  }

  async enqueue(deliveryId: string): Promise<void> {
    await this.boss().send(
      NOTIFICATION_QUEUE,
      { deliveryId },
      {
        retryLimit: this.policy.maxAttempts - 1,
        retryDelay: this.policy.retryDelaySecs,
        retryBackoff: true,
        singletonKey: deliveryId,
      },
    );
    for (const id of this.workerIds) this.boss().notifyWorker(id);
  }

  async work(handler: (deliveryId: string, attempt: number) => Promise<void>): Promise<void> {
    const id = await this.boss().work<{ deliveryId: string }>(
      NOTIFICATION_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) await handler(job.data.deliveryId, (job as { retryCount?: number }).retryCount ?? 0);
      },
    );
    this.workerIds.push(id);
  }

  async stop(): Promise<void> {
    for (const id of this.workerIds.splice(0))
      await this.boss()
        .offWork(id)
        .catch(() => {});
    this.started = false;
  }
}
