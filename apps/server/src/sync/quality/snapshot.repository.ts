import type { SyncJobSnapshot } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { isoTimestamp } from "../../db/timestamps";

export interface NewSnapshot {
  syncJobId: string;
  kind: string;
  url: string;
  message: string;
  originalBytes: number;
  truncated: boolean;
  bodyGzip: Buffer;
}

interface SnapshotRow {
  n: number;
  kind: string;
  url: string;
  message: string;
  original_bytes: number;
  truncated: boolean;
  created_at: Date | string;
}

/** The snapshots of sync jobs: the first page of each error or alarm kind, gzip'ed (deleted with the sync job). */
export class SnapshotRepository {
  constructor(private readonly db: Db) {}

  /** Keep the first page of a kind: numbered after the sync job's others; a kind it already has is left alone. */
  async insertFirst(s: NewSnapshot): Promise<boolean> {
    const rows = await queryRows<{ n: number }>(
      this.db,
      sql`INSERT INTO sync_job_snapshots (sync_job_id, n, kind, url, message, original_bytes, truncated, body_gzip)
          SELECT ${s.syncJobId}::uuid, coalesce(max(n), 0) + 1, ${s.kind}, ${s.url}, ${s.message}, ${s.originalBytes},
                 ${s.truncated}, ${s.bodyGzip}
          FROM sync_job_snapshots WHERE sync_job_id = ${s.syncJobId}::uuid
          ON CONFLICT DO NOTHING RETURNING n`,
    );
    return rows.length > 0;
  }

  async list(syncJobId: string): Promise<SyncJobSnapshot[]> {
    const rows = await queryRows<SnapshotRow>(
      this.db,
      sql`SELECT n, kind, url, message, original_bytes, truncated, created_at FROM sync_job_snapshots
          WHERE sync_job_id = ${syncJobId}::uuid ORDER BY n`,
    );
    return rows.map((r) => ({
      n: Number(r.n),
      kind: r.kind,
      url: r.url,
      message: r.message,
      original_bytes: Number(r.original_bytes),
      truncated: r.truncated,
      created_at: isoTimestamp(r.created_at),
    }));
  }

  /** One snapshot's gzip'ed body with its facts; null when the sync job has no snapshot n. */
  async body(syncJobId: string, n: number): Promise<(SyncJobSnapshot & { bodyGzip: Buffer }) | null> {
    const rows = await queryRows<SnapshotRow & { body_gzip: Uint8Array }>(
      this.db,
      sql`SELECT n, kind, url, message, original_bytes, truncated, created_at, body_gzip FROM sync_job_snapshots
          WHERE sync_job_id = ${syncJobId}::uuid AND n = ${n}`,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      n: Number(r.n),
      kind: r.kind,
      url: r.url,
      message: r.message,
      original_bytes: Number(r.original_bytes),
      truncated: r.truncated,
      created_at: isoTimestamp(r.created_at),
      bodyGzip: Buffer.from(r.body_gzip),
    };
  }
}
