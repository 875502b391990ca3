import type { JobPostingSummary, PostingChange } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import type { ReadLane } from "../db/read-lane";
import { isoTimestamp } from "../db/timestamps";
import { type PostingRow, toSummary } from "../postings/job-posting.mapper";
import { type SearchFilter, SUMMARY_COLUMNS, searchConditions } from "../postings/posting-read.repository";

/** Rows per keyset query of an export: an export holds one batch in memory at a time, never the whole result. */
export const EXPORT_BATCH_SIZE = 1000;

export interface ChangedPosting {
  change: PostingChange;
  posting: JobPostingSummary;
}

export interface ErrorEvent {
  at: string;
  level: string;
  step: string | null;
  message: string;
}

/**
 * Keyset-paged reads for the exports: `WHERE p.id > $last ORDER BY p.id LIMIT n`, one batch at a time. The public
 * export of search results reads on the public read lane (its pool, statement timeout and bound).
 */
export class ExportRepository {
  constructor(
    private readonly db: Db,
    private readonly publicReads: ReadLane,
  ) {}

  async changedPostings(syncJobId: string, afterId: number, limit = EXPORT_BATCH_SIZE): Promise<ChangedPosting[]> {
    const rows = await queryRows<PostingRow & { change: PostingChange }>(
      this.db,
      sql`SELECT ${SUMMARY_COLUMNS}, null::real AS rank, c.change
          FROM sync_job_postings c
          JOIN job_postings p ON p.id = c.job_posting_id
          JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE c.sync_job_id = ${syncJobId}::uuid AND p.id > ${afterId}
          ORDER BY p.id LIMIT ${limit}`,
    );
    return rows.map((row) => ({ change: row.change, posting: toSummary(row) }));
  }

  async searchPostings(filter: SearchFilter, afterId: number, limit = EXPORT_BATCH_SIZE): Promise<JobPostingSummary[]> {
    const rows = await this.publicReads.rows<PostingRow>(
      sql`SELECT ${SUMMARY_COLUMNS}, null::real AS rank
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE ${sql.join([...searchConditions(filter), sql`p.id > ${afterId}`], sql` AND `)}
          ORDER BY p.id LIMIT ${limit}`,
    );
    return rows.map(toSummary);
  }

  /** The sync job's timeline entries at level error or warn. */
  async errorEvents(syncJobId: string): Promise<ErrorEvent[]> {
    const rows = await queryRows<{ at: Date | string; level: string; step_key: string | null; message: string }>(
      this.db,
      sql`SELECT at, level, step_key, message FROM sync_job_events
          WHERE sync_job_id = ${syncJobId}::uuid AND level IN ('error', 'warn') ORDER BY id LIMIT 10000`,
    );
    return rows.map((r) => ({
      at: isoTimestamp(r.at),
      level: r.level,
      step: r.step_key,
      message: r.message,
    }));
  }
}

/** Every row of a keyset-paged read, one batch in memory at a time. */
export async function* keysetBatches<T>(
  read: (afterId: number) => Promise<T[]>,
  idOf: (row: T) => number,
): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const batch = await read(after);
    if (batch.length === 0) return;
    yield batch;
    after = idOf(batch[batch.length - 1]!);
  }
}
