import { ExpiringLru } from "./expiring-lru";
import type { PostingChanges } from "./posting-changes";

/** Counts kept per process, least recently used forgotten first. */
export const POSTING_TOTALS_MAX = 10_000;
/** A total is counted again after this long even when no change was heard (a safety net, not the rule). */
export const POSTING_TOTAL_TTL_MS = 300_000;

interface Counted<V> {
  total: V;
  epoch: number;
}

/**
 * Counts of job postings this process made (the total of a province's list, of a common search; a data source's
 * postings on the admin's Data Sources page), by key, kept until job postings change: a list's first page is the most
 * asked page of a public job board, and its exact count (up to the cap) is most of what it costs — at 100k postings a
 * province's 2,353 matches are 5.5 ms of heap visits, its page 0.7 ms. A count is kept only while every change
 * reaches this process (`PostingChanges.complete`) and is forgotten at the first change heard after it began, so a
 * kept count is what counting would say now.
 */
export class PostingTotals<V = number> {
  private readonly totals: ExpiringLru<Counted<V>>;

  constructor(
    private readonly changes: Pick<PostingChanges, "epoch" | "complete">,
    max = POSTING_TOTALS_MAX,
    ttlMs = POSTING_TOTAL_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.totals = new ExpiringLru(max, ttlMs, now);
  }

  /** The moment a count starts from: pass it to `remember` with that count. */
  get epoch(): number {
    return this.changes.epoch;
  }

  /** The kept count of `key`, if no posting changed since it was counted. */
  get(key: string): V | null {
    const counted = this.totals.get(key);
    if (!counted) return null;
    if (this.changes.complete && counted.epoch === this.changes.epoch) return counted.total;
    this.totals.delete(key);
    return null;
  }

  /** `total` was counted by a query that began at `epoch` (see `epoch`); kept unless a change was heard since. */
  remember(key: string, total: V, epoch: number): void {
    if (!this.changes.complete || epoch !== this.changes.epoch) return;
    this.totals.set(key, { total, epoch });
  }

  get size(): number {
    return this.totals.size;
  }
}
