import type {
  CrawlJobProgress,
  CrawlStats,
  CrawlStep,
  StepKey,
  SyncJobStatus,
  SyncSummary,
  SyncTrigger,
} from "@jobsync/contracts";
import { emptyCrawlStats } from "@jobsync/contracts";

/** A sync job row as the progress queries select it (snake_case, with the actors' e-mails joined). */
export interface SyncJobViewRow {
  id: string;
  data_source_id: string;
  site_name: string;
  status: SyncJobStatus;
  trigger: SyncTrigger;
  max_jobs: number;
  full_refresh: boolean;
  progress: number;
  current_step: string | null;
  steps: CrawlStep[];
  stats: CrawlStats;
  summary: SyncSummary | null;
  error: string | null;
  requested_by: string | null;
  requested_by_email: string | null;
  cancelled_by: string | null;
  cancelled_by_email: string | null;
  version: number;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  updated_at: Date | string;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function toCrawlJobProgress(row: SyncJobViewRow): CrawlJobProgress {
  return {
    job_id: row.id,
    site_name: row.site_name,
    status: row.status,
    progress: Number(row.progress),
    current_step: (row.current_step as StepKey | null) ?? null,
    steps: row.steps,
    stats: { ...emptyCrawlStats(), ...row.stats },
    summary: row.summary,
    error: row.error,
    max_jobs: row.max_jobs,
    full_refresh: row.full_refresh === true,
    // issue 12 fills this from the observed rate; until then the UI shows no ETA
    eta_seconds: null,
    trigger: row.trigger,
    requested_by:
      row.requested_by && row.requested_by_email ? { id: row.requested_by, email: row.requested_by_email } : null,
    cancelled_by:
      row.cancelled_by && row.cancelled_by_email ? { id: row.cancelled_by, email: row.cancelled_by_email } : null,
    created_at: iso(row.created_at) as string,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    updated_at: iso(row.updated_at) as string,
    version: row.version,
  };
}
