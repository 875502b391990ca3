import { type SQL, sql } from "drizzle-orm";
import type { ReadLane } from "../db/read-lane";
import type { PostingRow } from "./job-posting.mapper";
import {
  RELEVANCE_TIERS,
  type SearchFilter,
  SUMMARY_COLUMNS,
  searchConditions,
  tierCondition,
} from "./posting-read.repository";

/** Where a page ends in the list's order: relevance tier (0 without a search text), last seen (µs), id. */
export interface ListPosition {
  tier: number;
  seenMicros: string;
  id: number;
}

export type ListedRow = PostingRow & { tier: number; seen_us: string };

/**
 * Pages of job postings in constant time, on the public read lane: keyset paging (never OFFSET past a cursor, never
 * a window count) over the indexes of migration 0009, newest first (`last_seen_at DESC, id DESC`). With a search text
 * the page is filled tier by tier (see `tierCondition`), one newest-first query per tier, so a common word fills the
 * page from its first tier without ranking every match. Totals are counted up to a cap.
 */
export class PostingListRepository {
  constructor(private readonly lane: ReadLane) {}

  async page(
    filter: SearchFilter,
    after: ListPosition | null,
    limit: number,
    offset: number,
    signal?: AbortSignal,
  ): Promise<ListedRow[]> {
    const text = filter.text;
    if (!text) return this.newestFirst(filter, 0, null, after, offset + limit, signal).then((r) => r.slice(offset));
    const wanted = offset + limit;
    const rows: ListedRow[] = [];
    for (const tier of RELEVANCE_TIERS) {
      if (after && tier < after.tier) continue;
      const condition = tierCondition(text, tier);
      if (!condition) continue;
      const position = after && tier === after.tier ? after : null;
      rows.push(...(await this.newestFirst(filter, tier, condition, position, wanted - rows.length, signal)));
      if (rows.length >= wanted) break;
    }
    return rows.slice(offset);
  }

  private newestFirst(
    filter: SearchFilter,
    tier: number,
    tierMatch: SQL | null,
    after: ListPosition | null,
    limit: number,
    signal?: AbortSignal,
  ): Promise<ListedRow[]> {
    // the tier's own condition stands for the text match (the tiers together are the match)
    const where = searchConditions({ ...filter, text: null });
    if (tierMatch) where.push(tierMatch);
    if (after) {
      const seen = sql`('epoch'::timestamptz + ${after.seenMicros}::bigint * interval '1 microsecond')`;
      where.push(sql`(p.last_seen_at, p.id) < (${seen}, ${after.id})`);
    }
    return this.lane.rows<ListedRow>(
      sql`SELECT ${SUMMARY_COLUMNS}, ${tier === 0 ? sql`null::real` : sql`${4 - tier}::real`} AS rank, ${tier}::int AS tier,
            (extract(epoch FROM p.last_seen_at) * 1000000)::bigint::text AS seen_us
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE ${sql.join(where, sql` AND `)}
          ORDER BY p.last_seen_at DESC, p.id DESC
          LIMIT ${limit}`,
      signal,
    );
  }

  /** The number of matches, counted up to `cap` + 1 (so "more than cap" is known without counting them all). */
  async countUpTo(filter: SearchFilter, cap: number, signal?: AbortSignal): Promise<number> {
    const rows = await this.lane.rows<{ n: number | string }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM job_postings p WHERE ${sql.join(searchConditions(filter), sql` AND `)}
          LIMIT ${cap + 1}) AS matches`,
      signal,
    );
    return Number(rows[0]?.n ?? 0);
  }
}
