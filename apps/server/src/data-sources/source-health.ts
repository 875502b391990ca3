import { resolveSyncOptions, type SourceHealth } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import type { FinishedSyncJob } from "../sync/ending/sync-outbox.repository";

export interface HealthChange {
  dataSourceId: string;
  siteName: string;
  from: SourceHealth;
  to: SourceHealth;
  consecutiveFailures: number;
}

/** The health after `failures` failed sync jobs in a row: degraded from N, deactivated from 2N. */
export function healthAfter(failures: number, threshold: number): SourceHealth {
  if (failures >= 2 * threshold) return "deactivated";
  if (failures >= threshold) return "degraded";
  return "ok";
}

/**
 * Auto-disable: counts failed sync jobs in a row per data source (a completed one resets the count, a cancelled one
 * leaves it), marks the source degraded after N (`auto_disable_after_failures`, default 5) and deactivates it after
 * 2N. The write is compare-and-set on the previous count, so two finishes never lose an increment.
 */
export class SourceHealthTracker {
  constructor(private readonly db: Db) {}

  /** Record the end of a sync job (in the end handler's transaction when it passes one). */
  async record(job: FinishedSyncJob, db: Db = this.db): Promise<HealthChange | null> {
    if (job.status === "cancelled") return null;
    for (let tries = 0; tries < 5; tries++) {
      const rows = await queryRows<{
        site_name: string;
        config: Record<string, unknown>;
        consecutive_failures: number;
        health: string;
      }>(
        db,
        sql`SELECT site_name, config, consecutive_failures, health FROM data_sources WHERE id = ${job.dataSourceId}
            FOR UPDATE`,
      );
      const row = rows[0];
      if (!row) return null;
      const before = Number(row.consecutive_failures);
      const from = (row.health as SourceHealth) ?? "ok";
      const failures = job.status === "failed" ? before + 1 : 0;
      const threshold = resolveSyncOptions(row.config).autoDisableAfterFailures;
      const to = healthAfter(failures, threshold);
      const updated = await queryRows<{ id: string }>(
        db,
        sql`UPDATE data_sources SET consecutive_failures = ${failures}, health = ${to},
            is_active = CASE WHEN ${to}::text = 'deactivated' THEN false ELSE is_active END,
            updated_at = CASE WHEN ${to}::text <> health THEN now() ELSE updated_at END
          WHERE id = ${job.dataSourceId} AND consecutive_failures = ${before} RETURNING id`,
      );
      if (updated.length === 0) continue;
      return { dataSourceId: job.dataSourceId, siteName: row.site_name, from, to, consecutiveFailures: failures };
    }
    return null;
  }
}
