import type { JobQueue } from "../../queue/job-queue";
import type { ExpirySweep, SweepRequest } from "./expiry-sweep";

export const EXPIRY_QUEUE = "posting-expiry";
/** Every hour at minute 17 (UTC): schedules fire once across every worker process. */
export const EXPIRY_CRON = "17 * * * *";

export interface ExpiryJobLogger {
  info(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

/** The periodic expiry sweep: a schedule on the queue, worked by whichever worker process takes it. */
export class ExpiryJob {
  private workerId: string | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly sweep: ExpirySweep,
    private readonly request: SweepRequest,
    private readonly log: ExpiryJobLogger,
  ) {}

  async start(): Promise<void> {
    await this.queue.ensureQueue(EXPIRY_QUEUE, { retryLimit: 0 });
    await this.queue.schedule(EXPIRY_QUEUE, EXPIRY_CRON, {}, "UTC");
    this.workerId = await this.queue.work(EXPIRY_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      try {
        const result = await this.sweep.run(this.request);
        this.log.info({ ...result }, "expiry sweep done");
      } catch (error) {
        this.log.error({ err: error }, "expiry sweep failed");
      }
    });
  }

  async stop(): Promise<void> {
    if (this.workerId) await this.queue.offWork(this.workerId);
    this.workerId = null;
  }
}
