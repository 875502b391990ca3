import { z } from "zod";

/**
 * Source health: what the postings of a sync job hold (fill rates), the alarms raised on it, and the health of a
 * data source derived from its latest sync jobs. Issue 13.
 */

/** The fields whose fill rate is measured, in the order the modal and the source page show them. */
export const QUALITY_FIELDS = [
  "title",
  "company",
  "salary",
  "province",
  "deadline",
  "experience",
  "description",
] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];

const count = z.int().min(0);
const fieldCounts = z.object(
  Object.fromEntries(QUALITY_FIELDS.map((f) => [f, count])) as Record<QualityField, typeof count>,
);

/**
 * The running counters behind `quality`, kept per sync job and per saved batch (so a resumed attempt continues
 * them): never a list of postings. `postings` drafts processed; `filled` how many of them had each field;
 * `listing_pages` listing pages fetched, `cards` their cards, `empty_pages` those answering 200 with 0 cards without
 * being the board's "no results" page; `details_fetched` / `details_failed` detail pages read / not parsed.
 */
export const qualityTallySchema = z.object({
  postings: count,
  filled: fieldCounts,
  listing_pages: count,
  cards: count,
  empty_pages: count,
  details_fetched: count,
  details_failed: count,
});
export type QualityTally = z.infer<typeof qualityTallySchema>;

export function emptyQualityTally(): QualityTally {
  return {
    postings: 0,
    filled: Object.fromEntries(QUALITY_FIELDS.map((f) => [f, 0])) as Record<QualityField, number>,
    listing_pages: 0,
    cards: 0,
    empty_pages: 0,
    details_fetched: 0,
    details_failed: 0,
  };
}

/** a + b, counter by counter; a missing or partial b (an older checkpoint) adds nothing where it says nothing. */
export function addQualityTally(a: QualityTally, b: Partial<QualityTally> | null | undefined): QualityTally {
  if (!b) return a;
  const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  const filled = { ...a.filled };
  for (const f of QUALITY_FIELDS) filled[f] += n(b.filled?.[f]);
  return {
    postings: a.postings + n(b.postings),
    filled,
    listing_pages: a.listing_pages + n(b.listing_pages),
    cards: a.cards + n(b.cards),
    empty_pages: a.empty_pages + n(b.empty_pages),
    details_fetched: a.details_fetched + n(b.details_fetched),
    details_failed: a.details_failed + n(b.details_failed),
  };
}

const rate = z.number().min(0).max(1);

/** A sync job's `quality`: each field's fill rate (null before any posting), cards per listing page, and the counts. */
export const syncJobQualitySchema = z.object({
  fields: z.object(
    Object.fromEntries(QUALITY_FIELDS.map((f) => [f, rate.nullable()])) as Record<
      QualityField,
      z.ZodNullable<typeof rate>
    >,
  ),
  cards_per_page: z.number().min(0).nullable(),
  postings: count,
  listing_pages: count,
  empty_pages: count,
  details_fetched: count,
  details_failed: count,
});
export type SyncJobQuality = z.infer<typeof syncJobQualitySchema>;

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The API's `quality` from the counters. Pure. */
export function qualityOf(tally: QualityTally): SyncJobQuality {
  const fields = Object.fromEntries(
    QUALITY_FIELDS.map((f) => [f, tally.postings === 0 ? null : round(tally.filled[f] / tally.postings)]),
  ) as Record<QualityField, number | null>;
  return {
    fields,
    cards_per_page: tally.listing_pages === 0 ? null : round(tally.cards / tally.listing_pages),
    postings: tally.postings,
    listing_pages: tally.listing_pages,
    empty_pages: tally.empty_pages,
    details_fetched: tally.details_fetched,
    details_failed: tally.details_failed,
  };
}

