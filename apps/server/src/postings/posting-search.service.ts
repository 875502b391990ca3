import type { JobPostingDetail, JobSearchQuery, JobSearchResult } from "@jobsync/contracts";
import { canonicalProvince } from "@jobsync/crawler";
import { notFound } from "../errors/app-error";
import type { PostingReadRepository, SearchFilter } from "./posting-read.repository";
import { toPrefixTsquery } from "./search-query";

/** The search box and filters → the repository's filter (without paging); also used by the CSV export. */
export function toSearchFilter(
  query: Omit<JobSearchQuery, "page" | "page_size">,
): Omit<SearchFilter, "page" | "pageSize"> {
  const province = query.location ? canonicalProvince(query.location) : null;
  return {
    tsquery: query.q ? toPrefixTsquery(query.q) : null,
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

/** The public read API over job postings. */
export class PostingSearchService {
  constructor(private readonly postings: PostingReadRepository) {}

  search(query: JobSearchQuery): Promise<JobSearchResult> {
    return this.postings.search({ ...toSearchFilter(query), page: query.page, pageSize: query.page_size });
  }

  async get(id: number): Promise<JobPostingDetail> {
    const posting = await this.postings.findById(id);
    if (!posting) throw notFound(`job posting ${id} not found`);
    return posting;
  }
}
