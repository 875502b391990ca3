import type {
  AbsenceExpiryReport,
  CrawlJobProgress,
  CrawlStats,
  CrawlStep,
  QualityTally,
  StepKey,
  SyncJobAlarm,
  SyncJobStatus,
  SyncSummary,
  SyncTrigger,
} from "@jobsync/contracts";
import { addQualityTally, emptyCrawlStats, emptyQualityTally, qualityOf } from "@jobsync/contracts";
import { isoOrNull, isoTimestamp } from "../db/timestamps";

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
  attempt: number;
  max_attempts: number;
  resumed_from: string | null;
  has_checkpoint: boolean;
  quality_tally: QualityTally | null;
  alarms: SyncJobAlarm[] | null;
  expiry: AbsenceExpiryReport | null;
  reprocessed_from: string | null;
  archive_bytes: number | string | null;
  archive_pages: number | null;
}

/** An estimate is shown once the running work has gone on this long and is this far along. */
const ETA_MIN_ELAPSED_MS = 5_000;
const ETA_MIN_PERCENT = 2;

/**
 * Seconds left, from the rate so far: the heaviest running step (crawling, nearly always) has taken `elapsed` to get
 * `p` percent done, so the rest takes `elapsed × (100 − p) / p`. Measured against the last progress write, so a
 * stalled worker does not make the estimate run down. Null while it would mean nothing.
 */
export function estimateSecondsLeft(
  steps: readonly CrawlStep[],
  status: SyncJobStatus,
  updatedAt: string,
): number | null {
  if (status !== "running") return null;
  const running = steps.filter((s) => s.status === "running" && s.started_at);
  const heaviest = running.find((s) => s.key === "crawl_jobs") ?? running.at(-1);
  if (!heaviest?.started_at) return null;
  const elapsed = Date.parse(updatedAt) - Date.parse(heaviest.started_at);
  const percent = heaviest.progress;
  if (elapsed < ETA_MIN_ELAPSED_MS || percent < ETA_MIN_PERCENT || percent >= 100) return null;
  return Math.max(0, Math.round((elapsed * (100 - percent)) / percent / 1000));
}

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
    trigger: row.trigger,
    requested_by:
      row.requested_by && row.requested_by_email ? { id: row.requested_by, email: row.requested_by_email } : null,
    cancelled_by:
      row.cancelled_by && row.cancelled_by_email ? { id: row.cancelled_by, email: row.cancelled_by_email } : null,
    created_at: isoTimestamp(row.created_at),
    started_at: isoOrNull(row.started_at),
    finished_at: isoOrNull(row.finished_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
    attempt: Number(row.attempt ?? 1),
    max_attempts: Number(row.max_attempts ?? 1),
    resumed_from: row.resumed_from ?? null,
    resumable: (row.status === "failed" || row.status === "cancelled") && row.has_checkpoint === true,
    reprocessed_from: row.reprocessed_from ?? null,
    archive:
      row.archive_bytes === null || row.archive_bytes === undefined
        ? null
        : { bytes: Number(row.archive_bytes), pages: Number(row.archive_pages ?? 0) },
    eta_seconds: estimateSecondsLeft(row.steps, row.status, isoTimestamp(row.updated_at)),
    quality: row.quality_tally ? qualityOf(addQualityTally(emptyQualityTally(), row.quality_tally)) : null,
    alarms: row.alarms ?? [],
    expiry: row.expiry ?? null,
  };
}
