import { SAVE_BATCH_SIZE } from "../../postings/posting-write.repository";
import { requireValue, StepFailure, type SyncStep } from "../sync-context";

/** Save Jobs: batched upserts, each batch with its search-index update in one transaction. */
export const saveJobsStep: SyncStep = {
  key: "save_jobs",
  async run(ctx, report) {
    const plan = requireValue(ctx.plan, "duplicate check");
    const rows = [...plan.insert, ...plan.update];
    let added = 0;
    let updated = 0;
    let refused = 0;
    for (let i = 0; i < rows.length; i += SAVE_BATCH_SIZE) {
      if (ctx.signal.aborted) throw new StepFailure("cancelled");
      const counts = await ctx.postings.upsertBatch(ctx.source.id, ctx.jobId, rows.slice(i, i + SAVE_BATCH_SIZE));
      added += counts.added;
      updated += counts.updated;
      ctx.progress.apply(
        { op: "stat_increment", key: "jobs_added", by: counts.added },
        { op: "stat_increment", key: "jobs_updated", by: counts.updated },
        { op: "stat_increment", key: "jobs_invalid", by: counts.refused.length },
      );
      // a posting the database refuses is invalid, with its field and reason; the rest of its batch is saved
      for (const r of counts.refused) {
        if (++refused <= 5)
          report.detail(`invalid: ${r.url}: ${r.field ?? "a field"} refused by the database: ${r.reason}`);
      }
      report.progress(((i + SAVE_BATCH_SIZE) / Math.max(1, rows.length)) * 90, `${added + updated} saved`);
    }
    await ctx.postings.touch(plan.unchangedIds, ctx.jobId);
    ctx.progress.apply({ op: "stat_set", key: "jobs_unchanged", value: plan.unchangedIds.length });
    const linked = await ctx.postings.linkContentDuplicates(ctx.jobId);
    report.detail(`${added} added, ${updated} updated, ${plan.unchangedIds.length} seen again unchanged`);
    if (refused > 0) report.detail(`${refused} invalid: refused by the database`);
    if (linked > 0) report.detail(`${linked} linked to an earlier posting with the same content`);
    const invalid = refused > 0 ? `, ${refused} invalid` : "";
    return { status: "completed", message: `${added} new job postings saved, ${updated} updated${invalid}` };
  },
};
