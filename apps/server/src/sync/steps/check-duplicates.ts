import type { DuplicateReason } from "@jobsync/contracts";
import { planDuplicates, seenInSync } from "../../postings/duplicate-plan";
import type { StreamStep } from "../stream/stage-runner";
import type { SyncEnv, SyncJobInput } from "../sync-context";

/**
 * Check Duplicates: compare each batch's drafts with what is stored and with the sync job's earlier batches, by id,
 * URL and content; counted per reason. "Same content" duplicates are counted by the data source of their original.
 */
export function checkDuplicatesStep(job: SyncJobInput, env: SyncEnv): StreamStep {
  const seen = seenInSync();
  const totals = { new: 0, changed: 0, unchanged: 0 };
  const sameContentBySource: Record<string, number> = {};
  const counts: Record<DuplicateReason, number> = { same_id: 0, same_url: 0, same_content: 0 };
  return {
    key: "check_duplicates",
    async handle(batch) {
      const existing = await env.postings.existingKeys(job.source.id, batch.drafts);
      const plan = planDuplicates(batch.drafts, existing, seen);
      batch.plan = plan;
      for (const [reason, n] of Object.entries(plan.counts) as Array<[DuplicateReason, number]>) {
        if (n === 0) continue;
        env.progress.apply({ op: "duplicate", reason, by: n });
        counts[reason] += n;
        batch.tally.duplicates += n;
        batch.tally.duplicates_by_reason[reason] += n;
      }
      totals.new += plan.insert.length;
      totals.changed += plan.update.length;
      totals.unchanged += plan.unchangedIds.length;
      const originals = [...new Set(plan.sameContent.flatMap((d) => (d.originalId === null ? [] : [d.originalId])))];
      const names = await env.postings.siteNamesOf(originals);
      for (const { originalId } of plan.sameContent) {
        const name = (originalId === null ? null : names.get(originalId)) ?? job.source.siteName;
        sameContentBySource[name] = (sameContentBySource[name] ?? 0) + 1;
      }
      batch.drafts = [];
    },
    async finish(report) {
      report.detail(`same id: ${counts.same_id} (${totals.changed} changed, ${totals.unchanged} unchanged)`);
      report.detail(`same URL: ${counts.same_url}`);
      const sources = Object.entries(sameContentBySource)
        .map(([name, n]) => `${name} ${n}`)
        .join(", ");
      report.detail(
        `same content (stored, linked to the original): ${counts.same_content}${sources ? ` (originals: ${sources})` : ""}`,
      );
      if (Object.keys(sameContentBySource).length > 0) env.summaryExtras.sameContentBySource = sameContentBySource;
      const duplicates = counts.same_id + counts.same_url + counts.same_content;
      return `${totals.new} new, ${totals.changed} changed, ${duplicates} duplicates`;
    },
  };
}
