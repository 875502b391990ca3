import type { Database } from "../db/database";

/** The channel migration 0012's trigger announces every statement that wrote job postings on. */
export const POSTINGS_CHANGED_CHANNEL = "job_postings_changed";

/**
 * Whether job postings changed since a moment, in every process: a counter bumped by every `job_postings_changed`
 * notification (any process's write, told at its commit), every loss of the LISTEN connection and every
 * reconnection. What was read at one `epoch` holds while the epoch is the same and `complete` (listening) is true.
 */
export class PostingChanges {
  private changes = 0;
  private listening = false;
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly database: Pick<Database, "listen">) {}

  get epoch(): number {
    return this.changes;
  }

  /** Every change reaches this process: LISTEN ran, and (PostgreSQL) its connection is up. */
  get complete(): boolean {
    return this.listening;
  }

  async listen(): Promise<void> {
    if (this.stop) return;
    this.stop = await this.database.listen(POSTINGS_CHANGED_CHANNEL, {
      onNotify: () => {
        this.changes += 1;
      },
      lost: () => {
        this.changes += 1;
        this.listening = false;
      },
      ready: () => {
        this.changes += 1;
        this.listening = true;
      },
    });
  }

  async close(): Promise<void> {
    const stop = this.stop;
    this.stop = null;
    this.changes += 1;
    this.listening = false;
    await stop?.();
  }
}
