import type { ListPosition } from "./posting-list.repository";
import type { SearchFilter } from "./posting-read.repository";

/** How long a remembered page start is used: the `page=N` of a list is where page N began at most this long ago. */
export const PAGE_START_TTL_MS = 30_000;
/** Remembered page starts per process, least recently used forgotten first. */
export const PAGE_STARTS_MAX = 10_000;

interface Remembered {
  position: ListPosition;
  until: number;
}

/**
 * Where page N of a list began, remembered for `page=` (offset) requests, so that neither a client walking
 * `page=1, 2, 3 …` nor many clients asking for the same deep page make PostgreSQL step over the postings before it
 * again: the end of every answered page is remembered as the start of the next, and a start looked up from the index
 * is remembered as itself. A remembered start is a keyset position, so the page read from it holds today's postings
 * after it; only postings that moved ahead of it in the last `PAGE_START_TTL_MS` (a sync refreshing them) are not
 * counted in N — a walk then neither repeats nor skips a posting, where OFFSET paging shifts under it.
 */
export class PageStarts {
  private readonly starts = new Map<string, Remembered>();

  constructor(
    private readonly ttlMs = PAGE_START_TTL_MS,
    private readonly max = PAGE_STARTS_MAX,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered start of the posting at `offset` (from 0) of the list `filter` selects, if still fresh. */
  get(filter: SearchFilter, offset: number): ListPosition | null {
    const key = keyOf(filter, offset);
    const remembered = this.starts.get(key);
    if (!remembered) return null;
    this.starts.delete(key);
    if (remembered.until <= this.now()) return null;
    this.starts.set(key, remembered); // most recently used last
    return remembered.position;
  }

  /** `position` is the last posting before `offset` (the page starting at `offset` comes after it). */
  remember(filter: SearchFilter, offset: number, position: ListPosition): void {
    const key = keyOf(filter, offset);
    this.starts.delete(key);
    this.starts.set(key, { position, until: this.now() + this.ttlMs });
    if (this.starts.size > this.max) {
      const oldest = this.starts.keys().next().value;
      if (oldest !== undefined) this.starts.delete(oldest);
    }
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
