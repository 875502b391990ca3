/** The guide's admin types, re-exported from the contracts (the single source of truth). */
export type {
  CrawlJobProgress,
  CrawlStats,
  CrawlStep,
  CrawlStepStatus,
  CreateDataSourceRequest,
  DataSource,
  JobPostingDetail,
  JobPostingSummary,
  JobSearchResult,
  LastSync,
  SourceKind,
  StepKey,
  SyncJobList,
  SyncJobRequest,
  SyncJobResponse,
  SyncJobStatus,
  SyncSummary,
  UpdateDataSourceRequest,
  User,
} from "@jobsync/contracts";

import type { SYNC_JOB_STATUS_FILTERS as SYNC_JOB_STATUS_FILTERS_VALUES } from "@jobsync/contracts";

export {
  CRAWL_STEP_STATUSES,
  isActiveSyncJobStatus,
  isFinalSyncJobStatus,
  SYNC_JOB_STATUS_FILTERS,
  SYNC_JOB_STATUSES,
  SYNC_STEPS,
} from "@jobsync/contracts";

/** A status filter of the sync job list: a status, every active one, or all. */
export type SyncJobStatusFilter = (typeof SYNC_JOB_STATUS_FILTERS_VALUES)[number];
