import type { ScheduleRunOutcome, SyncJobRequest, SyncJobResponse, SyncTrigger } from "@jobsync/contracts";
import type { AuditActor } from "../audit/audit-actor";
import type { DataSourceRepository } from "../data-sources/data-source.repository";
import type { ScheduleSync } from "../data-sources/data-source.service";
import { AppError } from "../errors/app-error";
import type { JobQueue } from "../queue/job-queue";
import { tickAt } from "./cron";
import type { ScheduleRunRepository } from "./schedule-run.repository";

/** pg-boss keeps one schedule per queue: each scheduled data source gets a queue of its own, named by its id. */
export const SCHEDULE_QUEUE_PREFIX = "sync-schedule_";
export const scheduleQueueName = (dataSourceId: string) => `${SCHEDULE_QUEUE_PREFIX}${dataSourceId}`;

export interface ScheduleFireMessage {
  dataSourceId: string;
}

/** What a fire starts: the sync job service (its start is the API's, with trigger "schedule"). */
export interface ScheduledStarter {
  start(
    siteName: string,
    request: SyncJobRequest,
    actor: AuditActor | null,
    trigger?: SyncTrigger,
  ): Promise<SyncJobResponse>;
}

export interface SchedulerLogger {
  info(obj: unknown, message: string): void;
  warn(obj: unknown, message: string): void;
  error(obj: unknown, message: string): void;
}

export interface SchedulerOptions {
  /** How often a worker process re-reads which sources have schedules (and re-syncs pg-boss's schedules). */
  refreshMillis: number;
}

export interface FireResult {
  outcome: ScheduleRunOutcome;
  jobId: string | null;
  scheduledFor: string;
}

/**
 * Schedules on pg-boss: one pg-boss schedule per data source with a cron (kept in step with the row), fired by
 * pg-boss's timekeeper once per tick across all processes; every worker process takes the fires of every scheduled
 * source's queue. A fire claims its tick in `sync_schedule_runs` (unique per source and tick), then starts a sync job
 * with trigger "schedule", or records it as skipped when the source already has an active one.
 */
export class SyncScheduler implements ScheduleSync {
  private readonly subscribed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly queue: JobQueue,
    private readonly runs: ScheduleRunRepository,
    private readonly dataSources: DataSourceRepository,
    private readonly starter: ScheduledStarter,
    private readonly logger: SchedulerLogger,
    private readonly options: SchedulerOptions,
  ) {}

  /** Make pg-boss's schedules match the rows: one per active data source with a cron, none for the others. */
  async syncSchedules(): Promise<void> {
    const wanted = new Map(
      (await this.runs.scheduledSources()).filter((s) => s.isActive).map((s) => [scheduleQueueName(s.id), s]),
    );
    for (const schedule of await this.queue.schedules()) {
      if (!schedule.name.startsWith(SCHEDULE_QUEUE_PREFIX)) continue;
      const want = wanted.get(schedule.name);
      if (!want) await this.queue.unschedule(schedule.name);
      else if (want.cron === schedule.cron && want.timeZone === schedule.timezone) wanted.delete(schedule.name);
    }
    for (const [name, source] of wanted) {
      await this.ensureQueue(name);
      await this.queue.schedule(
        name,
        source.cron,
        { dataSourceId: source.id } satisfies ScheduleFireMessage,
        source.timeZone,
      );
    }
  }

  /** Sync the schedules; in a worker process also take the fires, re-reading the scheduled sources periodically. */
  async start(work: boolean): Promise<void> {
    this.stopped = false;
    await this.syncSchedules().catch((error) => this.logger.error({ err: error }, "could not sync schedules"));
    if (!work) return;
    await this.refresh();
    this.timer = setInterval(() => {
      this.refreshing = this.refreshing.then(() => this.refresh());
    }, this.options.refreshMillis);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
    for (const name of this.subscribed)
      await this.queue
        .offWorkQueue(name)
        .catch((error) => this.logger.error({ err: error }, "could not stop a schedule worker"));
    this.subscribed.clear();
  }

  private async ensureQueue(name: string): Promise<void> {
    await this.queue.ensureQueue(name, { retryLimit: 0 });
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.syncSchedules();
      const names = new Set((await this.runs.scheduledSources()).map((s) => scheduleQueueName(s.id)));
      for (const name of names) {
        if (this.subscribed.has(name) || this.stopped) continue;
        await this.ensureQueue(name);
        await this.queue.work<ScheduleFireMessage>(name, { pollingIntervalSeconds: 2 }, async (m) => {
          await this.fire(m.data.dataSourceId);
        });
        this.subscribed.add(name);
      }
      for (const name of this.subscribed) {
        if (names.has(name)) continue;
        await this.queue.offWorkQueue(name);
        this.subscribed.delete(name);
      }
    } catch (error) {
      this.logger.error({ err: error }, "could not refresh schedules");
    }
  }

  /**
   * One fire of a source's schedule at `at`. Null when the source has no schedule any more, or when this tick was
   * already fired (by another process).
   */
  async fire(dataSourceId: string, at = new Date()): Promise<FireResult | null> {
    const source = await this.dataSources.findRowById(dataSourceId);
    if (!source?.scheduleCron) return null;
    const tick = tickAt(source.scheduleCron, source.scheduleTimezone, at);
    const runId = await this.runs.claimTick(source.id, tick);
    if (runId === null) return null;
    const scheduledFor = tick.toISOString();
    let result: FireResult;
    try {
      const started = await this.starter.start(source.siteName, {}, null, "schedule");
      await this.runs.settle(runId, "started", started.job_id, `started sync job ${started.job_id}`);
      result = { outcome: "started", jobId: started.job_id, scheduledFor };
    } catch (error) {
      result = await this.settleFailure(runId, error, scheduledFor);
    }
    this.logger.info({ site_name: source.siteName, scheduled_for: scheduledFor, ...result }, "schedule fired");
    await this.runs.prune(source.id);
    return result;
  }

  private async settleFailure(runId: number, error: unknown, scheduledFor: string): Promise<FireResult> {
    if (error instanceof AppError && error.code === "sync_job_active") {
      const active = error.details as { job_id: string; status: string };
      await this.runs.settle(
        runId,
        "skipped_active",
        active.job_id,
        `skipped: sync job ${active.job_id} is still ${active.status}`,
      );
      return { outcome: "skipped_active", jobId: active.job_id, scheduledFor };
    }
    if (error instanceof AppError && error.code === "data_source_inactive") {
      await this.runs.settle(runId, "skipped_inactive", null, "skipped: the data source is not active");
      return { outcome: "skipped_inactive", jobId: null, scheduledFor };
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error({ err: error }, "scheduled sync job could not start");
    await this.runs.settle(runId, "failed", null, `could not start a sync job: ${reason}`);
    return { outcome: "failed", jobId: null, scheduledFor };
  }
}
