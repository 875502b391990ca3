import {
  API_PATHS,
  apiPath,
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

export const syncJobsApi = {
  /** Start a sync job of one source (202), or 409 with the active one's id. */
  start(api: ApiClient, siteName: string, body: SyncJobRequest = {}): Promise<SyncJobResponse> {
    return api.request("POST", apiPath(API_PATHS.startSync, { site_name: siteName }), {
      body,
      schema: syncJobResponseSchema,
    });
  },
  list(api: ApiClient, params: SyncJobListParams = {}, signal?: AbortSignal): Promise<SyncJobList> {
    return api.request("GET", API_PATHS.syncJobs, { query: { ...params }, schema: syncJobListSchema, signal });
  },
  /** One sync job's progress; polled with If-None-Match, so an unchanged sync job answers 304 and no body. */
  get(api: ApiClient, jobId: string, signal?: AbortSignal): Promise<CrawlJobProgress> {
    return api.getFresh(apiPath(API_PATHS.syncJob, { job_id: jobId }), { schema: crawlJobProgressSchema, signal });
  },
  cancel(api: ApiClient, jobId: string): Promise<CrawlJobProgress> {
    return api.request("POST", apiPath(API_PATHS.cancelSyncJob, { job_id: jobId }), { schema: crawlJobProgressSchema });
  },
  /** Continue a failed or cancelled sync job from its checkpoint: a new sync job (202), 409 while the source syncs. */
  resume(api: ApiClient, jobId: string): Promise<SyncJobResponse> {
    return api.request("POST", apiPath(API_PATHS.resumeSyncJob, { job_id: jobId }), { schema: syncJobResponseSchema });
  },
  /** Parse a finished sync job's archived pages again: a new sync job (202); 409 while the source syncs. */
  reprocess(api: ApiClient, jobId: string): Promise<SyncJobResponse> {
    return api.request("POST", apiPath(API_PATHS.reprocessSyncJob, { job_id: jobId }), {
      schema: syncJobResponseSchema,
    });
  },
  /** Open the sync job's SSE stream (Bearer auth), resuming after `lastEventId` when given. */
  openEvents(api: ApiClient, jobId: string, options: { lastEventId?: string | null; signal?: AbortSignal } = {}) {
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
    return api.send("GET", apiPath(API_PATHS.syncJobEvents, { job_id: jobId }), { headers, signal: options.signal });
  },
  /** The snapshots of a sync job: the first page of each error or alarm kind. */
  snapshots(api: ApiClient, jobId: string, signal?: AbortSignal): Promise<SyncJobSnapshotList> {
    return api.request("GET", apiPath(API_PATHS.syncJobSnapshots, { job_id: jobId }), {
      schema: syncJobSnapshotListSchema,
      signal,
    });
  },
};
