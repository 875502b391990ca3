import {
  API_PATHS,
  apiPath,
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
    return api.request("POST", API_PATHS.batchSync, { body, schema: batchSyncResponseSchema });
  },
  get(api: ApiClient, batchId: string, signal?: AbortSignal): Promise<BatchProgress> {
    return api.request("GET", apiPath(API_PATHS.syncBatch, { batch_id: batchId }), {
      schema: batchProgressSchema,
      signal,
    });
  },
};
