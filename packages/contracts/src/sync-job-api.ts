import { z } from "zod";
import { crawlJobProgressSchema } from "./crawl-job-progress";
import { siteNameSchema } from "./data-source";
import { boolean, intInRange } from "./field-rules";
import { SYNC_JOB_STATUSES, syncJobStatusSchema } from "./sync-job-status";

/** The guide's `SyncJobRequest`: body of `POST /admin/data-sources/{site_name}/sync`. */
export const syncJobRequestSchema = z.strictObject({
  max_jobs: intInRange("max_jobs", 1, 10000).optional(),
  /** Read every planned listing page even when the source stops early on known postings (incremental sync). */
  full_refresh: boolean("full_refresh").optional(),
});
export type SyncJobRequest = z.infer<typeof syncJobRequestSchema>;

/** The guide's `SyncJobResponse`. */
export const syncJobResponseSchema = z.object({
  job_id: z.string(),
  site_name: z.string(),
  status: syncJobStatusSchema,
  message: z.string(),
  created_at: z.string(),
});
export type SyncJobResponse = z.infer<typeof syncJobResponseSchema>;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const jobIdParamsSchema = z.strictObject({
  job_id: z.string().regex(UUID_PATTERN, { error: "job_id must be a UUID" }),
});

export const SYNC_JOB_STATUS_FILTERS = ["active", "all", ...SYNC_JOB_STATUSES] as const;

export const syncJobListQuerySchema = z.strictObject({
  status: z
    .enum(SYNC_JOB_STATUS_FILTERS, { error: `status must be one of: ${SYNC_JOB_STATUS_FILTERS.join(", ")}` })
    .default("active"),
  site_name: siteNameSchema.optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 100" })
    .pipe(intInRange("limit", 1, 100))
    .default(20),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: "cursor must be a value returned as next_cursor" })
    .optional(),
});
export type SyncJobListQuery = z.infer<typeof syncJobListQuerySchema>;

export const syncJobListSchema = z.object({
  items: z.array(crawlJobProgressSchema),
  next_cursor: z.string().nullable(),
});
export type SyncJobList = z.infer<typeof syncJobListSchema>;

/** A 409 for a second start carries the active sync job's id in `details`. */
export const syncJobConflictDetailsSchema = z.object({
  job_id: z.string(),
  site_name: z.string(),
  status: syncJobStatusSchema,
});