/** `drift`: a fill rate (or cards per page) fell below the source's baseline; `layout_changed`: a 200 page, 0 cards. */
export const ALARM_KINDS = ["drift", "layout_changed"] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export const syncJobAlarmSchema = z.object({
  kind: z.enum(ALARM_KINDS),
  /** A QUALITY_FIELDS name, or "cards_per_page". */
  field: z.string(),
  baseline: z.number().nullable(),
  actual: z.number().nullable(),
  message: z.string(),
});
export type SyncJobAlarm = z.infer<typeof syncJobAlarmSchema>;

/** What Crawl Jobs fails with when page 1 of every search answered 200 with no job cards. */
export const LAYOUT_CHANGED_FAILURE =
  "the page answered 200 but no job cards were found — the site's layout may have changed";

/** The median of the last BASELINE_SIZE clean completed sync jobs (same kind); none before BASELINE_MIN of them. */
export const BASELINE_SIZE = 5;
export const BASELINE_MIN = 3;
export const DEFAULT_DRIFT_TOLERANCE = 0.2;

/** A source's learned baseline: the median of each figure over its last clean completed sync jobs. */
export const sourceBaselineSchema = z.object({
  sync_jobs: count,
  fields: syncJobQualitySchema.shape.fields,
  cards_per_page: z.number().nullable(),
  /** The usual number of postings found (median of jobs_found): the expiry guard compares with it. */
  jobs_found: z.number().nullable(),
});
export type SourceBaseline = z.infer<typeof sourceBaselineSchema>;

/** The sync job statuses a source's health is judged by (a cancelled sync job says nothing about the source). */
export const HEALTH_JUDGED_STATUSES = ["completed", "failed"] as const;

export const SOURCE_HEALTH_STATUSES = ["healthy", "drifting", "failing", "never_synced"] as const;
export type SourceHealthStatus = (typeof SOURCE_HEALTH_STATUSES)[number];

/** A data source's `health`: from its latest finished sync job (cancelled ones aside), with the reason in words. */
export const sourceHealthSchema = z.object({
  status: z.enum(SOURCE_HEALTH_STATUSES),
  reason: z.string(),
});
export type SourceHealthView = z.infer<typeof sourceHealthSchema>;

/** One snapshot of a sync job: the first page of an error or alarm kind, downloadable as an attachment. */
export const syncJobSnapshotSchema = z.object({
  n: z.int().min(1),
  kind: z.string(),
  url: z.string(),
  message: z.string(),
  original_bytes: count,
  truncated: z.boolean(),
  created_at: z.string(),
});
export type SyncJobSnapshot = z.infer<typeof syncJobSnapshotSchema>;
export const syncJobSnapshotListSchema = z.object({ items: z.array(syncJobSnapshotSchema) });
export type SyncJobSnapshotList = z.infer<typeof syncJobSnapshotListSchema>;
/** Stored pages are cut to this many bytes before gzip. */
export const SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;

/** One of a source's recent sync jobs, as its source page charts it. */
export const sourceHealthSyncJobSchema = z.object({
  job_id: z.string(),
  status: z.string(),
  created_at: z.string(),
  jobs_found: count,
  jobs_added: count,
  duplicates: count,
  errors: count,
  quality: syncJobQualitySchema.nullable(),
  alarms: z.array(syncJobAlarmSchema),
});
export type SourceHealthSyncJob = z.infer<typeof sourceHealthSyncJobSchema>;

/** `GET /admin/data-sources/{site_name}/health`: the source page. */
export const sourceHealthReportSchema = z.object({
  site_name: z.string(),
  health: sourceHealthSchema,
  drift_tolerance: z.number(),
  /** The baseline new sync jobs are judged by (incremental ones; null before BASELINE_MIN clean sync jobs). */
  baseline: sourceBaselineSchema.nullable(),
  /** The last SOURCE_PAGE_SYNC_JOBS finished sync jobs, oldest first. */
  sync_jobs: z.array(sourceHealthSyncJobSchema),
});
export type SourceHealthReport = z.infer<typeof sourceHealthReportSchema>;
export const SOURCE_PAGE_SYNC_JOBS = 20;
