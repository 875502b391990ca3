import { z } from "zod";
import { crawlJobProgressSchema } from "./crawl-job-progress";
import { siteNameSchema } from "./data-source";
import { intInRange } from "./field-rules";
import { crawlStatsSchema } from "./stats";
import { UUID_PATTERN } from "./sync-job-api";
import { syncJobStatusSchema } from "./sync-job-status";

export const MAX_BATCH_SOURCES = 50;

/** Body of `POST /admin/data-sources/sync`: several data sources in one batch. */
export const batchSyncRequestSchema = z.strictObject({
  site_names: z
    .array(siteNameSchema, { error: "site_names must be a list of data source names" })
    .min(1, { error: "site_names must name at least one data source" })
    .max(MAX_BATCH_SOURCES, { error: `site_names must name at most ${MAX_BATCH_SOURCES} data sources` })
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
      error: "site_names must not name a data source twice",
    }),
  max_jobs: intInRange("max_jobs", 1, 10000).optional(),
});
export type BatchSyncRequest = z.infer<typeof batchSyncRequestSchema>;

export const BATCH_OUTCOMES = ["started", "inactive", "already_active", "unknown"] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];

/** What happened to one requested data source. `job_id`: the new sync job, or the active one for already_active. */
export const batchSourceResultSchema = z.object({
  site_name: z.string(),
  outcome: z.enum(BATCH_OUTCOMES),
  job_id: z.string().nullable(),
  message: z.string(),
});
export type BatchSourceResult = z.infer<typeof batchSourceResultSchema>;

/** `batch_id` is null when no sync job was started. */
export const batchSyncResponseSchema = z.object({
  batch_id: z.string().nullable(),
  results: z.array(batchSourceResultSchema),
});
export type BatchSyncResponse = z.infer<typeof batchSyncResponseSchema>;

export const batchIdParamsSchema = z.strictObject({
  batch_id: z.string().regex(UUID_PATTERN, { error: "batch_id must be a UUID" }),
});

/** The combined view of a batch: counts by status, overall progress and the summed statistics. */
export const batchSummarySchema = z.object({
  total: z.int(),
  active: z.int(),
  by_status: z.partialRecord(syncJobStatusSchema, z.int()),
  progress: z.number().min(0).max(100),
  finished: z.boolean(),
  stats: crawlStatsSchema,
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const batchProgressSchema = z.object({
  batch_id: z.string(),
  created_at: z.string(),
  summary: batchSummarySchema,
  jobs: z.array(crawlJobProgressSchema),
});
export type BatchProgress = z.infer<typeof batchProgressSchema>;
