import { z } from "zod";
import { UUID_PATTERN } from "./sync-job-api";

/** `GET /admin/data-sources/sync/jobs/{job_id}/snapshots/{n}`. */
export const snapshotParamsSchema = z.strictObject({
  job_id: z.string().regex(UUID_PATTERN, { error: "job_id must be a UUID" }),
  n: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, { error: "n must be a snapshot number (1, 2, ...)" })
    .transform(Number),
});
