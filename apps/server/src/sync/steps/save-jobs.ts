import { addStats } from "../progress/stats-sum";
import type { StreamStep } from "../stream/stage-runner";
import type { SyncEnv, SyncJobInput } from "../sync-context";

/**
 * Save Jobs: each batch's upserts, its "seen again", the closes of gone postings and its checkpoint in one
 * transaction (with the search index, a generated column, in the same statements); at the end, same-content
 * postings are linked to their original. A re-process corrects content only (see `PagesFrom`).
 */
export function saveJobsStep(job: SyncJobInput, env: SyncEnv): StreamStep {
  const totals = { added: 0, updated: 0, unchanged: 0, closed: 0, refused: 0 };
  const from = job.reprocessedFrom === null ? "site" : "archive";
  const unchangedLabel = from === "site" ? "seen again unchanged" : "unchanged";
  return {
    key: "save_jobs",
    async handle(batch, report) {
      const plan = batch.plan;
      if (!plan) throw new Error(`batch ${batch.seq} reached Save Jobs without a duplicate check`);
      const saved = await env.batches.save({
        dataSourceId: job.source.id,
        syncJobId: job.jobId,
        workerId: job.workerId,
        rows: [...plan.insert, ...plan.update],
        unchangedIds: plan.unchangedIds,
        goneExternalIds: batch.gone,
        from,
        tallyFor: (counts) =>
          addStats(batch.tally, {
            jobs_added: counts.added,
            jobs_updated: counts.updated,
            jobs_unchanged: plan.unchangedIds.length,
            jobs_invalid: counts.refused.length,
          }),
        checkpoint: {
          syncJobId: job.jobId,
          attempt: job.attempt,
          seq: batch.seq,
          pages: batch.crawl.pages,
          itemIds: batch.itemIds,
          detailUrls: batch.crawl.detailUrls,
          quality: batch.quality,
        },
      });
      totals.added += saved.added;
      totals.updated += saved.updated;
      totals.unchanged += plan.unchangedIds.length;
      totals.closed += saved.closed;
      env.progress.apply(
        { op: "stat_increment", key: "jobs_added", by: saved.added },
        { op: "stat_increment", key: "jobs_updated", by: saved.updated },
        { op: "stat_increment", key: "jobs_unchanged", by: plan.unchangedIds.length },
        { op: "stat_increment", key: "jobs_invalid", by: saved.refused.length },
      );
      // a posting the database refuses is invalid, with its field and reason; the rest of its batch is saved
      for (const r of saved.refused) {
        if (++totals.refused <= 5)
          report.detail(`invalid: ${r.url}: ${r.field ?? "a field"} refused by the database: ${r.reason}`);
      }
      batch.plan = null;
      report.message(`${totals.added + totals.updated} saved`);
    },
    async finish(report) {
      const linked = await env.postings.linkContentDuplicates(job.jobId, from);
      report.detail(`${totals.added} added, ${totals.updated} updated, ${totals.unchanged} ${unchangedLabel}`);
      if (totals.closed > 0) report.detail(`${totals.closed} stored postings closed: their page says they are gone`);
      if (totals.refused > 0) report.detail(`${totals.refused} invalid: refused by the database`);
      if (linked > 0) report.detail(`${linked} linked to an earlier posting with the same content`);
      const invalid = totals.refused > 0 ? `, ${totals.refused} invalid` : "";
      return `${totals.added} new job postings saved, ${totals.updated} updated${invalid}`;
    },
  };
}
