import { filterKey } from "./page-starts";
import type { PostingChanges } from "./posting-changes";
import type { SearchFilter } from "./posting-read.repository";

/** Counted totals kept per process, least recently used forgotten first. */
export const POSTING_TOTALS_MAX = 10_000;
/** A total is counted again after this long even when no change was heard (a safety net, not the rule). */
export const POSTING_TOTAL_TTL_MS = 300_000;

interface Counted {
  total: number;
  epoch: number;
  until: number;
}

/**
 * The totals of the lists this process counted (the first page of a province, of a common search), kept until job
 * postings change: a list's first page is the most asked page of a public job board, and its exact count (up to the
 * cap) is most of what it costs — at 100k postings a province's 2,353 matches are 5.5 ms of heap visits, its page
 * 0.7 ms. A total is kept only while every change reaches this process (`PostingChanges.complete`) and is forgotten at
 * the first change heard after its count began, so a kept total is what a count would say now.
 */
export class PostingTotals {
  private readonly totals = new Map<string, Counted>();

  constructor(
    private readonly changes: Pick<PostingChanges, "epoch" | "complete">,
    private readonly max = POSTING_TOTALS_MAX,
    private readonly ttlMs = POSTING_TOTAL_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The moment a count starts from: pass it to `remember` with that count. */
  get epoch(): number {
    return this.changes.epoch;
  }

  /** The kept total of the list `filter` selects, if no posting changed since it was counted. */
  get(filter: SearchFilter): number | null {
    const key = filterKey(filter);
    const counted = this.totals.get(key);
    if (!counted) return null;
    this.totals.delete(key);
    if (!this.changes.complete || counted.epoch !== this.changes.epoch || counted.until <= this.now()) return null;
    this.totals.set(key, counted); // most recently used last
    return counted.total;
  }

  /** `total` was counted by a query that began at `epoch` (see `epoch`); kept unless a change was heard since. */
  remember(filter: SearchFilter, total: number, epoch: number): void {
    if (!this.changes.complete || epoch !== this.changes.epoch) return;
    const key = filterKey(filter);
    this.totals.delete(key);
    this.totals.set(key, { total, epoch, until: this.now() + this.ttlMs });
    if (this.totals.size > this.max) {
      const oldest = this.totals.keys().next().value;
      if (oldest !== undefined) this.totals.delete(oldest);
    }
  }

  get size(): number {
    return this.totals.size;
  }
}
