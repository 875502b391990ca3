import type { JobQueue } from "../queue/job-queue";

/**
 * The queue of sync jobs. The sync job row is the truth; a message only says "run this one", and delivered twice
 * the second claim finds the job no longer pending and stops. The queue keeps at most one waiting message per sync
 * job (policy `short`, keyed by its id), so queueing one again — after a worker died holding its message, or for its
 * next attempt — never piles messages up.
 */
export const SYNC_QUEUE = "sync-jobs";

export interface SyncQueueMessage {
  jobId: string;
}

export class SyncQueue {
  private readonly workerIds: string[] = [];

  constructor(private readonly queue: JobQueue) {}

  async start(): Promise<void> {
    await this.queue.ensureQueue(SYNC_QUEUE, { policy: "short", retryLimit: 0, expireInHours: 23 });
  }

  async enqueue(jobId: string): Promise<void> {
    await this.start();
    await this.queue.send(SYNC_QUEUE, { jobId } satisfies SyncQueueMessage, { singletonKey: jobId, retryLimit: 0 });
    for (const id of this.workerIds) this.queue.notifyWorker(id);
  }

  /** Run `concurrency` workers in this process, each taking one sync job at a time. */
  async work(concurrency: number, handler: (message: SyncQueueMessage) => Promise<void>): Promise<void> {
    await this.start();
    for (let i = 0; i < concurrency; i++) {
      this.workerIds.push(
        await this.queue.work<SyncQueueMessage>(SYNC_QUEUE, { pollingIntervalSeconds: 1 }, (m) => handler(m.data)),
      );
    }
  }

  async stop(): Promise<void> {
    for (const id of this.workerIds.splice(0)) await this.queue.offWork(id);
  }
}
