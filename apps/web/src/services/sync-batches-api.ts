import {
  type BatchProgress,
  type BatchSyncRequest,
  type BatchSyncResponse,
  batchProgressSchema,
  batchSyncResponseSchema,
} from "@jobsync/contracts";
import type { ApiClient } from "./api";

/** Multi-site sync: start one batch of sync jobs, and follow it. */
export const syncBatchesApi = {
  start(api: ApiClient, body: BatchSyncRequest): Promise<BatchSyncResponse> {
    return api.request("POST", "/admin/data-sources/sync", { body, schema: batchSyncResponseSchema });
  },
  get(api: ApiClient, batchId: string, signal?: AbortSignal): Promise<BatchProgress> {
    return api.request("GET", `/admin/data-sources/sync/batches/${encodeURIComponent(batchId)}`, {
      schema: batchProgressSchema,
      signal,
    });
  },
};
