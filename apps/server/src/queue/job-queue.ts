import PgBoss from "pg-boss";
import type { Database } from "../db/database";

const CREATE_QUEUE_ATTEMPTS = 5;

export interface QueueLogger {
  error(obj: unknown, message: string): void;
}

/** A queue's delivery rules: `short` keeps at most one waiting message per singleton key. */
export interface QueueOptions {
  policy?: "standard" | "short";
  retryLimit: number;
  retryDelaySecs?: number;
  retryBackoff?: boolean;
  expireInHours?: number;
}

export interface SendOptions {
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySecs?: number;
  retryBackoff?: boolean;
  expireInHours?: number;
}

export interface WorkOptions {
  pollingIntervalSeconds: number;
  /** Give the handler the message's retry count (its attempt number, 0 first). */
  includeMetadata?: boolean;
}

export interface QueueMessage<T> {
  data: T;
  retryCount: number;
}

/** Messages of one queue that could run now but wait for a worker. */
export interface QueueBacklog {
  queue: string;
  waiting: number;
  /** How long the oldest of them has been waiting (0 when none). */
  oldestWaitingSecs: number;
}

export interface ScheduleInfo {
  name: string;
  cron: string;
  timezone: string | null;
}

/**
 * The one module that owns pg-boss (on the same database: PGlite or PostgreSQL), through its public API only. The
 * rest of jobsync sends, works and schedules through this narrow interface, so an upgrade of pg-boss touches this
 * file alone. Queues are created once, with their options; an error creating one is an error, never swallowed.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;
  private readonly queues = new Map<string, Promise<void>>();

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
      // schedules: due ticks are looked for every 5 s (by one process per interval) and their messages moved every
      // 2 s, so a fire lands within seconds of its tick
      cronMonitorIntervalSeconds: 5,
      cronWorkerIntervalSeconds: 2,
    } as ConstructorParameters<typeof PgBoss>[0]);
    this.boss.on("error", (error) => logger.error({ err: error }, "queue error"));
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.queues.clear();
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Create the queue unless it exists (once per process); another process creating it at the same time is fine. */
  ensureQueue(name: string, options: QueueOptions): Promise<void> {
    let ready = this.queues.get(name);
    if (!ready) {
      ready = this.createQueue(name, options);
      this.queues.set(name, ready);
      ready.catch(() => this.queues.delete(name));
    }
    return ready;
  }

  private async createQueue(name: string, options: QueueOptions): Promise<void> {
    const queue: PgBoss.Queue = {
      name,
      policy: options.policy ?? "standard",
      retryLimit: options.retryLimit,
      ...(options.retryDelaySecs === undefined ? {} : { retryDelay: options.retryDelaySecs }),
      ...(options.retryBackoff === undefined ? {} : { retryBackoff: options.retryBackoff }),
      ...(options.expireInHours === undefined ? {} : { expireInHours: options.expireInHours }),
    };
    // Two processes starting together race to create it: the loser sees a unique violation or a deadlock while the
    // winner's transaction is still open, so look again after a pause before calling it an error.
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) return;
      try {
        await this.boss.createQueue(name, queue);
        return;
      } catch (error) {
        if (attempt >= CREATE_QUEUE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
      }
    }
  }

  /** Send a message; null when a `short` queue already has one waiting for this singleton key. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, {
      ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
      ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
      ...(options.retryDelaySecs === undefined ? {} : { retryDelay: options.retryDelaySecs }),
      ...(options.retryBackoff === undefined ? {} : { retryBackoff: options.retryBackoff }),
      ...(options.expireInHours === undefined ? {} : { expireInHours: options.expireInHours }),
    });
  }

  /** Take messages one at a time; a handler that throws fails the message (retried by the queue's rules). */
  async work<T>(
    name: string,
    options: WorkOptions,
    handler: (message: QueueMessage<T>) => Promise<void>,
  ): Promise<string> {
    return this.boss.work<T>(
      name,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) {
          const retryCount = (job as { retryCount?: number }).retryCount ?? 0;
          await handler({ data: job.data, retryCount });
        }
      },
    );
  }

  /** Stop one worker (by the id `work` returned). */
  async offWork(workerId: string): Promise<void> {
    await this.boss.offWork({ id: workerId });
  }

  /** Stop every worker of a queue in this process. */
  async offWorkQueue(name: string): Promise<void> {
    await this.boss.offWork(name);
  }

  /** A message was just sent: let this process's worker look now instead of at its next poll. */
  notifyWorker(workerId: string): void {
    this.boss.notifyWorker(workerId);
  }

  async schedule(name: string, cron: string, data: object, timeZone: string): Promise<void> {
    await this.boss.schedule(name, cron, data, { tz: timeZone });
  }

  async unschedule(name: string): Promise<void> {
    await this.boss.unschedule(name);
  }

  async schedules(): Promise<ScheduleInfo[]> {
    // the stored rows carry the time zone as `timezone` (the typings leave it out)
    const rows = (await this.boss.getSchedules()) as Array<{ name: string; cron: string; timezone?: string }>;
    return rows.map((r) => ({ name: r.name, cron: r.cron, timezone: r.timezone ?? null }));
  }

  /**
   * The backlog of every queue (metrics): messages created or to be retried whose start time has come, and the age of
   * the oldest. Read from pg-boss's own table, through its database (this module is the only one that knows it).
   */
  async backlog(): Promise<QueueBacklog[]> {
    const db = this.boss.getDb() as { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
    const names = (await this.boss.getQueues()).map((q) => q.name);
    const { rows } = await db.executeSql(
      `SELECT name, count(*)::int AS waiting,
              coalesce(extract(epoch FROM now() - min(start_after)), 0)::float8 AS oldest
         FROM pgboss.job WHERE state < 'active' AND start_after <= now() GROUP BY name`,
    );
    const found = new Map((rows as Array<{ name: string; waiting: number; oldest: number }>).map((r) => [r.name, r]));
    return names.map((queue) => ({
      queue,
      waiting: Number(found.get(queue)?.waiting ?? 0),
      oldestWaitingSecs: Math.max(0, Number(found.get(queue)?.oldest ?? 0)),
    }));
  }
}
