import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ApiClient, JobSearchParams } from "../services/api";

export const postingKeys = {
  all: ["postings"] as const,
  search: (params: JobSearchParams) => [...postingKeys.all, "search", params] as const,
  detail: (id: number) => [...postingKeys.all, "detail", id] as const,
};

export function postingSearchQuery(api: ApiClient, params: JobSearchParams) {
  return queryOptions({
    queryKey: postingKeys.search(params),
    queryFn: ({ signal }) => api.searchJobs(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function postingQuery(api: ApiClient, id: number) {
  return queryOptions({
    queryKey: postingKeys.detail(id),
    queryFn: ({ signal }) => api.getJob(id, signal),
  });
}
