import type { ListingTarget } from "@jobsync/crawler";
import { type PreparedSync, StepFailure, type StepReporter, type StepResult, type SyncJobInput } from "../sync-context";

/** Generate URLs: the searches to crawl, from the source config (one per keyword for TopCV). */
export async function generateUrls(
  job: SyncJobInput,
  prepared: PreparedSync,
  report: StepReporter,
): Promise<{ result: StepResult; value: ListingTarget[] }> {
  const targets = prepared.adapter.listingTargets(job.source.baseUrl, prepared.config);
  if (targets.length === 0) throw new StepFailure("the configuration yields no search URL");
  for (const target of targets.slice(0, 40))
    report.detail(
      `${target.label}: ${target.pageUrl(1)} (up to ${target.maxPages} page${target.maxPages === 1 ? "" : "s"})`,
    );
  if (targets.length > 40) report.detail(`... and ${targets.length - 40} more`);
  const pages = targets.reduce((n, t) => n + t.maxPages, 0);
  return {
    result: {
      status: "completed",
      message: `${targets.length} search${targets.length === 1 ? "" : "es"}, up to ${pages} listing pages (each stops at its last page)`,
    },
    value: targets,
  };
}
