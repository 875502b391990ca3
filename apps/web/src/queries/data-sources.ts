import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { dataSourcesApi } from "../services/data-sources-api";

export const dataSourceKeys = {
  all: ["data-sources"] as const,
  list: () => [...dataSourceKeys.all, "list"] as const,
  health: (siteName: string) => [...dataSourceKeys.all, "health", siteName.toLowerCase()] as const,
};

/** A source's page: its health, baseline and last sync jobs. */
export function sourceHealthQuery(api: ApiClient, siteName: string) {
  return queryOptions({
    queryKey: dataSourceKeys.health(siteName),
    queryFn: ({ signal }) => dataSourcesApi.health(api, siteName, signal),
  });
}

/** Refresh the list while any data source has an active sync job, so the last-sync column follows it. */
export const DATA_SOURCES_ACTIVE_REFRESH_MS = 5_000;

export function dataSourcesQuery(api: ApiClient) {
  return queryOptions({
    queryKey: dataSourceKeys.list(),
    queryFn: ({ signal }) => dataSourcesApi.list(api, signal),
    select: (data) => data.items,
    refetchInterval: (query) =>
      query.state.data?.items.some((source) => source.active_job_id !== null) ? DATA_SOURCES_ACTIVE_REFRESH_MS : false,
  });
}
