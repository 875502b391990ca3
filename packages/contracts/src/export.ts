import { z } from "zod";
import { jobSearchFiltersSchema } from "./job-posting";

export const SYNC_JOB_EXPORT_FORMATS = ["csv", "json"] as const;
export type SyncJobExportFormat = (typeof SYNC_JOB_EXPORT_FORMATS)[number];

/** `GET .../sync/jobs/{job_id}/export`: `token` is a stream token, for a plain browser download link. */
export const syncJobExportQuerySchema = z.strictObject({
  format: z
    .enum(SYNC_JOB_EXPORT_FORMATS, { error: `format must be one of: ${SYNC_JOB_EXPORT_FORMATS.join(", ")}` })
    .default("csv"),
  token: z.string().max(4096).optional(),
});
export type SyncJobExportQuery = z.infer<typeof syncJobExportQuerySchema>;

/** `GET /jobs/export`: the search filters of `GET /jobs` (without paging), as CSV. */
export const jobExportQuerySchema = jobSearchFiltersSchema.extend({
  format: z.enum(["csv"], { error: "format must be csv" }).default("csv"),
  /** A stream token, for a plain browser download link when PUBLIC_EXPORT=0. */
  token: z.string().max(4096).optional(),
});
export type JobExportQuery = z.infer<typeof jobExportQuerySchema>;

export const POSTING_CHANGES = ["added", "updated"] as const;
export type PostingChange = (typeof POSTING_CHANGES)[number];
