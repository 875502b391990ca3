import type { FinalSyncJobStatus, SyncTrigger } from "@jobsync/contracts";
import type { Db } from "../db/database";

/** What the transitions of a sync job (sync-job-transitions.ts) take and give back. */

export interface NewSyncJob {
  dataSourceId: string;
  siteName: string;
  maxJobs: number;
  trigger: SyncTrigger;
  requestedBy: string | null;
  batchId?: string | null;
  /** Incremental sync off for this one: every planned page is read. */
  fullRefresh?: boolean;
  /** Attempts a worker gets before a sync job whose workers keep dying fails (SYNC_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** "Resume": the failed or cancelled sync job whose checkpoint this one continues. */
  resumedFrom?: string | null;
  /** "Re-process": the finished sync job whose archived pages this one parses again. */
  reprocessedFrom?: string | null;
}

/** Writes the audit row of a transition in its transaction (so it commits only with the change), given the sync job's id. */
export type AuditWrite = (tx: Db, syncJobId: string) => Promise<void>;

export type CreateOutcome = { created: string } | { activeId: string };

/** What a worker gets when it claims a sync job. */
export interface Claim {
  dataSourceId: string;
  maxJobs: number;
  fullRefresh: boolean;
  attempt: number;
  maxAttempts: number;
  resumedFrom: string | null;
  reprocessedFrom: string | null;
  /** Overall percent an earlier attempt reached (the bar never goes back). */
  progress: number;
}

/** What the reaper did with a sync job whose worker stopped heartbeating. */
export interface Reaped {
  id: string;
  /** `pending`: queued again for its next attempt; otherwise the final status it got. */
  to: "pending" | FinalSyncJobStatus;
  attempt: number;
  maxAttempts: number;
}

export interface FinalOutcome {
  status: FinalSyncJobStatus;
  error: string | null;
}
