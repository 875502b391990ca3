import type { ScheduleRun, ScheduleRunOutcome } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { isoTimestamp } from "../db/timestamps";

/** Fires kept per data source; older ones are pruned when a new one is recorded. */
export const SCHEDULE_RUNS_KEPT = 500;

export interface ScheduledSource {
  id: string;
  siteName: string;
  cron: string;
  timeZone: string;
  isActive: boolean;
}

interface RunRow extends Record<string, unknown> {
  id: number;
  site_name: string;
  scheduled_for: Date | string;
  fired_at: Date | string;
  outcome: ScheduleRunOutcome;
  sync_job_id: string | null;
  message: string;
}

/** All SQL about schedules: the data sources that have one, and the record of each fire. */
export class ScheduleRunRepository {
  constructor(private readonly db: Db) {}

  async scheduledSources(): Promise<ScheduledSource[]> {
    const rows = await queryRows<{
      id: string;
      site_name: string;
      schedule_cron: string;
      schedule_timezone: string;
      is_active: boolean;
    }>(
      this.db,
      sql`SELECT id, site_name, schedule_cron, schedule_timezone, is_active FROM data_sources
          WHERE schedule_cron IS NOT NULL ORDER BY id`,
    );
    return rows.map((r) => ({
      id: r.id,
      siteName: r.site_name,
      cron: r.schedule_cron,
      timeZone: r.schedule_timezone,
      isActive: r.is_active,
    }));
  }

  /**
   * Claim one tick of a source's schedule. False when that tick was already claimed (a second worker, a redelivered
   * message): the unique key (data_source_id, scheduled_for) lets exactly one fire through.
   */
  async claimTick(dataSourceId: string, scheduledFor: Date): Promise<number | null> {
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`INSERT INTO sync_schedule_runs (data_source_id, scheduled_for, outcome, message)
          VALUES (${dataSourceId}, ${scheduledFor.toISOString()}::timestamptz, 'started', 'starting a sync job')
          ON CONFLICT (data_source_id, scheduled_for) DO NOTHING
          RETURNING id`,
    );
    return rows[0]?.id ?? null;
  }

  async settle(runId: number, outcome: ScheduleRunOutcome, jobId: string | null, message: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE sync_schedule_runs SET outcome = ${outcome}, sync_job_id = ${jobId}, message = ${message}
          WHERE id = ${runId}`,
    );
  }

  async prune(dataSourceId: string, keep = SCHEDULE_RUNS_KEPT): Promise<void> {
    await this.db.execute(
      sql`DELETE FROM sync_schedule_runs WHERE data_source_id = ${dataSourceId} AND id IN (
            SELECT id FROM sync_schedule_runs WHERE data_source_id = ${dataSourceId}
            ORDER BY scheduled_for DESC OFFSET ${keep})`,
    );
  }

  async list(dataSourceId: string, limit: number): Promise<ScheduleRun[]> {
    const rows = await queryRows<RunRow>(
      this.db,
      sql`SELECT r.id, ds.site_name, r.scheduled_for, r.fired_at, r.outcome, r.sync_job_id, r.message
          FROM sync_schedule_runs r JOIN data_sources ds ON ds.id = r.data_source_id
          WHERE r.data_source_id = ${dataSourceId}
          ORDER BY r.scheduled_for DESC LIMIT ${limit}`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      site_name: r.site_name,
      scheduled_for: isoTimestamp(r.scheduled_for),
      fired_at: isoTimestamp(r.fired_at),
      outcome: r.outcome,
      job_id: r.sync_job_id,
      message: r.message,
    }));
  }
}
