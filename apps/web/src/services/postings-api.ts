import {
  API_PATHS,
  apiPath,
  type ExpiryResult,
  expiryResultSchema,
  type JobPostingDetail,
  type JobSearchResult,
  jobPostingDetailSchema,
  jobSearchResultSchema,
} from "@jobsync/contracts";
import type { ApiClient } from "./api";

export interface JobSearchParams {
  q?: string;
  location?: string;
  source?: string;
  salary_min?: number;
  experience_max?: number;
  status?: "open" | "closed" | "all";
  page?: number;
  page_size?: number;
  /** `next_cursor` of the page before (keyset paging). */
  cursor?: string;
}

export const postingsApi = {
  /** The public search (no token). */
  search(api: ApiClient, params: JobSearchParams = {}, signal?: AbortSignal): Promise<JobSearchResult> {
    return api.request("GET", API_PATHS.jobPostings, {
      query: { ...params },
      schema: jobSearchResultSchema,
      auth: false,
      signal,
    });
  },
  get(api: ApiClient, id: number, signal?: AbortSignal): Promise<JobPostingDetail> {
    return api.request("GET", apiPath(API_PATHS.jobPosting, { id }), {
      schema: jobPostingDetailSchema,
      auth: false,
      signal,
    });
  },
  /** Close postings past their deadline and re-check stale ones now (the worker does it hourly). */
  expire(api: ApiClient, body: { recheck_limit: number; stale_hours: number }): Promise<ExpiryResult> {
    return api.request("POST", API_PATHS.expirePostings, { body, schema: expiryResultSchema });
  },
};
