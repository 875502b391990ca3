import { type DuplicatePlan, planDuplicates } from "../../postings/duplicate-plan";
import type { SyncContext, SyncStep } from "../sync-context";

const LOOKUP_CHUNK = 2000;

/** "Same content" duplicates counted by the data source of their original (another board, or this one). */
async function sameContentBySource(ctx: SyncContext, plan: DuplicatePlan): Promise<Record<string, number>> {
  const ids = [...new Set(plan.sameContent.map((d) => d.originalId).filter((id): id is number => id !== null))];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    for (const [id, name] of await ctx.postings.siteNamesOf(ids.slice(i, i + LOOKUP_CHUNK))) names.set(id, name);
  }
  const counts: Record<string, number> = {};
  for (const { originalId } of plan.sameContent) {
    const name = (originalId === null ? null : names.get(originalId)) ?? ctx.source.siteName;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Check Duplicates: compare the drafts with what is stored, by id, URL and content; counted per reason. */
export const checkDuplicatesStep: SyncStep = {
  key: "check_duplicates",
  async run(ctx, report) {
    const drafts = ctx.drafts;
    const existing = { byExternalId: new Map(), byUrl: new Map(), byContentKey: new Map() };
    for (let i = 0; i < drafts.length; i += LOOKUP_CHUNK) {
      const found = await ctx.postings.existingKeys(ctx.source.id, drafts.slice(i, i + LOOKUP_CHUNK));
      for (const [k, v] of found.byExternalId) existing.byExternalId.set(k, v);
      for (const [k, v] of found.byUrl) existing.byUrl.set(k, v);
      for (const [k, v] of found.byContentKey) existing.byContentKey.set(k, v);
      report.progress(((i + LOOKUP_CHUNK) / Math.max(1, drafts.length)) * 90);
    }
    const plan = planDuplicates(drafts, existing);
    ctx.plan = plan;
    for (const [reason, count] of Object.entries(plan.counts) as Array<[keyof typeof plan.counts, number]>) {
      if (count > 0) ctx.progress.apply({ op: "duplicate", reason, by: count });
    }
    report.detail(
      `same id: ${plan.counts.same_id} (${plan.update.length} changed, ${plan.unchangedIds.length} unchanged)`,
    );
    report.detail(`same URL: ${plan.counts.same_url}`);
    const bySource = await sameContentBySource(ctx, plan);
    ctx.sameContentBySource = bySource;
    const sources = Object.entries(bySource)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ");
    report.detail(
      `same content (stored, linked to the original): ${plan.counts.same_content}${sources ? ` (originals: ${sources})` : ""}`,
    );
    const duplicates = plan.counts.same_id + plan.counts.same_url + plan.counts.same_content;
    return {
      status: "completed",
      message: `${plan.insert.length} new, ${plan.update.length} changed, ${duplicates} duplicates`,
    };
  },
};
