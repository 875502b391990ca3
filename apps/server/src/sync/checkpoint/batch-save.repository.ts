import { WORKING_SYNC_JOB_STATUSES } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { sqlList } from "../../db/sql-arrays";
import type { PagesFrom, PostingWriteRepository, SaveCounts } from "../../postings/posting-write.repository";
import type { CheckpointRepository, NewCheckpoint } from "./checkpoint.repository";

export interface BatchToSave {
  dataSourceId: string;
  syncJobId: string;
  /** Only the worker that holds the sync job may save into it (a stalled worker whose job was taken over may not). */
  workerId: string;
  /** New and changed postings, in listing order. */
  rows: readonly PostingDraft[];
  /** Stored postings seen again unchanged. */
  unchangedIds: readonly number[];
  /** External ids whose detail page says the posting is gone. */
  goneExternalIds: readonly string[];
  /** The site (postings seen now, gone ones closed) or a re-processed archive (content corrected only). */
  from: PagesFrom;
  checkpoint: Omit<NewCheckpoint, "tally">;
  /** The counters the batch adds, once its save counts are known (stored with the checkpoint). */
  tallyFor(counts: SaveCounts): NewCheckpoint["tally"];
}

export interface BatchSaved extends SaveCounts {
  /** Stored postings closed because their page says they are gone. */
  closed: number;
}

const WORKING = sqlList(WORKING_SYNC_JOB_STATUSES);

/**
 * Save Jobs' unit of work: a batch's postings (upserts, "seen again", closes) and its checkpoint in ONE transaction,
 * so what the checkpoint says was saved is exactly what is in the database, whatever stops the sync afterwards.
 */
export class BatchSaveRepository {
  constructor(
    private readonly db: Db,
    private readonly postings: PostingWriteRepository,
    private readonly checkpoints: CheckpointRepository,
  ) {}

  async save(batch: BatchToSave): Promise<BatchSaved> {
    return this.db.transaction(async (txDb) => {
      const tx = txDb as unknown as Db;
      const held = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM sync_jobs WHERE id = ${batch.syncJobId} AND worker_id = ${batch.workerId}
              AND status IN (${WORKING}) FOR SHARE`,
      );
      if (held.length === 0) throw new Error("the sync job is no longer this worker's; the batch was not saved");
      const counts = await this.postings.upsertBatch(batch.dataSourceId, batch.syncJobId, batch.rows, tx, batch.from);
      // an archive says what the site listed then, not now: nothing is seen again or closed by it
      let closed = 0;
      if (batch.from === "site") {
        await this.postings.touch(batch.unchangedIds, batch.syncJobId, tx);
        closed = await this.postings.closeGone(batch.dataSourceId, batch.goneExternalIds, tx);
      }
      await this.checkpoints.insert(tx, { ...batch.checkpoint, tally: batch.tallyFor(counts) });
      return { ...counts, closed };
    });
  }
}
