import { z } from "zod";

/**
 * Expiry by absence (a posting a completed sync job did not list) with its guard, so one bad sync job cannot close a
 * source's postings: nothing is closed after a sync job that found under `minFoundShare` of the source's usual count
 * (the baseline's median), at most `maxCloseShare` of the source's open postings close in one pass, and a posting
 * closes only after `missesToClose` completed sync jobs in a row missed it.
 */
export const ABSENCE_EXPIRY_GUARD = { minFoundShare: 0.7, maxCloseShare: 0.5, missesToClose: 2 } as const;

const count = z.int().min(0);

/** What one pass of expiry by absence did: in the sync job (`expiry`) and in the sweep's result. */
export const absenceExpiryReportSchema = z.object({
  /** Open postings this pass counted as missed (not listed). */
  missed: count,
  closed: count,
  /** Postings that would have closed (or been counted missed) but were held back by the guard. */
  held_back: count,
  /** Why, in words; empty when nothing was held back. */
  reasons: z.array(z.string()),
});
export type AbsenceExpiryReport = z.infer<typeof absenceExpiryReportSchema>;
