import {
  ACTIVE_SYNC_JOB_STATUSES,
  type DataSource,
  HEALTH_JUDGED_STATUSES,
  type LastSync,
  SEARCH_EXACT_TOTAL_LIMIT,
  type SourceKind,
  type SyncJobAlarm,
  type SyncJobStatus,
} from "@jobsync/contracts";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { type DataSourceRow, dataSources } from "../db/schema";
import { sqlList } from "../db/sql-arrays";
import { isoTimestamp } from "../db/timestamps";
import { nextRunIso } from "../schedules/cron";
import { sourceHealthOf } from "./source-health-status";

/** Health is judged by the latest sync job that ran to an end of its own: completed or failed (not cancelled). */
const JUDGED = sqlList(HEALTH_JUDGED_STATUSES);
const ACTIVE = sql.raw(ACTIVE_SYNC_JOB_STATUSES.map((s) => `'${s}'`).join(", "));

interface ListedRow extends Record<string, unknown> {
  id: string;
  site_name: string;
  kind: string;
  base_url: string;
  is_active: boolean;
  config: Record<string, unknown>;
  created_at: Date | string;
  updated_at: Date | string;
  active_job_id: string | null;
  last_job_id: string | null;
  last_status: LastSync["status"] | null;
  last_created_at: Date | string | null;
  last_finished_at: Date | string | null;
  last_jobs_added: number | null;
  postings_count: number | string;
  schedule_cron: string | null;
  schedule_timezone: string;
  consecutive_failures: number;
  health: string;
  judged_status: SyncJobStatus | null;
  judged_error: string | null;
  judged_alarms: SyncJobAlarm[] | null;
}

function toDataSource(row: ListedRow): DataSource {
  const autoDisable = row.health === "degraded" || row.health === "deactivated" ? row.health : "ok";
  return {
    id: row.id,
    site_name: row.site_name,
    kind: row.kind as SourceKind,
    base_url: row.base_url,
    is_active: row.is_active,
    config: row.config,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    active_job_id: row.active_job_id,
    last_sync:
      row.last_job_id && row.last_status && row.last_created_at
        ? {
            job_id: row.last_job_id,
            status: row.last_status,
            created_at: isoTimestamp(row.last_created_at),
            finished_at: row.last_finished_at ? isoTimestamp(row.last_finished_at) : null,
            jobs_added: Number(row.last_jobs_added ?? 0),
          }
        : null,
    // counting stops past the limit: a source of a million postings costs what one of 10,001 does
    postings_count: Math.min(Number(row.postings_count), SEARCH_EXACT_TOTAL_LIMIT),
    postings_count_is_estimate: Number(row.postings_count) > SEARCH_EXACT_TOTAL_LIMIT,
    schedule_cron: row.schedule_cron,
    schedule_timezone: row.schedule_timezone,
    next_run_at: row.is_active ? nextRunIso(row.schedule_cron, row.schedule_timezone) : null,
    consecutive_failures: Number(row.consecutive_failures ?? 0),
    auto_disable: autoDisable,
    health: sourceHealthOf({
      autoDisable,
      consecutiveFailures: Number(row.consecutive_failures ?? 0),
      latest: row.judged_status
        ? { status: row.judged_status, error: row.judged_error, alarms: row.judged_alarms ?? [] }
        : null,
    }),
  };
}

export class DataSourceRepository {
  constructor(private readonly db: Db) {}

