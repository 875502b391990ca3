import type { NotificationEvent, NotificationPayload, SourceHealth } from "@jobsync/contracts";
import type { HealthChange } from "../data-sources/source-health";
import type { Db } from "../db/database";
import type { FinishedSyncJob } from "../sync/ending/sync-outbox.repository";
import type { SyncJobRepository } from "../sync/sync-job.repository";
import type { NotificationChannelRepository } from "./notification-channel.repository";
import type { NotificationDeliveryRepository } from "./notification-delivery.repository";

/**
 * What the end of a sync job notifies: one delivery row per subscribed channel for the final status (and for a
 * degraded or deactivated source), written in the end handler's transaction. The deliveries' unique (channel, key)
 * makes a repeat a no-op, so each final sync job is delivered once per channel. Returns the new delivery ids, which
 * the handler queues once its transaction is committed.
 */
export class SyncJobNotifier {
  constructor(
    private readonly syncJobs: SyncJobRepository,
    private readonly channels: NotificationChannelRepository,
    private readonly deliveries: NotificationDeliveryRepository,
  ) {}

  async syncJobEnded(job: FinishedSyncJob, change: HealthChange | null, tx: Db): Promise<string[]> {
    const created: string[] = [];
    const view = await this.syncJobs.findProgress(job.jobId, tx);
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
    await this.notify(tx, created, `sync_job.${job.status}`, `sync_job:${job.jobId}`, job, {
      event: `sync_job.${job.status}`,
      occurred_at: new Date().toISOString(),
      data_source: health,
      sync_job: syncJob,
      message:
        job.status === "completed"
          ? `Sync job of ${siteName} completed${counts}`
          : `Sync job of ${siteName} ${job.status}${job.error ? `: ${job.error}` : ""}`,
    });
    if (change && change.to !== change.from && change.to !== "ok")
      await this.notifyHealth(tx, created, change, job, syncJob);
    const alarms = view?.alarms ?? [];
    if (alarms.length > 0) {
      const named = alarms.map((a) => a.message).join("; ");
      await this.notify(tx, created, "sync_job.alarm", `sync_job_alarm:${job.jobId}`, job, {
        event: "sync_job.alarm",
        occurred_at: new Date().toISOString(),
        data_source: health,
        sync_job: syncJob,
        message: `Source health alarm on ${siteName} (sync job ${job.status}): ${named}`,
        alarms,
      });
    }
    return created;
  }

  private async notifyHealth(
    tx: Db,
    created: string[],
    change: HealthChange,
    job: FinishedSyncJob,
    syncJob: NotificationPayload["sync_job"],
  ) {
    const event: NotificationEvent = change.to === "degraded" ? "data_source.degraded" : "data_source.deactivated";
    const what =
      change.to === "degraded"
        ? `is degraded after ${change.consecutiveFailures} failed sync jobs in a row`
        : `was deactivated after ${change.consecutiveFailures} failed sync jobs in a row; switch it on again on the Data Sources page`;
    await this.notify(tx, created, event, `data_source:${change.dataSourceId}:${event}:${job.jobId}`, job, {
      event,
      occurred_at: new Date().toISOString(),
      data_source: { site_name: change.siteName, health: change.to, consecutive_failures: change.consecutiveFailures },
      sync_job: syncJob,
      message: `Data source ${change.siteName} ${what}`,
    });
  }

  private async notify(
    tx: Db,
    created: string[],
    event: NotificationEvent,
    key: string,
    job: FinishedSyncJob,
    payload: NotificationPayload,
  ) {
    for (const channel of await this.channels.subscribed(event, job.dataSourceId, tx)) {
      const id = await this.deliveries.enqueue(
        {
          channelId: channel.id,
          dedupeKey: key,
          event,
          syncJobId: job.jobId,
          dataSourceId: job.dataSourceId,
          payload,
        },
        tx,
      );
      if (id) created.push(id);
    }
  }
}
