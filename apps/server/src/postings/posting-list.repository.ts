import { POSTING_STATUSES } from "@jobsync/contracts";
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

/**
 * The planner's row estimate must exceed the cap this many times to skip the exact count. The filters' (province,
 * source, salary, experience) come from column statistics and hold within a few percent (one province of a million
 * postings: 23,901 expected, 23,529 there), so twice the cap is enough for them: counting 10,001 of them reads 12,500
 * heap pages. A search text matches the title vector OR the search vector, which the planner adds up as if they were
 * disjoint (they overlap: a title's words are in both), so its estimate can be up to twice the matches where each
 * vector's estimate holds (frequent lexemes are in the statistics' most common elements: "nhan vien" in 100,000
 * postings, 39,762 expected of 24,000 open matches); pairs of syllables multiplied as if independent only lower it.
 */
const ESTIMATE_MARGIN = { text: 2.5, filters: 2 } as const;

/** Postings of the list a search tier is first looked for in, newest first (see `newestFirst`). */
const TIER_WALK = 1_000;

/** "Plan Rows" of `EXPLAIN (FORMAT JSON)` (parsed or as text, as the driver returns json); 0 when unreadable. */
function plannedRows(plan: unknown): number {
  const parsed = typeof plan === "string" ? (JSON.parse(plan) as unknown) : plan;
  const rows = (parsed as Array<{ Plan?: { "Plan Rows"?: number } }> | undefined)?.[0]?.Plan?.["Plan Rows"];
  return typeof rows === "number" ? rows : 0;
}

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
    if (!text) {
      // page=N of a list without search text starts at a position (see `positionAt`): an OFFSET over the full rows
      // makes PostgreSQL read and sort the whole list
      if (offset !== 0) throw new Error("a list without search text pages from a position, not an offset");
      return this.newestFirst(filter, 0, null, after, limit, signal);
    }
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

  /** The position of the `index`-th posting (from 0) of a list without search text, read from the index. */
  async positionAt(filter: SearchFilter, index: number, signal?: AbortSignal): Promise<ListPosition | null> {
    const rows = await this.lane.rows<{ id: number; seen_us: string }>(
      sql`SELECT p.id, (extract(epoch FROM p.last_seen_at) * 1000000)::bigint::text AS seen_us
          FROM job_postings p WHERE ${sql.join(searchConditions(filter), sql` AND `)}
          ORDER BY p.last_seen_at DESC, p.id DESC OFFSET ${index} LIMIT 1`,
      signal,
    );
    const row = rows[0];
    return row ? { tier: 0, seenMicros: String(row.seen_us), id: Number(row.id) } : null;
  }

  /**
   * The newest `limit` postings of the list after `after` (of one relevance tier when `tierMatch` is given). A tier is
   * first looked for among the next `TIER_WALK` postings of the list, walked on the newest-first index: a common tier
   * (a phrase in 3 % of titles) fills its page there in a few milliseconds, where the planner, which multiplies the
   * frequencies of the phrase's syllable pairs as if they were independent, expects a rare match and visits every
   * match from GIN (33,000 heap pages, 220 ms at a million postings). What the walk did not fill is read after the
   * walked stretch, as the planner chooses (GIN for a rare tier).
   */
  private async newestFirst(
    filter: SearchFilter,
    tier: number,
    tierMatch: SQL | null,
    after: ListPosition | null,
    limit: number,
    signal?: AbortSignal,
  ): Promise<ListedRow[]> {
    if (!tierMatch) return this.read(filter, tier, null, after, limit, false, signal);
    const walked = await this.read(filter, tier, tierMatch, after, limit, true, signal);
    if (walked.length >= limit) return walked;
    const end = await this.walkEnd(filter, after, signal);
    if (!end) return walked; // the list ends within the walk: nothing after it
    return [...walked, ...(await this.read(filter, tier, tierMatch, end, limit - walked.length, false, signal))];
  }

  /** Where the list's next `TIER_WALK` postings after `after` end (null when fewer are left). */
  private async walkEnd(
    filter: SearchFilter,
    after: ListPosition | null,
    signal?: AbortSignal,
  ): Promise<ListPosition | null> {
    const rows = await this.lane.rows<{ id: number; seen_us: string }>(
      sql`SELECT p.id, (extract(epoch FROM p.last_seen_at) * 1000000)::bigint::text AS seen_us
          FROM job_postings p WHERE ${sql.join(this.listConditions(filter, after), sql` AND `)}
          ORDER BY p.last_seen_at DESC, p.id DESC OFFSET ${TIER_WALK - 1} LIMIT 1`,
      signal,
    );
    const row = rows[0];
    return row ? { tier: 0, seenMicros: String(row.seen_us), id: Number(row.id) } : null;
  }

  /** The list's conditions without the text (the tier's condition stands for it) and after `after`. */
  private listConditions(filter: SearchFilter, after: ListPosition | null): SQL[] {
    const where = searchConditions({ ...filter, text: null });
    if (after) {
      const seen = sql`('epoch'::timestamptz + ${after.seenMicros}::bigint * interval '1 microsecond')`;
      where.push(sql`(p.last_seen_at, p.id) < (${seen}, ${after.id})`);
    }
    return where;
  }

  /** One newest-first read; `walk`: of the tier's matches among the next `TIER_WALK` postings of the list only. */
  private read(
    filter: SearchFilter,
    tier: number,
    tierMatch: SQL | null,
    after: ListPosition | null,
    limit: number,
    walk: boolean,
    signal?: AbortSignal,
  ): Promise<ListedRow[]> {
    const list = this.listConditions(filter, after);
    // the walk: a LIMIT in a subquery, which no condition is pushed through, so the planner walks the index
    const from = walk
      ? sql`(SELECT * FROM job_postings p WHERE ${sql.join(list, sql` AND `)}
             ORDER BY p.last_seen_at DESC, p.id DESC LIMIT ${TIER_WALK}) p`
      : sql`job_postings p`;
    const where = walk ? [sql`true`] : list;
    if (tierMatch) where.push(tierMatch);
    return this.lane.rows<ListedRow>(
      sql`SELECT ${SUMMARY_COLUMNS}, ${tier === 0 ? sql`null::real` : sql`${4 - tier}::real`} AS rank, ${tier}::int AS tier,
            (extract(epoch FROM p.last_seen_at) * 1000000)::bigint::text AS seen_us
          FROM ${from} JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE ${sql.join(where, sql` AND `)}
          ORDER BY p.last_seen_at DESC, p.id DESC
          LIMIT ${limit}`,
      signal,
    );
  }

  /**
   * The number of matches, counted up to `cap` + 1 (so "more than cap" is known without counting them all); when the
   * planner expects far more than the cap (`ESTIMATE_MARGIN` times), not counted at all: cap + 1 at once.
   */
  async countUpTo(filter: SearchFilter, cap: number, signal?: AbortSignal): Promise<number> {
    const where = sql.join(searchConditions(filter), sql` AND `);
    const plan = await this.lane.rows<{ "QUERY PLAN": unknown }>(
      sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM job_postings p WHERE ${where}`,
      signal,
    );
    const margin = filter.text ? ESTIMATE_MARGIN.text : ESTIMATE_MARGIN.filters;
    if (plannedRows(plan[0]?.["QUERY PLAN"]) > cap * margin) return cap + 1;
    // a text search is counted from GIN's bitmaps, never by reading search vectors row by row: its status is asked as
    // "none of the other statuses", which the open-postings index (partial on `status = 'open'`) cannot answer, or the
    // planner walks that index and tests every search vector (kế toán in 10,000 postings: 163 ms, from GIN 13 ms)
    const counted = filter.text
      ? sql.join([...searchConditions({ ...filter, status: "all" }), statusFromBitmaps(filter.status)], sql` AND `)
      : where;
    const rows = await this.lane.rows<{ n: number | string }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM job_postings p WHERE ${counted} LIMIT ${cap + 1}) AS matches`,
      signal,
      { bitmapScans: filter.text !== null },
    );
    return Number(rows[0]?.n ?? 0);
  }
}

/** `status` as "not any other status": the same rows, but no partial index on a status can be chosen for it. */
function statusFromBitmaps(status: SearchFilter["status"]): SQL {
  const others = POSTING_STATUSES.filter((s) => s !== status);
  if (status === "all" || others.length === 0) return sql`true`;
  return sql`p.status NOT IN (${sql.join(
    others.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}
