import {
  addQualityTally,
  BASELINE_SIZE,
  type CrawlStats,
  emptyQualityTally,
  FINAL_SYNC_JOB_STATUSES,
  type QualityTally,
  qualityOf,
  type SourceBaseline,
  type SourceHealthSyncJob,
  type SyncJobAlarm,
  type SyncJobStatus,
} from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { sqlList } from "../../db/sql-arrays";
import { isoTimestamp } from "../../db/timestamps";
import { baselineOf } from "./baseline";

const COMPLETED: SyncJobStatus = "completed";
const FINAL = sqlList(FINAL_SYNC_JOB_STATUSES);

/** Reads a source's learned baseline from its last clean completed sync jobs. */
export class BaselineRepository {
  constructor(private readonly db: Db) {}

  /**
   * The baseline of a data source for sync jobs of one kind (full refresh or not): the median of its last
   * BASELINE_SIZE completed sync jobs without alarms, `except` one (the sync job being judged). Null before
   * BASELINE_MIN of them.
   */
  async forSource(
    dataSourceId: string,
    fullRefresh: boolean,
    except: string | null,
    db: Db = this.db,
  ): Promise<SourceBaseline | null> {
    const rows = await queryRows<{ quality_tally: QualityTally; jobs_found: number | string | null }>(
      db,
      sql`SELECT quality_tally, (stats->>'jobs_found')::int AS jobs_found FROM sync_jobs
          WHERE data_source_id = ${dataSourceId}::uuid AND status = ${COMPLETED} AND full_refresh = ${fullRefresh}
            AND quality_tally IS NOT NULL AND alarms = '[]'::jsonb
            ${except ? sql`AND id <> ${except}::uuid` : sql``}
          ORDER BY finished_at DESC NULLS LAST, created_at DESC LIMIT ${BASELINE_SIZE}`,
    );
    return baselineOf(
      rows.map((r) => ({
        tally: addQualityTally(emptyQualityTally(), r.quality_tally),
        jobsFound: r.jobs_found === null ? null : Number(r.jobs_found),
      })),
    );
  }

  /** The source's latest completed sync job: what the expiry sweep judges the source by. */
  async latestCompleted(
    dataSourceId: string,
    db: Db = this.db,
  ): Promise<{ id: string; fullRefresh: boolean; jobsFound: number } | null> {
    const rows = await queryRows<{ id: string; full_refresh: boolean; jobs_found: number | string | null }>(
      db,
      sql`SELECT id, full_refresh, (stats->>'jobs_found')::int AS jobs_found FROM sync_jobs
          WHERE data_source_id = ${dataSourceId}::uuid AND status = ${COMPLETED}
          ORDER BY finished_at DESC NULLS LAST, created_at DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? { id: row.id, fullRefresh: row.full_refresh, jobsFound: Number(row.jobs_found ?? 0) } : null;
  }

  /** The source's last `limit` finished sync jobs, oldest first (its source page). */
  async recent(dataSourceId: string, limit: number): Promise<SourceHealthSyncJob[]> {
    const rows = await queryRows<{
      id: string;
      status: string;
      created_at: Date | string;
      stats: Partial<CrawlStats>;
      quality_tally: QualityTally | null;
      alarms: SyncJobAlarm[] | null;
    }>(
      this.db,
      sql`SELECT id, status, created_at, stats, quality_tally, alarms FROM (
            SELECT id, status, created_at, stats, quality_tally, alarms FROM sync_jobs
            WHERE data_source_id = ${dataSourceId}::uuid AND status IN (${FINAL})
            ORDER BY created_at DESC, id DESC LIMIT ${limit}
          ) recent ORDER BY created_at, id`,
    );
    return rows.map((r) => ({
      job_id: r.id,
      status: r.status,
      created_at: isoTimestamp(r.created_at),
      jobs_found: Number(r.stats.jobs_found ?? 0),
      jobs_added: Number(r.stats.jobs_added ?? 0),
      duplicates: Number(r.stats.duplicates ?? 0),
      errors: Number(r.stats.errors ?? 0),
      quality: r.quality_tally ? qualityOf(addQualityTally(emptyQualityTally(), r.quality_tally)) : null,
      alarms: r.alarms ?? [],
    }));
  }
}