  /** `known`: postings counted earlier by source id (still true: see `PostingTotals`), not counted again. */
  private async listWhere(where: ReturnType<typeof sql>, known: ReadonlyMap<string, number>): Promise<DataSource[]> {
    const rows = await queryRows<ListedRow>(
      this.db,
      sql`
      SELECT ds.id, ds.site_name, ds.kind, ds.base_url, ds.is_active, ds.config, ds.created_at, ds.updated_at,
        ds.schedule_cron, ds.schedule_timezone,
        ds.consecutive_failures, ds.health,
        (SELECT sj.id FROM sync_jobs sj WHERE sj.data_source_id = ds.id AND sj.status IN (${ACTIVE}) LIMIT 1) AS active_job_id,
        last.id AS last_job_id, last.status AS last_status, last.created_at AS last_created_at,
        last.finished_at AS last_finished_at, (last.stats->>'jobs_added')::int AS last_jobs_added,
        COALESCE((${JSON.stringify(Object.fromEntries(known))}::jsonb ->> ds.id::text)::int,
          (SELECT count(*)::int FROM (SELECT 1 FROM job_postings jp WHERE jp.data_source_id = ds.id
            LIMIT ${SEARCH_EXACT_TOTAL_LIMIT + 1}) counted)) AS postings_count,
        judged.status AS judged_status, judged.error AS judged_error, judged.alarms AS judged_alarms
      FROM data_sources ds
      LEFT JOIN LATERAL (
        SELECT id, status, created_at, finished_at, stats FROM sync_jobs
        WHERE data_source_id = ds.id ORDER BY created_at DESC, id DESC LIMIT 1
      ) last ON true
      LEFT JOIN LATERAL (
        SELECT status, error, alarms FROM sync_jobs
        WHERE data_source_id = ds.id AND status IN (${JUDGED}) ORDER BY finished_at DESC NULLS LAST, created_at DESC LIMIT 1
      ) judged ON true
      WHERE ${where}
      ORDER BY ds.site_name`,
    );
    return rows.map(toDataSource);
  }

  list(known: ReadonlyMap<string, number> = new Map()): Promise<DataSource[]> {
    return this.listWhere(sql`true`, known);
  }

  async findView(siteName: string): Promise<DataSource | null> {
    const rows = await this.listWhere(sql`lower(ds.site_name) = lower(${siteName})`, new Map());
    return rows[0] ?? null;
  }

  async findRow(siteName: string): Promise<DataSourceRow | null> {
    const rows = await this.db
      .select()
      .from(dataSources)
      .where(sql`lower(${dataSources.siteName}) = lower(${siteName})`)
      .limit(1);
    return rows[0] ?? null;
  }

  async findRowById(id: string, db: Db = this.db): Promise<DataSourceRow | null> {
    const rows = await db.select().from(dataSources).where(eq(dataSources.id, id)).limit(1);
    return rows[0] ?? null;
  }

  /** Insert; returns null when the name is taken (case-insensitively). */
  async create(
    values: {
      siteName: string;
      kind: string;
      baseUrl: string;
      isActive: boolean;
      config: Record<string, unknown>;
      scheduleCron?: string | null;
      scheduleTimezone?: string;
    },
    db: Db = this.db,
  ): Promise<DataSourceRow | null> {
    const rows = await db.insert(dataSources).values(values).onConflictDoNothing().returning();
    return rows[0] ?? null;
  }

  async update(
    id: string,
    values: Partial<{
      baseUrl: string;
      isActive: boolean;
      config: Record<string, unknown>;
      scheduleCron: string | null;
      scheduleTimezone: string;
    }>,
    db: Db = this.db,
  ): Promise<DataSourceRow | null> {
    const rows = await db
      .update(dataSources)
      // switching a source back on clears its auto-disable state
      .set({
        ...values,
        ...(values.isActive === true ? { consecutiveFailures: 0, health: "ok" } : {}),
        updatedAt: new Date(),
      })
      .where(eq(dataSources.id, id))
      .returning();
    return rows[0] ?? null;
  }

  /**
   * Delete unless a sync job of it is active, in one statement so a sync job starting at the same moment cannot
   * slip in between the check and the delete. Returns "deleted", "active" or "missing".
   */
  async deleteUnlessActive(id: string, db: Db = this.db): Promise<"deleted" | "active" | "missing"> {
    const deleted = await queryRows<{ id: string }>(
      db,
      sql`
      DELETE FROM data_sources ds WHERE ds.id = ${id}
        AND NOT EXISTS (SELECT 1 FROM sync_jobs sj WHERE sj.data_source_id = ds.id AND sj.status IN (${ACTIVE}))
      RETURNING ds.id`,
    );
    if (deleted.length === 1) return "deleted";
    return (await this.findRowById(id, db)) ? "active" : "missing";
  }
}
