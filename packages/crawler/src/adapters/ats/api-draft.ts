import type { AdapterContext, JobDetail, ListingCard, PostingDraft } from "../adapter";
import { buildDraft } from "../build-draft";

/**
 * Process Jobs for JSON API sources: the shared draft from the card and the posting it carries (its structured
 * salary and exact publication time win over text, in the draft builder).
 */
export function apiDraft(card: ListingCard, detail: JobDetail | null, context: AdapterContext): PostingDraft {
  return buildDraft(card, detail ?? card.detail ?? null, context);
}
