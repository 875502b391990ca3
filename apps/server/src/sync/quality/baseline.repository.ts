import {
  addQualityTally,
  BASELINE_SIZE,
  emptyQualityTally,
  type QualityTally,
  type SourceBaseline,
  type SyncJobStatus,
} from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { baselineOf } from "./baseline";

const COMPLETED: SyncJobStatus = "completed";

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
}
