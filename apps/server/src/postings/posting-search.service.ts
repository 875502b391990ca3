import {
  type JobPostingDetail,
  type JobSearchFilters,
  type JobSearchQuery,
  type JobSearchResult,
  SEARCH_EXACT_TOTAL_LIMIT,
} from "@jobsync/contracts";
import { canonicalProvince } from "@jobsync/crawler";
import { notFound } from "../errors/app-error";
import { toSummary } from "./job-posting.mapper";
import { filterKey, type PageStarts } from "./page-starts";
import type { ListedRow, ListPosition, PostingListRepository } from "./posting-list.repository";
import type { PostingReadRepository, SearchFilter } from "./posting-read.repository";
import type { PostingTotals } from "./posting-totals";
import { decodeCursor, encodeCursor } from "./search-cursor";
import { toSearchTsqueries } from "./search-query";

/** The search box and filters → the repositories' filter; also used by the CSV export. */
export function toSearchFilter(query: JobSearchFilters): SearchFilter {
  const province = query.location ? canonicalProvince(query.location) : null;
  return {
    text: query.q ? toSearchTsqueries(query.q) : null,
    provinces: province ? [province] : null,
    locationText: query.location && !province ? query.location : null,
    siteName: query.source ?? null,
    // salaries are whole đồng (bigint): "at least 0.5" is "at least 1", and 5e-324 is no longer a database error
    salaryMinVnd: query.salary_min === undefined ? null : Math.ceil(query.salary_min),
    experienceMinYears: query.experience_min ?? null,
    experienceMaxYears: query.experience_max ?? null,
    status: query.status,
  };
}

/** The public read API over job postings: keyset pages with a capped total, and one posting. */
export class PostingSearchService {
  constructor(
    private readonly lists: PostingListRepository,
    private readonly postings: PostingReadRepository,
    private readonly starts: PageStarts,
    private readonly totals: PostingTotals,
  ) {}

  async search(query: JobSearchQuery, signal?: AbortSignal): Promise<JobSearchResult> {
    const filter = toSearchFilter(query);
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, filter);
    const offset = cursor ? 0 : (query.page - 1) * query.page_size;
    // one row more than the page tells whether a next page exists
    const rows = cursor
      ? await this.lists.page(filter, cursor.position, query.page_size + 1, 0, signal)
      : await this.pageAt(filter, offset, query.page_size + 1, signal);
    let total: number;
    let totalIsEstimate: boolean;
    if (cursor) {
      ({ total, totalIsEstimate } = cursor);
    } else if (rows.length <= query.page_size && offset === 0) {
      total = rows.length;
      totalIsEstimate = false;
    } else {
      const counted = await this.countUpTo(filter, signal);
      totalIsEstimate = counted > SEARCH_EXACT_TOTAL_LIMIT;
      total = Math.min(counted, SEARCH_EXACT_TOTAL_LIMIT);
    }
    const items = rows.slice(0, query.page_size);
    const last = items[items.length - 1];
    if (!cursor && last && rows.length > query.page_size) {
      this.starts.remember(filter, offset + query.page_size, positionOf(last));
    }
    const next_cursor =
      rows.length > query.page_size && last
        ? encodeCursor(
            {
              position: positionOf(last),
              total,
              totalIsEstimate,
            },
            filter,
          )
        : null;
    return {
      items: items.map(toSummary),
      total,
      total_is_estimate: totalIsEstimate,
      next_cursor,
      page: query.page,
      page_size: query.page_size,
    };
  }

  /** The list's total up to the cap + 1: kept from an earlier count while no posting changed (see `PostingTotals`). */
  private async countUpTo(filter: SearchFilter, signal?: AbortSignal): Promise<number> {
    const key = `list:${filterKey(filter)}`;
    const kept = this.totals.get(key);
    if (kept !== null) return kept;
    const epoch = this.totals.epoch;
    const counted = await this.lists.countUpTo(filter, SEARCH_EXACT_TOTAL_LIMIT, signal);
    this.totals.remember(key, counted, epoch);
    return counted;
  }

  /**
   * The page of `page=` starting at `offset`: from a remembered start (see `PageStarts`), else from the start looked
   * up on the index (a list without search text), else read tier by tier past `offset` (a search).
   */
  private async pageAt(filter: SearchFilter, offset: number, limit: number, signal?: AbortSignal) {
    if (offset === 0) return this.lists.page(filter, null, limit, 0, signal);
    let start = this.starts.get(filter, offset);
    if (!start && !filter.text) {
      start = await this.lists.positionAt(filter, offset - 1, signal);
      if (!start) return []; // the list ends before the page
      this.starts.remember(filter, offset, start);
    }
    return start
      ? this.lists.page(filter, start, limit, 0, signal)
      : this.lists.page(filter, null, limit, offset, signal);
  }

  async get(id: number, signal?: AbortSignal): Promise<JobPostingDetail> {
    const posting = await this.postings.findById(id, signal);
    if (!posting) throw notFound(`job posting ${id} not found`);
    return posting;
  }
}

function positionOf(row: ListedRow): ListPosition {
  return { tier: Number(row.tier), seenMicros: String(row.seen_us), id: Number(row.id) };
}
