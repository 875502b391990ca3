import type { JobQueue } from "../queue/job-queue";

export const NOTIFICATION_QUEUE = "notification-delivery";

export interface NotificationRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; doubles each time (the queue's back-off). */
  retryDelaySecs: number;
}

/**
 * The durable half of the outbox: a queue on the same database as the sync jobs. A message says "deliver this
 * delivery row"; a handler that throws is retried with back-off, across processes and restarts.
 */
export class NotificationQueue {
  private readonly workerIds: string[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly policy: NotificationRetryPolicy,
  ) {}

  private retry() {
    return { retryLimit: this.policy.maxAttempts - 1, retryDelaySecs: this.policy.retryDelaySecs, retryBackoff: true };
  }

  async start(): Promise<void> {
    await this.queue.ensureQueue(NOTIFICATION_QUEUE, this.retry());
  }

  async enqueue(deliveryId: string): Promise<void> {
    await this.start();
    await this.queue.send(NOTIFICATION_QUEUE, { deliveryId }, { ...this.retry(), singletonKey: deliveryId });
    for (const id of this.workerIds) this.queue.notifyWorker(id);
  }

  async work(handler: (deliveryId: string, attempt: number) => Promise<void>): Promise<void> {
    await this.start();
    const id = await this.queue.work<{ deliveryId: string }>(NOTIFICATION_QUEUE, { pollingIntervalSeconds: 0.5 }, (m) =>
      handler(m.data.deliveryId, m.retryCount),
    );
    this.workerIds.push(id);
  }

  async stop(): Promise<void> {
    for (const id of this.workerIds.splice(0)) await this.queue.offWork(id);
  }
}
