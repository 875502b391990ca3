import type { AdapterContext, JobDetail, ListingCard, PostingDraft } from "../adapter";
import { topcvDraft } from "../topcv/to-draft";

/**
 * Process Jobs for JSON API sources: the shared draft from the card and the posting it carries, with the API's
 * structured salary and exact publication time instead of parsed text.
 */
export function apiDraft(card: ListingCard, detail: JobDetail | null, context: AdapterContext): PostingDraft {
  const draft = topcvDraft(card, detail ?? card.detail ?? null, context);
  return { ...draft, salary: card.salary ?? draft.salary, posted_at: card.posted_at ?? draft.posted_at };
}
