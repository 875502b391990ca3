import { z } from "zod";

/** The nine steps of a sync job, in order, with the guide's names. */
export const SYNC_STEPS = [
  { key: "initialize", name: "Initialize", description: "Validate configuration and setup" },
  { key: "check_availability", name: "Check Availability", description: "Test site connectivity" },
  { key: "start_browser", name: "Start Browser", description: "Launch Playwright browser" },
  { key: "generate_urls", name: "Generate URLs", description: "Create search URLs from configuration" },
  { key: "crawl_jobs", name: "Crawl Jobs", description: "Extract job listings from search results" },
  { key: "process_jobs", name: "Process Jobs", description: "Validate and clean job data" },
  { key: "check_duplicates", name: "Check Duplicates", description: "Filter out existing jobs" },
  { key: "save_jobs", name: "Save Jobs", description: "Store new jobs in database and search index" },
  { key: "cleanup", name: "Cleanup", description: "Release resources and generate summary" },
] as const;

export type StepKey = (typeof SYNC_STEPS)[number]["key"];
export const STEP_KEYS = SYNC_STEPS.map((s) => s.key) as unknown as readonly [StepKey, ...StepKey[]];
export const stepKeySchema = z.enum(STEP_KEYS);

export function stepName(key: StepKey): string {
  const step = SYNC_STEPS.find((s) => s.key === key);
  if (!step) throw new Error(`unknown step ${key}`);
  return step.name;
}
