import type { FinalSyncJobStatus } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";

/** A sync job that has reached a final status, as its outbox row records it. */
export interface FinishedSyncJob {
  jobId: string;
  dataSourceId: string;
  /** Its data source's name ("unknown" when the sync job is gone already). */
  siteName: string;
  status: FinalSyncJobStatus;
  error: string | null;
}

/** The outbox of sync job ends: written by every final transition (sync-job-transitions.ts), read here. */
export class SyncOutboxRepository {
  constructor(private readonly db: Db) {}

  /** Outbox rows not yet handled, oldest first. */
  async unhandled(limit: number): Promise<number[]> {
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`SELECT id FROM sync_job_outbox WHERE handled_at IS NULL ORDER BY id LIMIT ${limit}`,
    );
    return rows.map((r) => Number(r.id));
  }

  /** In the handler's transaction: lock an unhandled row (skipped if another process has it). */
  async lock(tx: Db, id: number): Promise<FinishedSyncJob | null> {
    const rows = await queryRows<{
      sync_job_id: string;
      data_source_id: string;
      status: FinalSyncJobStatus;
      error: string | null;
      site_name: string | null;
    }>(
      tx,
      sql`SELECT sync_job_id, data_source_id, status, error,
                 (SELECT sj.site_name FROM sync_jobs sj WHERE sj.id = sync_job_id) AS site_name
          FROM sync_job_outbox
          WHERE id = ${id} AND handled_at IS NULL FOR UPDATE SKIP LOCKED`,
    );
    const row = rows[0];
    return row
      ? {
          jobId: row.sync_job_id,
          dataSourceId: row.data_source_id,
          siteName: row.site_name ?? "unknown",
          status: row.status,
          error: row.error,
        }
      : null;
  }

  async markHandled(tx: Db, id: number): Promise<void> {
    await tx.execute(sql`UPDATE sync_job_outbox SET handled_at = now() WHERE id = ${id}`);
  }
}
