import { z } from "zod";
import { absenceExpiryReportSchema } from "./absence-expiry";
import { syncJobAlarmSchema, syncJobQualitySchema } from "./source-quality";
import { crawlStatsSchema } from "./stats";
import { crawlStepStatusSchema } from "./step-status";
import { stepKeySchema } from "./steps";
import { syncJobStatusSchema } from "./sync-job-status";

/** At most this many detail lines are kept per step; older lines give way to newer ones. */
export const MAX_STEP_DETAILS = 50;

/** The guide's `CrawlStep`: one stage of a sync job. */
export const crawlStepSchema = z.object({
  key: stepKeySchema,
  name: z.string(),
  status: crawlStepStatusSchema,
  progress: z.number().min(0).max(100),
  message: z.string().nullable(),
  details: z.array(z.string()),
  error: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  duration_ms: z.int().nullable(),
});
export type CrawlStep = z.infer<typeof crawlStepSchema>;

/**
 * Who started a sync job; `resume` continues a failed or cancelled one from its checkpoint (`resumed_from`);
 * `reprocess` parses a finished one's archived pages again with today's parsers (`reprocessed_from`).
 */
export const SYNC_TRIGGERS = ["manual", "schedule", "batch", "cli", "resume", "reprocess"] as const;
export const syncTriggerSchema = z.enum(SYNC_TRIGGERS);
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const actorSchema = z.object({ id: z.string(), email: z.string() });
export type Actor = z.infer<typeof actorSchema>;

/** What a finished sync job reports: counts, per-step durations and the first errors. */
export const syncSummarySchema = z.object({
  outcome: syncJobStatusSchema,
  message: z.string(),
  total_duration_ms: z.int(),
  step_durations_ms: z.record(z.string(), z.int()),
  stats: crawlStatsSchema,
  first_errors: z.array(z.string()),
  /** "Same content" duplicates by the data source of their original (this source's own name: found twice in it). */
  same_content_by_source: z.record(z.string(), z.int()).optional(),
  /** Searches a cap (max_pages, max_jobs) stopped before the board's last page: how deep each went. */
  searches_cut: z
    .array(z.object({ search: z.string(), pages_on_board: z.int().nullable(), pages_crawled: z.int() }))
    .optional(),
  /**
   * Every search was read to its last page: no cap, no incremental stop, no failed listing page (expiry by absence
   * runs only then).
   */
  complete_crawl: z.boolean().optional(),
  /** Job postings this sync job saved before it was cancelled or failed (absent when it completed). */
  saved_before_stop: z.int().optional(),
});
export type SyncSummary = z.infer<typeof syncSummarySchema>;

/** A sync job's page archive as the modal shows it. */
export const syncJobArchiveSchema = z.object({ bytes: z.int().min(0), pages: z.int().min(0) });
export type SyncJobArchive = z.infer<typeof syncJobArchiveSchema>;

/** The guide's `CrawlJobProgress`: everything the modal shows about one sync job. */
export const crawlJobProgressSchema = z.object({
  job_id: z.string(),
  site_name: z.string(),
  status: syncJobStatusSchema,
  progress: z.number().min(0).max(100),
  current_step: stepKeySchema.nullable(),
  steps: z.array(crawlStepSchema),
  stats: crawlStatsSchema,
  summary: syncSummarySchema.nullable(),
  error: z.string().nullable(),
  max_jobs: z.int(),
  /** The sync job was started with `full_refresh` (incremental sync off): a retry starts it the same way. */
  full_refresh: z.boolean(),
  trigger: syncTriggerSchema,
  requested_by: actorSchema.nullable(),
  cancelled_by: actorSchema.nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  updated_at: z.string(),
  /** Increases with every change; the SSE event id. */
  version: z.int(),
  /** 1 for the first run; a worker that stopped mid-sync hands it to the next attempt, resumed from its checkpoint. */
  attempt: z.int().min(1),
  max_attempts: z.int().min(1),
  /** The failed or cancelled sync job this one continues (trigger `resume`). */
  resumed_from: z.string().nullable(),
  /** Failed or cancelled with a checkpoint (it saved at least one batch): "Resume" can continue it. */
  resumable: z.boolean(),
  /** The finished sync job whose archived pages this one parses again (trigger `reprocess`). */
  reprocessed_from: z.string().nullable(),
  /** Its page archive (a WARC file), while it has one: size on disk and pages recorded. */
  archive: syncJobArchiveSchema.nullable(),
  /**
   * Seconds the running sync job is expected to take still, from the rate of its heaviest running step so far (the
   * source's request delay is in that rate); null until that estimate is meaningful (and once the sync job is final).
   */
  eta_seconds: z.int().min(0).nullable(),
  /** Fill rates of the postings it processed and cards per listing page (null for sync jobs before issue 13). */
  quality: syncJobQualitySchema.nullable(),
  /** Drift below the source's baseline and listing pages answering 200 with 0 cards. */
  alarms: z.array(syncJobAlarmSchema),
  /** Expiry by absence after it completed: missed, closed, held back and why (null when it did not run). */
  expiry: absenceExpiryReportSchema.nullable(),
});
export type CrawlJobProgress = z.infer<typeof crawlJobProgressSchema>;

/** A step that has not started: how every step of a new sync job begins. */
export function pendingStep(key: CrawlStep["key"], name: string): CrawlStep {
  return {
    key,
    name,
    status: "pending",
    progress: 0,
    message: null,
    details: [],
    error: null,
    started_at: null,
    finished_at: null,
    duration_ms: null,
  };
}
