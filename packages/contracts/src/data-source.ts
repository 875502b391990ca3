import { z } from "zod";
import { boolean, httpUrl } from "./field-rules";
import { cronExpression, timeZone } from "./schedule";
import { sourceKindSchema } from "./source-config";
import { sourceHealthSchema } from "./source-quality";
import { syncJobStatusSchema } from "./sync-job-status";

/** URL-safe data source name, as it appears in `/admin/data-sources/{site_name}`. */
export const SITE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Names that would collide with the API's own path segments. */
export const RESERVED_SITE_NAMES = ["sync"] as const;
export const siteNameSchema = z
  .string({ error: "site_name must be a string" })
  .regex(SITE_NAME_PATTERN, {
    error: "site_name must be 1-64 characters of letters, digits, '-' and '_', starting with a letter or digit",
  })
  .refine((name) => !(RESERVED_SITE_NAMES as readonly string[]).includes(name.toLowerCase()), {
    error: `site_name cannot be one of: ${RESERVED_SITE_NAMES.join(", ")}`,
  });

export const siteNameParamsSchema = z.strictObject({ site_name: siteNameSchema });

const configObject = z.record(z.string(), z.unknown(), { error: "config must be a JSON object" });

export const createDataSourceSchema = z.strictObject({
  site_name: siteNameSchema,
  kind: sourceKindSchema,
  base_url: httpUrl("base_url"),
  is_active: boolean("is_active").optional(),
  config: configObject.optional(),
  /** A cron expression (5 fields) to sync on a schedule; null or absent: no schedule. */
  schedule_cron: cronExpression("schedule_cron").nullable().optional(),
  schedule_timezone: timeZone("schedule_timezone").optional(),
});
export type CreateDataSourceRequest = z.infer<typeof createDataSourceSchema>;

/** PATCH merges the given config keys into the stored config, then validates the whole. */
export const updateDataSourceSchema = z
  .strictObject({
    base_url: httpUrl("base_url").optional(),
    is_active: boolean("is_active").optional(),
    config: configObject.optional(),
    replace_config: boolean("replace_config").optional(),
    /** null removes the schedule. */
    schedule_cron: cronExpression("schedule_cron").nullable().optional(),
    schedule_timezone: timeZone("schedule_timezone").optional(),
  })
  .refine(
    (body) =>
      body.base_url !== undefined ||
      body.is_active !== undefined ||
      body.config !== undefined ||
      body.schedule_cron !== undefined ||
      body.schedule_timezone !== undefined,
    { error: "nothing to update: give base_url, is_active, config, schedule_cron or schedule_timezone" },
  );
export type UpdateDataSourceRequest = z.infer<typeof updateDataSourceSchema>;

export const lastSyncSchema = z.object({
  job_id: z.string(),
  status: syncJobStatusSchema,
  created_at: z.string(),
  finished_at: z.string().nullable(),
  jobs_added: z.int(),
});
export type LastSync = z.infer<typeof lastSyncSchema>;

export const dataSourceSchema = z.object({
  id: z.string(),
  site_name: z.string(),
  kind: sourceKindSchema,
  base_url: z.string(),
  is_active: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
  active_job_id: z.string().nullable(),
  last_sync: lastSyncSchema.nullable(),
  /** Exact up to SEARCH_EXACT_TOTAL_LIMIT (10,000); past that, that number and `postings_count_is_estimate`. */
  postings_count: z.int(),
  postings_count_is_estimate: z.boolean().default(false),
  /** Auto-disable: failed sync jobs in a row, and ok | degraded | deactivated. */
  consecutive_failures: z.int().default(0),
  auto_disable: z.enum(["ok", "degraded", "deactivated"]).default("ok"),
  /** Source health at a glance: healthy, drifting, failing or never synced, with the reason in words. */
  health: sourceHealthSchema,
  schedule_cron: z.string().nullable(),
  schedule_timezone: z.string(),
  /** The next time the schedule fires (null without a schedule, or while the source is inactive). */
  next_run_at: z.string().nullable(),
});
export type DataSource = z.infer<typeof dataSourceSchema>;

export const dataSourceListSchema = z.object({ items: z.array(dataSourceSchema) });
export type DataSourceList = z.infer<typeof dataSourceListSchema>;
