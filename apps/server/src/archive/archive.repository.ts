import { ACTIVE_SYNC_JOB_STATUSES } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { sqlList, textArray } from "../db/sql-arrays";
import { isoOrNull, isoTimestamp } from "../db/timestamps";

const ACTIVE = sqlList(ACTIVE_SYNC_JOB_STATUSES);

/** An archive's row, with its sync job's facts. */
export interface ArchiveRow {
  syncJobId: string;
  dataSourceId: string;
  siteName: string;
  status: string;
  bytes: number;
  pages: number;
  createdAt: string;
  /** When the size cap deleted its file; null while it is kept. */
  deletedAt: string | null;
}

interface RawRow {
  sync_job_id: string;
  data_source_id: string;
  site_name: string;
  status: string;
  bytes: number | string;
  pages: number;
  created_at: Date | string;
  deleted_at: Date | string | null;
}

const toRow = (r: RawRow): ArchiveRow => ({
  syncJobId: r.sync_job_id,
  dataSourceId: r.data_source_id,
  siteName: r.site_name,
  status: r.status,
  bytes: Number(r.bytes),
  pages: Number(r.pages),
  createdAt: isoTimestamp(r.created_at),
  deletedAt: isoOrNull(r.deleted_at),
});

const SELECT = sql`SELECT a.sync_job_id, a.data_source_id, sj.site_name, sj.status, a.bytes, a.pages, a.created_at,
  a.deleted_at
  FROM sync_job_archives a JOIN sync_jobs sj ON sj.id = a.sync_job_id`;

/** The rows of the page archives (their files are in ARCHIVE_DIR, named by sync job). */
export class ArchiveRepository {
  constructor(private readonly db: Db) {}

  /** A sync job's archive begins: its row comes before its file, so a sweep never takes a file being written. */
  async register(syncJobId: string, dataSourceId: string): Promise<void> {
    await this.db.execute(
      sql`INSERT INTO sync_job_archives (sync_job_id, data_source_id) VALUES (${syncJobId}, ${dataSourceId})
          ON CONFLICT (sync_job_id) DO NOTHING`,
    );
  }

  async saveTally(syncJobId: string, tally: { bytes: number; pages: number }): Promise<void> {
    await this.db.execute(
      sql`UPDATE sync_job_archives SET bytes = ${tally.bytes}, pages = pages + ${tally.pages}, updated_at = now()
          WHERE sync_job_id = ${syncJobId}`,
    );
  }

  async find(syncJobId: string): Promise<ArchiveRow | null> {
    const rows = await queryRows<RawRow>(this.db, sql`${SELECT} WHERE a.sync_job_id = ${syncJobId}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /**
   * The sync jobs a sync job resumed (`resumed_from`, then that one's, ...), nearest first, at most `depth`: a
   * Resume's restored pages are in their archives.
   */
  async resumedChain(syncJobId: string, depth = 20): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`WITH RECURSIVE chain(id, resumed_from, depth) AS (
            SELECT id, resumed_from, 0 FROM sync_jobs WHERE id = ${syncJobId}
            UNION ALL
            SELECT sj.id, sj.resumed_from, c.depth + 1 FROM sync_jobs sj JOIN chain c ON sj.id = c.resumed_from
            WHERE c.depth < ${depth})
          SELECT id FROM chain WHERE depth > 0 ORDER BY depth`,
    );
    return rows.map((r) => r.id);
  }

  /** Every archive still on disk, newest first. */
  async list(limit = 1000): Promise<ArchiveRow[]> {
    const rows = await queryRows<RawRow>(
      this.db,
      sql`${SELECT} WHERE a.deleted_at IS NULL ORDER BY a.created_at DESC LIMIT ${limit}`,
    );
    return rows.map(toRow);
  }

  /** Which of these sync jobs still have an archive that is kept. */
  async existing(syncJobIds: readonly string[]): Promise<Set<string>> {
    if (syncJobIds.length === 0) return new Set();
    const rows = await queryRows<{ sync_job_id: string }>(
      this.db,
      sql`SELECT sync_job_id FROM sync_job_archives
          WHERE sync_job_id::text = ANY(${textArray(syncJobIds)}) AND deleted_at IS NULL`,
    );
    return new Set(rows.map((r) => r.sync_job_id));
  }

  /**
   * The source's archives past `maxBytes` together, oldest first, keeping the newest that fit (and never one of an
   * active sync job): marked deleted and returned, so their files can go. Their sync jobs' version is bumped (no other
   * column changes) so every copy of their progress — the API's snapshots, the modal — drops the archive.
   */
  async trimToCap(dataSourceId: string, maxBytes: number): Promise<Array<{ syncJobId: string; version: number }>> {
    const rows = await queryRows<{ id: string; version: number }>(
      this.db,
      sql`WITH capped AS (
            UPDATE sync_job_archives SET deleted_at = now(), updated_at = now() WHERE sync_job_id IN (
              SELECT sync_job_id FROM (
                SELECT a.sync_job_id, sj.status,
                  sum(a.bytes) OVER (ORDER BY a.created_at DESC, a.sync_job_id DESC) AS running
                FROM sync_job_archives a JOIN sync_jobs sj ON sj.id = a.sync_job_id
                WHERE a.data_source_id = ${dataSourceId} AND a.deleted_at IS NULL) ranked
              WHERE running > ${maxBytes} AND status NOT IN (${ACTIVE}))
            RETURNING sync_job_id)
          UPDATE sync_jobs SET version = version + 1, updated_at = now()
          WHERE id IN (SELECT sync_job_id FROM capped)
          RETURNING id, version`,
    );
    return rows.map((r) => ({ syncJobId: r.id, version: Number(r.version) }));
  }
}
