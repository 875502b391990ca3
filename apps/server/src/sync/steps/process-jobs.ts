import { resolveSyncOptions } from "@jobsync/contracts";
import { InvalidPostingError, type PostingDraft } from "@jobsync/crawler";
import { createPostingFilter } from "../filters/posting-filter";
import { requireValue, type SyncStep } from "../sync-context";

/**
 * Process Jobs: normalise and sanitise each crawled posting; a posting that cannot be stored is counted invalid, one
 * the source's filters reject is counted filtered (with the reason in the details) and not saved.
 */
export const processJobsStep: SyncStep = {
  key: "process_jobs",
  async run(ctx, report) {
    const adapter = requireValue(ctx.adapter, "site adapter");
    const drafts: PostingDraft[] = [];
    const reasons = new Map<string, number>();
    const filter = createPostingFilter(resolveSyncOptions(ctx.source.config));
    const filtered = new Map<string, number>();
    const truncated = new Map<string, number>();
    const total = ctx.items.length;
    for (let i = 0; i < total; i++) {
      const item = ctx.items[i]!;
      try {
        const draft = adapter.toDraft(item.card, item.detail, { crawledAt: ctx.crawledAt });
        ctx.progress.apply({ op: "stat_increment", key: "jobs_processed", by: 1 });
        for (const field of draft.truncated) truncated.set(field, (truncated.get(field) ?? 0) + 1);
        const why = filter.reason(draft);
        if (why === null) drafts.push(draft);
        else {
          filtered.set(why, (filtered.get(why) ?? 0) + 1);
          ctx.progress.apply({ op: "stat_increment", key: "jobs_filtered", by: 1 });
        }
      } catch (error) {
        const reason = error instanceof InvalidPostingError ? error.reason : `unexpected: ${(error as Error).message}`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        ctx.progress.apply({ op: "stat_increment", key: "jobs_invalid", by: 1 });
        if ((reasons.get(reason) ?? 0) <= 3)
          report.detail(`invalid: ${item.card.url || item.card.external_id}: ${reason}`);
      }
      if (i % 200 === 199) {
        report.progress(((i + 1) / total) * 100);
        if (ctx.signal.aborted) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    ctx.drafts = drafts;
    for (const [reason, count] of reasons) report.detail(`${count} invalid: ${reason}`);
    for (const [reason, count] of filtered) report.detail(`${count} filtered: ${reason}`);
    if (truncated.size > 0) {
      const fields = [...truncated].map(([field, count]) => `${field} in ${count}`).join(", ");
      report.detail(`cut to the stored maximum (README: stored field limits): ${fields}`);
    }
    const skipped = [...filtered.values()].reduce((a, b) => a + b, 0);
    const invalid = total - drafts.length - skipped;
    return {
      status: "completed",
      message: `${drafts.length} valid job postings${invalid > 0 ? `, ${invalid} invalid` : ""}${skipped > 0 ? `, ${skipped} filtered` : ""}`,
    };
  },
};
