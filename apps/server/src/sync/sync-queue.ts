import PgBoss from "pg-boss";
import type { Database } from "../db/database";

export const SYNC_QUEUE = "sync-job";

export interface SyncQueueMessage {
  jobId: string;
}

export interface QueueLogger {
  error(obj: unknown, message: string): void;
}

/**
 * The queue of sync jobs: pg-boss on the same database (PGlite or PostgreSQL). The sync job row is the truth; a
 * message only says "run this one". Delivered twice, the second claim finds the job no longer pending and stops.
 */
export class SyncQueue {
  private readonly boss: PgBoss;
  private readonly workerIds: string[] = [];
  private started = false;

  constructor(database: Database, logger: QueueLogger) {
    const connection =
      "connectionString" in database.boss
        ? { connectionString: database.boss.connectionString, max: 4 }
        : { db: database.boss.db };
    this.boss = new PgBoss({
      ...connection,
      schema: "pgboss",
      // archive and delete finished queue messages: the sync_jobs table keeps the history
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 1,
      // schedules (src/schedules): due ticks are looked for every 5 s (by one process per interval) and their
      // messages moved every 2 s, so a fire lands within seconds of its tick
      cronMonitorIntervalSeconds: 5,
      cronWorkerIntervalSeconds: 2,
    } as ConstructorParameters<typeof PgBoss>[0]);
    this.boss.on("error", (error) => logger.error({ err: error }, "queue error"));
  }

  get pgBoss(): PgBoss {
    return this.boss;
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    await this.boss
      .createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, retryLimit: 0, expireInHours: 23 } as never)
      .catch(() => {});
    this.started = true;
  }

  async enqueue(jobId: string): Promise<void> {
    await this.boss.send(SYNC_QUEUE, { jobId } satisfies SyncQueueMessage, { retryLimit: 0, expireInHours: 23 });
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  /**
   * Whether a message for this sync job still waits to be taken. False when a worker took it and died before claiming
   * the sync job (the message stays "active" in pg-boss until it expires), or when it was lost.
   */
  async hasWaitingMessage(jobId: string): Promise<boolean> {
    const result = await this.boss
      .getDb()
      .executeSql(
        "SELECT 1 FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>'jobId' = $2 LIMIT 1",
        [SYNC_QUEUE, jobId],
      );
    return (result as { rows: unknown[] }).rows.length > 0;
  }

  /** Run `concurrency` workers in this process, each taking one sync job at a time. */
  async work(concurrency: number, handler: (message: SyncQueueMessage) => Promise<void>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      const id = await this.boss.work<SyncQueueMessage>(
        SYNC_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data);
        },
      );
      this.workerIds.push(id);
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
