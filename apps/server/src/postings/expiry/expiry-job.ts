import type PgBoss from "pg-boss";
import type { ExpirySweep, SweepRequest } from "./expiry-sweep";

export const EXPIRY_QUEUE = "posting-expiry";
/** Every hour at minute 17 (UTC): pg-boss schedules fire once across every worker process. */
export const EXPIRY_CRON = "17 * * * *";

export interface ExpiryJobLogger {
  info(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

/** The periodic expiry sweep: a pg-boss schedule, worked by whichever worker process takes it. */
export class ExpiryJob {
  private workerId: string | null = null;

  constructor(
    private readonly boss: () => PgBoss,
    private readonly sweep: ExpirySweep,
    private readonly request: SweepRequest,
    private readonly log: ExpiryJobLogger,
  ) {}

  async start(): Promise<void> {
    const boss = this.boss();
    await boss.createQueue(EXPIRY_QUEUE, { name: EXPIRY_QUEUE, retryLimit: 0 } as never).catch(() => {});
    await boss.schedule(EXPIRY_QUEUE, EXPIRY_CRON, {}, { tz: "UTC" });
    this.workerId = await boss.work(EXPIRY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 10 }, async () => {
      try {
        const result = await this.sweep.run(this.request);
        this.log.info({ ...result }, "expiry sweep done");
      } catch (error) {
        this.log.error({ err: error }, "expiry sweep failed");
      }
    });
  }

  async stop(): Promise<void> {
    if (this.workerId)
      await this.boss()
        .offWork(this.workerId)
        .catch(() => {});
    this.workerId = null;
  }
}
