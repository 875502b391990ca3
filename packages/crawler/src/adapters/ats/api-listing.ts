import type { ListingCard, ListingPage, SkippedCard } from "../adapter";

/**
 * An ATS API answers every posting in one page: keep each readable posting once (by id), and count the others as
 * skipped with their reason.
 */
export function singlePageListing(
  items: readonly unknown[],
  read: (item: unknown) => ListingCard | SkippedCard,
): ListingPage {
  const cards: ListingCard[] = [];
  const skipped: SkippedCard[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const card = read(item);
    if ("reason" in card) skipped.push(card);
    else if (seen.has(card.external_id)) skipped.push({ reason: "same id twice", external_id: card.external_id });
    else {
      seen.add(card.external_id);
      cards.push(card);
    }
  }
  return { cards, pagination: { current: 1, total: 1 }, nextUrl: null, isLastPage: true, skipped };
}
