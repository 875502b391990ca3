import { ABSENCE_EXPIRY_GUARD, type AbsenceExpiryReport, type PostingStatus } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { intArray } from "../../db/sql-arrays";

const OPEN: PostingStatus = "open";
const CLOSED: PostingStatus = "closed";

/** Expiry by absence in SQL: count a missed sync job on open postings a sync job did not list, close the oldest. */
export class AbsenceExpiryRepository {
  constructor(private readonly db: Db) {}

  async openCount(dataSourceId: string, db: Db = this.db): Promise<number> {
    const rows = await queryRows<{ n: number | string }>(
      db,
      sql`SELECT count(*) AS n FROM job_postings WHERE data_source_id = ${dataSourceId}::uuid AND status = ${OPEN}`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Open postings of the source this sync job did not list. */
  async unlistedCount(dataSourceId: string, syncJobId: string, db: Db = this.db): Promise<number> {
    const rows = await queryRows<{ n: number | string }>(
      db,
      sql`SELECT count(*) AS n FROM job_postings WHERE data_source_id = ${dataSourceId}::uuid AND status = ${OPEN}
            AND last_sync_job_id IS DISTINCT FROM ${syncJobId}::uuid`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** One more missed sync job on each open posting the sync job did not list; returns how many. */
  async countMissed(dataSourceId: string, syncJobId: string, db: Db = this.db): Promise<number> {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`UPDATE job_postings SET missed_syncs = missed_syncs + 1
          WHERE data_source_id = ${dataSourceId}::uuid AND status = ${OPEN}
            AND last_sync_job_id IS DISTINCT FROM ${syncJobId}::uuid
          RETURNING id`,
    );
    return rows.length;
  }

  /** Open postings missed by enough sync jobs in a row to close: the longest unseen first. */
  async dueIds(dataSourceId: string, db: Db = this.db): Promise<number[]> {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`SELECT id FROM job_postings WHERE data_source_id = ${dataSourceId}::uuid AND status = ${OPEN}
            AND missed_syncs >= ${ABSENCE_EXPIRY_GUARD.missesToClose}
          ORDER BY last_seen_at, id`,
    );
    return rows.map((r) => Number(r.id));
  }

  async close(ids: readonly number[], db: Db = this.db): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await queryRows<{ id: number }>(
      db,
      sql`UPDATE job_postings SET status = ${CLOSED}, closed_at = now()
          WHERE status = ${OPEN} AND id = ANY(${intArray(ids)}) RETURNING id`,
    );
    return rows.length;
  }

  async saveReport(syncJobId: string, report: AbsenceExpiryReport, db: Db = this.db): Promise<void> {
    // a new version: readers that cache a sync job's view by version see the report
    await db.execute(
      sql`UPDATE sync_jobs SET expiry = ${JSON.stringify(report)}::jsonb, version = version + 1
          WHERE id = ${syncJobId}::uuid`,
    );
  }

  /** Active sources with postings due to close by absence (the sweep's work). */
  async sourcesWithDue(db: Db = this.db): Promise<Array<{ id: string; siteName: string }>> {
    const rows = await queryRows<{ id: string; site_name: string }>(
      db,
      sql`SELECT DISTINCT ds.id, ds.site_name FROM data_sources ds JOIN job_postings p ON p.data_source_id = ds.id
          WHERE ds.is_active AND p.status = ${OPEN} AND p.missed_syncs >= ${ABSENCE_EXPIRY_GUARD.missesToClose}
          ORDER BY ds.site_name`,
    );
    return rows.map((r) => ({ id: r.id, siteName: r.site_name }));
  }
}
