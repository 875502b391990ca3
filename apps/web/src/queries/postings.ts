import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { type JobSearchParams, postingsApi } from "../services/postings-api";

export const postingKeys = {
  all: ["postings"] as const,
  search: (params: JobSearchParams) => [...postingKeys.all, "search", params] as const,
  detail: (id: number) => [...postingKeys.all, "detail", id] as const,
};

export function postingSearchQuery(api: ApiClient, params: JobSearchParams) {
  return queryOptions({
    queryKey: postingKeys.search(params),
    queryFn: ({ signal }) => postingsApi.search(api, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function postingQuery(api: ApiClient, id: number) {
  return queryOptions({
    queryKey: postingKeys.detail(id),
    queryFn: ({ signal }) => postingsApi.get(api, id, signal),
  });
}
