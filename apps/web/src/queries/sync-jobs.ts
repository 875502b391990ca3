import { isFinalSyncJobStatus } from "@jobsync/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { type SyncJobListParams, syncJobsApi } from "../services/sync-jobs-api";

export const syncJobKeys = {
  all: ["sync-jobs"] as const,
  lists: () => [...syncJobKeys.all, "list"] as const,
  list: (params: SyncJobListParams) => [...syncJobKeys.lists(), params] as const,
  detail: (jobId: string) => [...syncJobKeys.all, "detail", jobId] as const,
};

/** The guide's polling period, used when the live stream is not available. */
export const SYNC_JOB_POLL_MS = 2_000;

/**
 * One sync job's progress. `poll` says whether to poll at all (false while the SSE stream is live); polling stops by
 * itself once the sync job is final.
 */
export function syncJobQuery(api: ApiClient, jobId: string, poll = true) {
  return queryOptions({
    queryKey: syncJobKeys.detail(jobId),
    queryFn: ({ signal }) => syncJobsApi.get(api, jobId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status && isFinalSyncJobStatus(status)) return false;
      return poll ? SYNC_JOB_POLL_MS : false;
    },
  });
}

export function syncJobListQuery(api: ApiClient, params: SyncJobListParams) {
  return queryOptions({
    queryKey: syncJobKeys.list(params),
    queryFn: ({ signal }) => syncJobsApi.list(api, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => !isFinalSyncJobStatus(job.status)) ? SYNC_JOB_POLL_MS * 2 : false,
  });
}
