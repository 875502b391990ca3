import { z } from "zod";

/** Every status a sync job can have, in lifecycle order. The DB enum, the zod enum and the UI badges derive from it. */
export const SYNC_JOB_STATUSES = ["pending", "running", "cancelling", "completed", "failed", "cancelled"] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];
export const syncJobStatusSchema = z.enum(SYNC_JOB_STATUSES);

export const FINAL_SYNC_JOB_STATUSES = ["completed", "failed", "cancelled"] as const satisfies readonly SyncJobStatus[];
export type FinalSyncJobStatus = (typeof FINAL_SYNC_JOB_STATUSES)[number];

export const ACTIVE_SYNC_JOB_STATUSES = [
  "pending",
  "running",
  "cancelling",
] as const satisfies readonly SyncJobStatus[];
export type ActiveSyncJobStatus = (typeof ACTIVE_SYNC_JOB_STATUSES)[number];

/** A worker holds the sync job: its heartbeat, progress writes and final transition need one of these. */
export const WORKING_SYNC_JOB_STATUSES = ["running", "cancelling"] as const satisfies readonly SyncJobStatus[];

export function isFinalSyncJobStatus(status: SyncJobStatus): status is FinalSyncJobStatus {
  return (FINAL_SYNC_JOB_STATUSES as readonly SyncJobStatus[]).includes(status);
}

export function isActiveSyncJobStatus(status: SyncJobStatus): status is ActiveSyncJobStatus {
  return (ACTIVE_SYNC_JOB_STATUSES as readonly SyncJobStatus[]).includes(status);
}
