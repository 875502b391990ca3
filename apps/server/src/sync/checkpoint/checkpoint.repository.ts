import { addQualityTally, type CrawlStats, emptyQualityTally, type QualityTally } from "@jobsync/contracts";
import type { CoveredPage } from "@jobsync/crawler";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { textArray } from "../../db/sql-arrays";
import { sumStats } from "../progress/stats-sum";
import type { ResumePoint } from "../sync-context";

/** One saved batch's checkpoint. */
export interface NewCheckpoint {
  syncJobId: string;
  attempt: number;
  seq: number;
  pages: readonly CoveredPage[];
  itemIds: readonly string[];
  detailUrls: readonly string[];
  tally: CrawlStats;
  quality: QualityTally;
}

/** Resume chains longer than this are not followed (a resume of a resume of … is refused past it). */
export const MAX_RESUME_CHAIN = 20;

/** The checkpoints of sync jobs: written with each saved batch, read back to resume. */
export class CheckpointRepository {
  constructor(private readonly db: Db) {}

  /** In the caller's transaction: the batch's postings and its checkpoint are saved together or not at all. */
  async insert(tx: Db, c: NewCheckpoint): Promise<void> {
    await tx.execute(
      sql`INSERT INTO sync_job_checkpoints (sync_job_id, attempt, seq, pages, item_ids, detail_urls, tally, quality_tally)
          VALUES (${c.syncJobId}, ${c.attempt}, ${c.seq}, ${JSON.stringify(c.pages)}::jsonb, ${textArray(c.itemIds)},
                  ${textArray(c.detailUrls)}, ${JSON.stringify(c.tally)}::jsonb, ${JSON.stringify(c.quality)}::jsonb)`,
    );
  }

  /** Whether a sync job has saved any batch (a resume on demand needs something to continue from). */
  async hasAny(syncJobId: string): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(
      this.db,
      sql`SELECT 1 AS one FROM sync_job_checkpoints WHERE sync_job_id = ${syncJobId} LIMIT 1`,
    );
    return rows.length > 0;
  }

  /**
   * Where a sync job resumes: the checkpoints of the job itself and of every sync job it continues (`resumed_from`,
   * followed back), merged; the statistics of its own batches. Null when there is nothing to resume from.
   */
  async resumePoint(syncJobId: string): Promise<ResumePoint | null> {
    const rows = await queryRows<{
      sync_job_id: string;
      pages: CoveredPage[];
      item_ids: string[];
      detail_urls: string[];
      tally: CrawlStats;
      quality_tally: QualityTally | null;
    }>(
      this.db,
      sql`WITH RECURSIVE chain(id, depth) AS (
            SELECT ${syncJobId}::uuid, 0
            UNION ALL
            SELECT sj.resumed_from, chain.depth + 1 FROM sync_jobs sj JOIN chain ON sj.id = chain.id
            WHERE sj.resumed_from IS NOT NULL AND chain.depth < ${MAX_RESUME_CHAIN}
          )
          SELECT c.sync_job_id, c.pages, c.item_ids, c.detail_urls, c.tally, c.quality_tally
          FROM sync_job_checkpoints c JOIN chain ON c.sync_job_id = chain.id
          ORDER BY c.id`,
    );
    if (rows.length === 0) return null;
    const itemIds = new Set<string>();
    const detailUrls = new Set<string>();
    const pages: CoveredPage[] = [];
    for (const row of rows) {
      pages.push(...row.pages);
      for (const id of row.item_ids) itemIds.add(id);
      for (const url of row.detail_urls) detailUrls.add(url);
    }
    const own = rows.filter((r) => r.sync_job_id === syncJobId);
    return {
      checkpoint: { pages, itemIds, detailUrls },
      ownTally: sumStats(own.map((r) => r.tally)),
      ownQuality: own.reduce((sum, r) => addQualityTally(sum, r.quality_tally), emptyQualityTally()),
      batches: rows.length,
    };
  }
}
