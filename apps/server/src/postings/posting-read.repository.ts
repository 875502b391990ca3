import type { JobPostingDetail } from "@jobsync/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { ReadLane } from "../db/read-lane";
import { type PostingRow, toDetail } from "./job-posting.mapper";
import type { SearchTsqueries } from "./search-query";

export interface SearchFilter {
  text: SearchTsqueries | null;
  /** Canonical province names to match (any), or a free text matched inside the raw locations. */
  provinces: string[] | null;
  locationText: string | null;
  siteName: string | null;
  /** A full-time monthly amount in VND, compared with each posting's stored monthly equivalent. */
  salaryMinVnd: number | null;
  /** Bounds on the years of experience a posting asks for (its stated minimum). */
  experienceMinYears: number | null;
  experienceMaxYears: number | null;
  status: "open" | "closed" | "all";
}

export const SUMMARY_COLUMNS = sql`p.id, ds.site_name, p.external_id, p.url, p.title, p.company, p.company_url, p.logo_url,
  p.salary_raw, p.salary_min, p.salary_max, p.salary_currency, p.salary_period, p.salary_negotiable, p.locations,
  p.provinces, p.experience, p.experience_min_years, p.experience_max_years, p.level, p.tags, p.deadline, p.posted_at, p.status, p.duplicate_of, p.first_seen_at,
  p.last_seen_at`;

const phraseOf = (text: SearchTsqueries) => sql`jobsync_unaccent(${text.phrase})::tsquery`;
const wordsOf = (text: SearchTsqueries) => sql`jobsync_unaccent(${text.words})::tsquery`;

/**
 * A posting matches a search text when its title and tags hold every syllable, or anything of it (title, company,
 * tags, locations, description) holds the syllables in order. Both are answered by GIN alone (no positions to
 * recheck, so no description is read).
 */
export function textMatch(text: SearchTsqueries): SQL {
  return sql`(p.title_vector @@ ${wordsOf(text)} OR p.search_vector @@ ${phraseOf(text)})`;
}

/** Relevance tiers of a search text, best first. */
export const RELEVANCE_TIERS = [1, 2, 3] as const;

/**
 * The postings of one relevance tier, disjoint from the others: 1 the phrase in the title or tags, 2 every syllable
 * in the title or tags (not as a phrase), 3 the phrase elsewhere only (company, locations, description). Each is
 * answered by GIN alone or, for common words, by walking the newest-first index with a cheap filter.
 */
export function tierCondition(text: SearchTsqueries, tier: number): SQL | null {
  if (tier === 1) return sql`p.title_vector @@ ${phraseOf(text)}`;
  if (tier === 2) {
    // one syllable: the phrase is the word, so tier 2 is empty
    return text.phrase === text.words
      ? null
      : sql`p.title_vector @@ ${wordsOf(text)} AND NOT (p.title_vector @@ ${phraseOf(text)})`;
  }
  return sql`p.search_vector @@ ${phraseOf(text)} AND NOT (p.title_vector @@ ${wordsOf(text)})`;
}

/**
 * The WHERE conditions of a search over `job_postings p` (no join needed), shared by the list, its count and the
 * export.
 */
export function searchConditions(filter: SearchFilter): SQL[] {
  const where: SQL[] = [sql`true`];
  if (filter.text) where.push(textMatch(filter.text));
  if (filter.status !== "all") where.push(sql`p.status = ${filter.status}`);
  if (filter.provinces) {
    where.push(sql`p.provinces && ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(filter.provinces)}::jsonb))`);
  } else if (filter.locationText) {
    where.push(
      sql`EXISTS (SELECT 1 FROM unnest(p.locations) AS l
                    WHERE jobsync_unaccent(lower(l)) LIKE '%' || jobsync_unaccent(lower(${filter.locationText})) || '%')`,
    );
  }
  if (filter.siteName) {
    where.push(
      sql`p.data_source_id IN (SELECT id FROM data_sources WHERE lower(site_name) = lower(${filter.siteName}))`,
    );
  }
  if (filter.salaryMinVnd !== null) {
    where.push(sql`coalesce(p.salary_monthly_max_vnd, p.salary_monthly_min_vnd) >= ${filter.salaryMinVnd}`);
  }
  if (filter.experienceMaxYears !== null) where.push(sql`p.experience_min_years <= ${filter.experienceMaxYears}`);
  if (filter.experienceMinYears !== null) where.push(sql`p.experience_min_years >= ${filter.experienceMinYears}`);
  return where;
}

/** One posting, on the public read lane. */
export class PostingReadRepository {
  constructor(private readonly lane: ReadLane) {}

  async findById(id: number, signal?: AbortSignal): Promise<JobPostingDetail | null> {
    const rows = await this.lane.rows<PostingRow>(
      sql`SELECT ${SUMMARY_COLUMNS}, null::real AS rank, p.description_html, p.requirements_html, p.benefits_html,
            p.working_time_html, p.company_size, p.company_address, p.first_sync_job_id, p.last_sync_job_id
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id WHERE p.id = ${id}`,
      signal,
    );
    return rows[0] ? toDetail(rows[0]) : null;
  }
}
