import {
  ACTIVE_SYNC_JOB_STATUSES,
  type CrawlJobProgress,
  FINAL_SYNC_JOB_STATUSES,
  type SyncJobStatus,
} from "@jobsync/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { sqlList } from "../db/sql-arrays";
import { isoTimestamp } from "../db/timestamps";
import type { TimelineEvent } from "./progress/progress-manager";
import { type SyncJobViewRow, toCrawlJobProgress } from "./sync-job.mapper";

const ACTIVE = sqlList(ACTIVE_SYNC_JOB_STATUSES);
const FINAL = sqlList(FINAL_SYNC_JOB_STATUSES);

const VIEW = sql`
  SELECT sj.id, sj.data_source_id, sj.site_name, sj.status, sj.trigger, sj.max_jobs, sj.full_refresh, sj.progress,
    sj.current_step, sj.steps, sj.stats, sj.summary, sj.error, sj.quality_tally, sj.alarms, sj.expiry, sj.requested_by, ru.email AS requested_by_email,
    sj.cancelled_by, cu.email AS cancelled_by_email, sj.version, sj.created_at, sj.started_at, sj.finished_at,
    sj.updated_at, sj.attempt, sj.max_attempts, sj.resumed_from,
    EXISTS (SELECT 1 FROM sync_job_checkpoints c WHERE c.sync_job_id = sj.id) AS has_checkpoint,
    sj.reprocessed_from, ar.bytes AS archive_bytes, ar.pages AS archive_pages
  FROM sync_jobs sj
  LEFT JOIN sync_job_archives ar ON ar.sync_job_id = sj.id AND ar.deleted_at IS NULL
  LEFT JOIN users ru ON ru.id = sj.requested_by
  LEFT JOIN users cu ON cu.id = sj.cancelled_by`;

export interface ListFilter {
  statuses: readonly SyncJobStatus[] | null;
  dataSourceId: string | null;
  limit: number;
  /** Keyset cursor: (created_at, id) of the last row of the previous page. */
  after: { createdAt: string; id: string } | null;
}

/** Reads of sync jobs (their status changes are in sync-job-transitions.ts), history retention and the timeline. */
export class SyncJobRepository {
  constructor(private readonly db: Db) {}

  private async view(where: SQL, tail: SQL = sql``, db: Db = this.db): Promise<CrawlJobProgress[]> {
    const rows = await queryRows<SyncJobViewRow>(db, sql`${VIEW} WHERE ${where} ${tail}`);
    return rows.map(toCrawlJobProgress);
  }

  async findProgress(id: string, db: Db = this.db): Promise<CrawlJobProgress | null> {
    return (await this.view(sql`sj.id = ${id}`, sql``, db))[0] ?? null;
  }

  async findActiveFor(dataSourceId: string): Promise<CrawlJobProgress | null> {
    return (await this.view(sql`sj.data_source_id = ${dataSourceId} AND sj.status IN (${ACTIVE})`))[0] ?? null;
  }

  /** The sync jobs of one multi-site batch, in the order they were started. */
  async listBatch(batchId: string): Promise<CrawlJobProgress[]> {
    return this.view(sql`sj.batch_id = ${batchId}`, sql`ORDER BY sj.created_at, sj.site_name`);
  }

  async list(filter: ListFilter): Promise<CrawlJobProgress[]> {
    const conditions: SQL[] = [sql`true`];
    if (filter.statuses) conditions.push(sql`sj.status IN (${sqlList(filter.statuses)})`);
    if (filter.dataSourceId) conditions.push(sql`sj.data_source_id = ${filter.dataSourceId}`);
    if (filter.after) {
      conditions.push(sql`(sj.created_at, sj.id) < (${filter.after.createdAt}::timestamptz, ${filter.after.id}::uuid)`);
    }
    return this.view(
      sql.join(conditions, sql` AND `),
      sql`ORDER BY sj.created_at DESC, sj.id DESC LIMIT ${filter.limit}`,
    );
  }

  /** Keep the newest `keep` finished sync jobs (with their events); delete older ones. Returns how many went. */
  async enforceRetention(keep: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`DELETE FROM sync_jobs WHERE id IN (
            SELECT id FROM sync_jobs WHERE status IN (${FINAL})
            ORDER BY created_at DESC, id DESC OFFSET ${keep})
          RETURNING id`,
    );
    return rows.length;
  }

  async events(id: string, limit = 500): Promise<TimelineEvent[]> {
    const rows = await queryRows<{
      at: Date | string;
      level: TimelineEvent["level"];
      step_key: string | null;
      message: string;
    }>(
      this.db,
      sql`SELECT at, level, step_key, message FROM sync_job_events WHERE sync_job_id = ${id} ORDER BY id LIMIT ${limit}`,
    );
    return rows.map((r) => ({
      at: isoTimestamp(r.at),
      level: r.level,
      stepKey: (r.step_key as TimelineEvent["stepKey"]) ?? null,
      message: r.message,
    }));
  }

  /** How many sync jobs each data source has in each status (metrics). */
  async countsBySourceAndStatus(): Promise<Array<{ source: string; status: SyncJobStatus; count: number }>> {
    const rows = await queryRows<{ source: string; status: SyncJobStatus; count: number }>(
      this.db,
      sql`SELECT site_name AS source, status, count(*)::int AS count FROM sync_jobs GROUP BY site_name, status`,
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  async status(id: string): Promise<SyncJobStatus | null> {
    const rows = await queryRows<{ status: SyncJobStatus }>(
      this.db,
      sql`SELECT status FROM sync_jobs WHERE id = ${id}`,
    );
    return rows[0]?.status ?? null;
  }

  /** The version of a sync job (its SSE event id), cheap to poll. */
  async version(id: string): Promise<{ version: number; status: SyncJobStatus } | null> {
    const rows = await queryRows<{ version: number; status: SyncJobStatus }>(
      this.db,
      sql`SELECT version, status FROM sync_jobs WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  }
}
