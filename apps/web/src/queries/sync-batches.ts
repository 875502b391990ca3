import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { syncBatchesApi } from "../services/sync-batches-api";
import { SYNC_JOB_POLL_MS } from "./sync-jobs";

export const syncBatchKeys = {
  all: ["sync-batches"] as const,
  detail: (batchId: string) => [...syncBatchKeys.all, batchId] as const,
};

/** A batch's progress, polled until every sync job of it is final. */
export function syncBatchQuery(api: ApiClient, batchId: string) {
  return queryOptions({
    queryKey: syncBatchKeys.detail(batchId),
    queryFn: ({ signal }) => syncBatchesApi.get(api, batchId, signal),
    refetchInterval: (query) => (query.state.data?.summary.finished ? false : SYNC_JOB_POLL_MS),
  });
}
