import { emptyQualityTally, QUALITY_FIELDS } from "@jobsync/contracts";
import { InvalidPostingError } from "@jobsync/crawler";
import { createPostingFilter } from "../filters/posting-filter";
import { countDraft } from "../quality/draft-quality";
import type { StreamStep } from "../stream/stage-runner";
import type { PlannedSync, SyncEnv, SyncJobInput } from "../sync-context";

/** Details shown per invalid reason before they are only counted. */
const MAX_LINES_PER_REASON = 3;

function count(map: Map<string, number>, key: string): number {
  const n = (map.get(key) ?? 0) + 1;
  map.set(key, n);
  return n;
}

/**
 * Process Jobs: normalise and sanitise each crawled posting of a batch; a posting that cannot be stored is counted
 * invalid, one the source's filters reject is counted filtered (with the reason in the details) and not saved, one
 * whose detail page says it is gone is counted gone (closed if stored, never saved open).
 */
export function processJobsStep(job: SyncJobInput, env: SyncEnv, planned: PlannedSync): StreamStep {
  const filter = createPostingFilter(planned.options);
  const invalid = new Map<string, number>();
  const filtered = new Map<string, number>();
  const gone = new Map<string, number>();
  /** Fields cut to their stored maximum, and in how many postings. */
  const truncated = new Map<string, number>();
  let valid = 0;
  const bump = (key: "jobs_processed" | "jobs_invalid" | "jobs_filtered" | "jobs_gone") =>
    env.progress.apply({ op: "stat_increment", key, by: 1 });
  return {
    key: "process_jobs",
    async handle(batch, report) {
      const quality = emptyQualityTally();
      for (const item of batch.crawl.items) {
        if (item.gone) {
          bump("jobs_gone");
          batch.tally.jobs_gone++;
          batch.gone.push(item.card.external_id);
          count(gone, item.gone);
          continue;
        }
        try {
          const draft = planned.adapter.toDraft(item.card, item.detail, { crawledAt: job.crawledAt });
          bump("jobs_processed");
          batch.tally.jobs_processed++;
          countDraft(quality, draft);
          for (const field of draft.truncated) count(truncated, field);
          const why = filter.reason(draft);
          if (why === null) {
            batch.drafts.push(draft);
            valid++;
          } else {
            count(filtered, why);
            bump("jobs_filtered");
            batch.tally.jobs_filtered++;
          }
        } catch (error) {
          const reason =
            error instanceof InvalidPostingError ? error.reason : `unexpected: ${(error as Error).message}`;
          bump("jobs_invalid");
          batch.tally.jobs_invalid++;
          if (count(invalid, reason) <= MAX_LINES_PER_REASON)
            report.detail(`invalid: ${item.card.url || item.card.external_id}: ${reason}`);
        }
      }
      env.progress.apply({ op: "quality_add", tally: quality });
      batch.quality.postings += quality.postings;
      for (const field of QUALITY_FIELDS) batch.quality.filled[field] += quality.filled[field];
      // the raw pages' parsed items are not needed any more: memory stays bounded by the batches in flight
      batch.crawl = { ...batch.crawl, items: [] };
      report.message(`${valid} valid job postings so far`);
    },
    async finish(report) {
      for (const [reason, n] of invalid) report.detail(`${n} invalid: ${reason}`);
      for (const [reason, n] of filtered) report.detail(`${n} filtered: ${reason}`);
      for (const [reason, n] of gone) report.detail(`${n} gone (not saved; closed if stored): ${reason}`);
      if (truncated.size > 0) {
        const fields = [...truncated].map(([field, n]) => `${field} in ${n}`).join(", ");
        report.detail(`cut to the stored maximum (README: stored field limits): ${fields}`);
      }
      const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      const parts = [`${valid} valid job postings`];
      if (total(invalid) > 0) parts.push(`${total(invalid)} invalid`);
      if (total(filtered) > 0) parts.push(`${total(filtered)} filtered`);
      if (total(gone) > 0) parts.push(`${total(gone)} gone`);
      return parts.join(", ");
    },
  };
}
