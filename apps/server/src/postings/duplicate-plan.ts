import type { DuplicateReason } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";

/** What is already stored, looked up by the keys of the drafts. */
export interface ExistingKeys {
  /** external_id → { id, content_hash } for this data source. */
  byExternalId: Map<string, { id: number; contentHash: string }>;
  /** url → posting id, any source. */
  byUrl: Map<string, number>;
  /** content_key → the original posting's id, any source. */
  byContentKey: Map<string, number>;
}

export interface DuplicatePlan {
  /** New rows (including "same content" duplicates, stored and linked). */
  insert: PostingDraft[];
  /** Known ids whose content changed. */
  update: PostingDraft[];
  /** Known ids whose content did not change: only seen again. */
  unchangedIds: number[];
  /** Same URL as a stored posting of another id: not stored again. */
  skipped: PostingDraft[];
  counts: Record<DuplicateReason, number>;
  /** The "same content" drafts (inserted too) with their original's id; null when the original is in this batch. */
  sameContent: Array<{ draft: PostingDraft; originalId: number | null }>;
}

/**
 * What the earlier batches of the same sync job held (a sync job streams its postings in batches: a posting of batch
 * 7 may repeat one of batch 2 that is being saved right now). Grows with the sync job, by two short strings a posting.
 */
export interface SeenInSync {
  urls: Set<string>;
  contentKeys: Set<string>;
}

export function seenInSync(): SeenInSync {
  return { urls: new Set(), contentKeys: new Set() };
}

/**
 * Layered de-duplication, a pure function of the drafts, what is stored and what earlier batches of the sync job
 * held (updated in place): same source + external id → "same id" (updated when its content hash changed); same
 * canonical URL → "same url" (not stored twice); same normalised title + company + province → "same content" (stored,
 * linked to the original by `duplicate_of`).
 */
export function planDuplicates(
  drafts: readonly PostingDraft[],
  existing: ExistingKeys,
  seen: SeenInSync = seenInSync(),
): DuplicatePlan {
  const plan: DuplicatePlan = {
    insert: [],
    update: [],
    unchangedIds: [],
    skipped: [],
    counts: { same_id: 0, same_url: 0, same_content: 0 },
    sameContent: [],
  };
  const seenUrls = seen.urls;
  const seenContent = seen.contentKeys;
  for (const draft of drafts) {
    const known = existing.byExternalId.get(draft.external_id);
    if (known) {
      plan.counts.same_id += 1;
      if (known.contentHash === draft.content_hash) plan.unchangedIds.push(known.id);
      else plan.update.push(draft);
      seenUrls.add(draft.url);
      seenContent.add(draft.content_key);
      continue;
    }
    if (existing.byUrl.has(draft.url) || seenUrls.has(draft.url)) {
      plan.counts.same_url += 1;
      plan.skipped.push(draft);
      continue;
    }
    seenUrls.add(draft.url);
    if (existing.byContentKey.has(draft.content_key) || seenContent.has(draft.content_key)) {
      plan.counts.same_content += 1;
      plan.sameContent.push({ draft, originalId: existing.byContentKey.get(draft.content_key) ?? null });
    }
    seenContent.add(draft.content_key);
    plan.insert.push(draft);
  }
  return plan;
}
