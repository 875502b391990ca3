import { z } from "zod";
import { absenceExpiryReportSchema } from "./absence-expiry";
import { intInRange } from "./field-rules";

/** Body of `POST /admin/postings/expire`: the expiry sweep, now. */
export const expiryRequestSchema = z.strictObject({
  /** Also re-fetch the pages of up to this many open postings (0: deadlines only). */
  recheck_limit: intInRange("recheck_limit", 0, 10000).default(0),
  /** Re-check only postings no sync job has seen for this many hours. */
  stale_hours: intInRange("stale_hours", 0, 8760).default(24),
});
export type ExpiryRequest = z.infer<typeof expiryRequestSchema>;

export const expiryResultSchema = z.object({
  closed_by_deadline: z.int(),
  rechecked: z.int(),
  closed_by_recheck: z.int(),
  /** Pages that could not be read; their postings stay open. */
  failed: z.int(),
  /** "url: reason" of the postings a re-check closed (first 20). */
  closed: z.array(z.string()),
  /** Expiry by absence: postings missed by two sync jobs in a row that an earlier pass held back, closed now or not. */
  absence: absenceExpiryReportSchema,
});
export type ExpiryResult = z.infer<typeof expiryResultSchema>;
