import type { NotificationEvent, NotificationPayload, SourceHealth } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { HealthChange, SourceHealthTracker } from "../data-sources/source-health";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import type { FinishedSyncJob, SyncFinishListener } from "../sync/sync-finish-listener";
import type { SyncJobRepository } from "../sync/sync-job.repository";
import type { NotificationChannelRepository } from "./notification-channel.repository";
import type { NotificationDeliveryRepository } from "./notification-delivery.repository";

export interface DeliveryEnqueuer {
  enqueue(deliveryId: string): Promise<void>;
}

/**
 * The runner's finish listener: records the source's health (auto-disable), then writes one outbox row per
 * subscribed channel for the final status (and for a degraded or deactivated source) and queues it. The outbox's
 * unique (channel, key) makes a repeated call a no-op, so each final sync job is delivered once per channel.
 */
export class SyncJobNotifier implements SyncFinishListener {
  constructor(
    private readonly syncJobs: SyncJobRepository,
    private readonly health: SourceHealthTracker,
    private readonly channels: NotificationChannelRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly queue: DeliveryEnqueuer,
    private readonly db: Db,
  ) {}

  /** Sync jobs the reaper failed (their worker died): told like any other final sync job. */
  async syncJobsReaped(jobIds: string[]): Promise<void> {
    for (const jobId of jobIds) {
      const rows = await queryRows<{ data_source_id: string; status: string; error: string | null }>(
        this.db,
        sql`SELECT data_source_id, status, error FROM sync_jobs WHERE id = ${jobId}`,
      );
      const row = rows[0];
      if (row?.status !== "failed") continue;
      await this.syncJobFinished({ jobId, dataSourceId: row.data_source_id, status: "failed", error: row.error });
    }
  }

  async syncJobFinished(job: FinishedSyncJob): Promise<void> {
    const change = await this.health.record(job);
    const view = await this.syncJobs.findProgress(job.jobId);
    const siteName = view?.site_name ?? change?.siteName ?? "(deleted)";
    const syncJob: NotificationPayload["sync_job"] = {
      job_id: job.jobId,
      status: job.status,
      error: job.error,
      stats: (view?.stats as unknown as Record<string, unknown>) ?? null,
      started_at: view?.started_at ?? null,
      finished_at: view?.finished_at ?? null,
    };
    const source = (health: SourceHealth, failures: number): NotificationPayload["data_source"] => ({
      site_name: siteName,
      health,
      consecutive_failures: failures,
    });
    const health = change ? source(change.to, change.consecutiveFailures) : null;
    const stats = view?.stats;
    const counts = stats ? `: ${stats.jobs_added} added, ${stats.jobs_updated} updated, ${stats.errors} errors` : "";
    await this.notify(`sync_job.${job.status}`, `sync_job:${job.jobId}`, job, {
      event: `sync_job.${job.status}`,
      occurred_at: new Date().toISOString(),
      data_source: health,
      sync_job: syncJob,
      message:
        job.status === "completed"
          ? `Sync job of ${siteName} completed${counts}`
          : `Sync job of ${siteName} ${job.status}${job.error ? `: ${job.error}` : ""}`,
    });
    if (change && change.to !== change.from && change.to !== "ok") await this.notifyHealth(change, job, syncJob);
  }

  private async notifyHealth(change: HealthChange, job: FinishedSyncJob, syncJob: NotificationPayload["sync_job"]) {
    const event: NotificationEvent = change.to === "degraded" ? "data_source.degraded" : "data_source.deactivated";
    const what =
      change.to === "degraded"
        ? `is degraded after ${change.consecutiveFailures} failed sync jobs in a row`
        : `was deactivated after ${change.consecutiveFailures} failed sync jobs in a row; switch it on again on the Data Sources page`;
    await this.notify(event, `data_source:${change.dataSourceId}:${event}:${job.jobId}`, job, {
      event,
      occurred_at: new Date().toISOString(),
      data_source: { site_name: change.siteName, health: change.to, consecutive_failures: change.consecutiveFailures },
      sync_job: syncJob,
      message: `Data source ${change.siteName} ${what}`,
    });
  }

  private async notify(event: NotificationEvent, key: string, job: FinishedSyncJob, payload: NotificationPayload) {
    for (const channel of await this.channels.subscribed(event, job.dataSourceId)) {
      const id = await this.deliveries.enqueue({
        channelId: channel.id,
        dedupeKey: key,
        event,
        syncJobId: job.jobId,
        dataSourceId: job.dataSourceId,
        payload,
      });
      if (id) await this.queue.enqueue(id);
    }
  }
}
