import type { JobQueue } from "../queue/job-queue";
import type { AuditLogRepository } from "./audit-log.repository";

export const AUDIT_PRUNE_QUEUE = "audit-prune";
/** Daily at 03:41 UTC: schedules fire once across every worker process. */
export const AUDIT_PRUNE_CRON = "41 3 * * *";

export interface AuditPruneLogger {
  info(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

/** Deletes audit rows older than AUDIT_RETENTION_DAYS, once a day, in whichever worker process takes it. */
export class AuditPruneJob {
  private workerId: string | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly log: AuditLogRepository,
    private readonly retentionDays: number,
    private readonly logger: AuditPruneLogger,
  ) {}

  async start(): Promise<void> {
    await this.queue.ensureQueue(AUDIT_PRUNE_QUEUE, { retryLimit: 0 });
    await this.queue.schedule(AUDIT_PRUNE_QUEUE, AUDIT_PRUNE_CRON, {}, "UTC");
    this.workerId = await this.queue.work(AUDIT_PRUNE_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await this.runOnce();
    });
  }

  /** One pruning pass (also what the schedule runs). */
  async runOnce(): Promise<number> {
    try {
      const deleted = await this.log.prune(this.retentionDays);
      this.logger.info({ deleted, retention_days: this.retentionDays }, "audit log pruned");
      return deleted;
    } catch (error) {
      this.logger.error({ err: error }, "audit log pruning failed");
      return 0;
    }
  }

  async stop(): Promise<void> {
    if (this.workerId) await this.queue.offWork(this.workerId);
    this.workerId = null;
  }
}
