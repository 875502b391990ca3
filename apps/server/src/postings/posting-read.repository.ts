import type { JobPostingDetail, JobSearchResult } from "@jobsync/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { type PostingRow, toDetail, toSummary } from "./job-posting.mapper";

export interface SearchFilter {
  tsquery: string | null;
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
  page: number;
  pageSize: number;
}

export const SUMMARY_COLUMNS = sql`p.id, ds.site_name, p.external_id, p.url, p.title, p.company, p.company_url, p.logo_url,
  p.salary_raw, p.salary_min, p.salary_max, p.salary_currency, p.salary_period, p.salary_negotiable, p.locations,
  p.provinces, p.experience, p.experience_min_years, p.experience_max_years, p.level, p.tags, p.deadline, p.posted_at, p.status, p.duplicate_of, p.first_seen_at,
  p.last_seen_at`;

/** The WHERE conditions of a search (over `job_postings p JOIN data_sources ds`), shared by search and export. */
export function searchConditions(filter: Omit<SearchFilter, "page" | "pageSize">): SQL[] {
  const where: SQL[] = [sql`true`];
  const query = tsqueryOf(filter);
  if (query) where.push(sql`p.search_vector @@ ${query}`);
  if (filter.status !== "all") where.push(sql`p.status = ${filter.status}`);
  if (filter.provinces) {
    where.push(sql`p.provinces && ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(filter.provinces)}::jsonb))`);
  } else if (filter.locationText) {
    where.push(
      sql`EXISTS (SELECT 1 FROM unnest(p.locations) AS l
                    WHERE jobsync_unaccent(lower(l)) LIKE '%' || jobsync_unaccent(lower(${filter.locationText})) || '%')`,
    );
  }
  if (filter.siteName) where.push(sql`lower(ds.site_name) = lower(${filter.siteName})`);
  if (filter.salaryMinVnd !== null) {
    where.push(sql`coalesce(p.salary_monthly_max_vnd, p.salary_monthly_min_vnd) >= ${filter.salaryMinVnd}`);
  }
  if (filter.experienceMaxYears !== null) where.push(sql`p.experience_min_years <= ${filter.experienceMaxYears}`);
  if (filter.experienceMinYears !== null) where.push(sql`p.experience_min_years >= ${filter.experienceMinYears}`);
  return where;
}

function tsqueryOf(filter: Pick<SearchFilter, "tsquery">): SQL | null {
  return filter.tsquery ? sql`to_tsquery('simple', jobsync_unaccent(${filter.tsquery}))` : null;
}

/** All SQL that reads job postings: ranked full-text search and one posting. */
export class PostingReadRepository {
  constructor(private readonly db: Db) {}

  async search(filter: SearchFilter): Promise<JobSearchResult> {
    const where = searchConditions(filter);
    const query = tsqueryOf(filter);
    const rank = query ? sql`ts_rank_cd(p.search_vector, ${query})` : sql`null::real`;
    const order = query ? sql`rank DESC, p.last_seen_at DESC, p.id DESC` : sql`p.last_seen_at DESC, p.id DESC`;
    const rows = await queryRows<PostingRow & { total: number | string }>(
      this.db,
      sql`SELECT ${SUMMARY_COLUMNS}, ${rank} AS rank, count(*) OVER () AS total
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE ${sql.join(where, sql` AND `)}
          ORDER BY ${order}
          LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    );
    let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
    if (rows.length === 0 && filter.page > 1) {
      const counted = await queryRows<{ n: number | string }>(
        this.db,
        sql`SELECT count(*) AS n FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
            WHERE ${sql.join(where, sql` AND `)}`,
      );
      total = Number(counted[0]?.n ?? 0);
    }
    return { items: rows.map(toSummary), total, page: filter.page, page_size: filter.pageSize };
  }

  async findById(id: number): Promise<JobPostingDetail | null> {
    const rows = await queryRows<PostingRow>(
      this.db,
      sql`SELECT ${SUMMARY_COLUMNS}, null::real AS rank, p.description_html, p.requirements_html, p.benefits_html,
            p.working_time_html, p.company_size, p.company_address, p.first_sync_job_id, p.last_sync_job_id
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id WHERE p.id = ${id}`,
    );
    return rows[0] ? toDetail(rows[0]) : null;
  }
}
