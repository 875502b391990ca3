import type { FinalSyncJobStatus } from "@jobsync/contracts";

/** A sync job that has just reached a final status (written by the compare-and-set `finish`). */
export interface FinishedSyncJob {
  jobId: string;
  dataSourceId: string;
  status: FinalSyncJobStatus;
  error: string | null;
}

/**
 * Told once per sync job, by the runner that finished it, after the final status is stored. Implementations must be
 * idempotent (a crash between the status write and the listener is repaired by nobody: keep them cheap and durable,
 * e.g. writing an outbox row).
 */
export interface SyncFinishListener {
  syncJobFinished(job: FinishedSyncJob): Promise<void>;
}

/** Several listeners in order; one failing does not stop the next. */
export function combineFinishListeners(
  listeners: SyncFinishListener[],
  onError: (error: unknown, job: FinishedSyncJob) => void,
): SyncFinishListener {
  return {
    async syncJobFinished(job) {
      for (const listener of listeners) {
        try {
          await listener.syncJobFinished(job);
        } catch (error) {
          onError(error, job);
        }
      }
    },
  };
}
