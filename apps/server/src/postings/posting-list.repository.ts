import { type SQL, sql } from "drizzle-orm";
import type { ReadLane } from "../db/read-lane";
import type { PostingRow } from "./job-posting.mapper";
import { relevanceTier, type SearchFilter, SUMMARY_COLUMNS, searchConditions } from "./posting-read.repository";

/** Where a page ends in the list's order: relevance tier (0 without a search text), last seen (µs), id. */
export interface ListPosition {
  tier: number;
  seenMicros: string;
  id: number;
}

export type ListedRow = PostingRow & { tier: number; seen_us: string };

/**
 * Pages of job postings in constant time, on the public read lane: keyset paging (never OFFSET past a cursor, never
 * a window count) over the indexes of migration 0009 — newest first (`last_seen_at DESC, id DESC`), or with a search
 * text by relevance tier, then newest. Totals are counted up to a cap.
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
    const tier = filter.text ? relevanceTier(filter.text) : sql`0`;
    const where = searchConditions(filter);
    if (after) where.push(afterCondition(tier, after));
    return this.lane.rows<ListedRow>(
      sql`SELECT ${SUMMARY_COLUMNS}, ${filter.text ? sql`(4 - ${tier})::real` : sql`null::real`} AS rank,
            ${tier} AS tier, (extract(epoch FROM p.last_seen_at) * 1000000)::bigint::text AS seen_us
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE ${sql.join(where, sql` AND `)}
          ORDER BY ${filter.text ? sql`${tier}, ` : sql``}p.last_seen_at DESC, p.id DESC
          LIMIT ${limit} OFFSET ${offset}`,
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

/** Strictly after a position in the list's order: a row comparison the (last_seen_at DESC, id DESC) indexes answer. */
function afterCondition(tier: SQL, after: ListPosition): SQL {
  const seen = sql`('epoch'::timestamptz + ${after.seenMicros}::bigint * interval '1 microsecond')`;
  const older = sql`(p.last_seen_at, p.id) < (${seen}, ${after.id})`;
  return after.tier === 0 ? older : sql`(${tier} > ${after.tier} OR (${tier} = ${after.tier} AND ${older}))`;
}
