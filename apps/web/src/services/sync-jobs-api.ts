import {
  type CrawlJobProgress,
  crawlJobProgressSchema,
  type SyncJobList,
  type SyncJobRequest,
  type SyncJobResponse,
  type SyncJobSnapshotList,
  syncJobListSchema,
  syncJobResponseSchema,
  syncJobSnapshotListSchema,
} from "@jobsync/contracts";
import type { SyncJobStatusFilter } from "../types/admin";
import type { ApiClient } from "./api";

export interface SyncJobListParams {
  status?: SyncJobStatusFilter;
  site_name?: string;
  limit?: number;
  cursor?: string;
}

const JOBS = "/admin/data-sources/sync/jobs";
const jobPath = (jobId: string) => `${JOBS}/${encodeURIComponent(jobId)}`;

export const syncJobsApi = {
  /** Start a sync job of one source (202), or 409 with the active one's id. */
  start(api: ApiClient, siteName: string, body: SyncJobRequest = {}): Promise<SyncJobResponse> {
    return api.request("POST", `/admin/data-sources/${encodeURIComponent(siteName)}/sync`, {
      body,
      schema: syncJobResponseSchema,
    });
  },
  list(api: ApiClient, params: SyncJobListParams = {}, signal?: AbortSignal): Promise<SyncJobList> {
    return api.request("GET", JOBS, { query: { ...params }, schema: syncJobListSchema, signal });
  },
  get(api: ApiClient, jobId: string, signal?: AbortSignal): Promise<CrawlJobProgress> {
    return api.request("GET", jobPath(jobId), { schema: crawlJobProgressSchema, signal });
  },
  cancel(api: ApiClient, jobId: string): Promise<CrawlJobProgress> {
    return api.request("POST", `${jobPath(jobId)}/cancel`, { schema: crawlJobProgressSchema });
  },
  /** Continue a failed or cancelled sync job from its checkpoint: a new sync job (202), 409 while the source syncs. */
  resume(api: ApiClient, jobId: string): Promise<SyncJobResponse> {
    return api.request("POST", `${jobPath(jobId)}/resume`, { schema: syncJobResponseSchema });
  },
  /** Open the sync job's SSE stream (Bearer auth), resuming after `lastEventId` when given. */
  openEvents(api: ApiClient, jobId: string, options: { lastEventId?: string | null; signal?: AbortSignal } = {}) {
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
    return api.send("GET", `${jobPath(jobId)}/events`, { headers, signal: options.signal });
  },
  /** The snapshots of a sync job: the first page of each error or alarm kind. */
  snapshots(api: ApiClient, jobId: string, signal?: AbortSignal): Promise<SyncJobSnapshotList> {
    return api.request("GET", `${jobPath(jobId)}/snapshots`, { schema: syncJobSnapshotListSchema, signal });
  },
};
