import { z } from "zod";

/** The guide's `CrawlStepStatus`. */
export const CRAWL_STEP_STATUSES = ["pending", "running", "completed", "failed", "skipped"] as const;
export type CrawlStepStatus = (typeof CRAWL_STEP_STATUSES)[number];
export const crawlStepStatusSchema = z.enum(CRAWL_STEP_STATUSES);

export const FINAL_STEP_STATUSES = ["completed", "failed", "skipped"] as const satisfies readonly CrawlStepStatus[];

export function isFinalStepStatus(status: CrawlStepStatus): boolean {
  return (FINAL_STEP_STATUSES as readonly CrawlStepStatus[]).includes(status);
}
