import { ExpiringLru } from "./expiring-lru";
import type { ListPosition } from "./posting-list.repository";
import type { SearchFilter } from "./posting-read.repository";

/** How long a remembered page start is used: the `page=N` of a list is where page N began at most this long ago. */
export const PAGE_START_TTL_MS = 30_000;
/** Remembered page starts per process, least recently used forgotten first. */
export const PAGE_STARTS_MAX = 10_000;

/**
 * Where page N of a list began, remembered for `page=` (offset) requests, so that neither a client walking
 * `page=1, 2, 3 …` nor many clients asking for the same deep page make PostgreSQL step over the postings before it
 * again: the end of every answered page is remembered as the start of the next, and a start looked up from the index
 * is remembered as itself. A remembered start is a keyset position, so the page read from it holds today's postings
 * after it; only postings that moved ahead of it in the last `PAGE_START_TTL_MS` (a sync refreshing them) are not
 * counted in N — a walk then neither repeats nor skips a posting, where OFFSET paging shifts under it.
 */
export class PageStarts {
  private readonly starts: ExpiringLru<ListPosition>;

  constructor(ttlMs = PAGE_START_TTL_MS, max = PAGE_STARTS_MAX, now: () => number = Date.now) {
    this.starts = new ExpiringLru(max, ttlMs, now);
  }

  /** The remembered start of the posting at `offset` (from 0) of the list `filter` selects, if still fresh. */
  get(filter: SearchFilter, offset: number): ListPosition | null {
    return this.starts.get(keyOf(filter, offset));
  }

  /** `position` is the last posting before `offset` (the page starting at `offset` comes after it). */
  remember(filter: SearchFilter, offset: number, position: ListPosition): void {
    this.starts.set(keyOf(filter, offset), position);
  }

  get size(): number {
    return this.starts.size;
  }
}

/** One list's key: the same filter, the same key. */
export function filterKey(filter: SearchFilter): string {
  return JSON.stringify(filter);
}

function keyOf(filter: SearchFilter, offset: number): string {
  return `${offset}:${filterKey(filter)}`;
}
