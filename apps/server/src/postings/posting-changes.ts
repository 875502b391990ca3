import type { Database } from "../db/database";
import { NotifyEpoch } from "../db/notify-epoch";

/** The channel migration 0012's trigger announces every statement that wrote job postings on. */
export const POSTINGS_CHANGED_CHANNEL = "job_postings_changed";

/** Whether job postings changed since a moment, in any process (see `NotifyEpoch`). */
export class PostingChanges extends NotifyEpoch {
  constructor(database: Pick<Database, "listen">) {
    super(database, POSTINGS_CHANGED_CHANNEL);
  }
}
