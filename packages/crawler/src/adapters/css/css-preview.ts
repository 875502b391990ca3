import type { CssConfig, CssListingSelectors } from "@jobsync/contracts";
import type { ListingCard, SkippedCard } from "../adapter";
import { compileListing, parseCssListing } from "./css-listing";

/** What the "Test selectors" preview shows: the parsed cards and the selectors that matched nothing. */
export interface CssPreview {
  url: string;
  /** Elements matched by `selectors.card`. */
  card_count: number;
  cards: ListingCard[];
  skipped: SkippedCard[];
  /** Per configured selector, in how many cards it matched (next_page: 1 when the page has a next link). */
  matches: Record<string, number>;
  /** Configured selectors that matched nothing on this page, e.g. ["selectors.salary"] (no_results aside: its not
   * matching is the usual case). */
  unmatched: string[];
  is_last_page: boolean;
  next_url: string | null;
}

/** Apply a css config's listing selectors to one fetched page. */
export function previewCssListing(html: string, pageUrl: string, config: CssConfig, maxCards = 50): CssPreview {
  const result = parseCssListing(html, pageUrl, compileListing(config.selectors), config);
  const configured = Object.entries(config.selectors)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key as keyof CssListingSelectors);
  const matches: Record<string, number> = {};
  for (const key of configured) matches[key] = result.matches[key] ?? 0;
  return {
    url: pageUrl,
    card_count: result.cardCount,
    cards: result.cards.slice(0, maxCards),
    skipped: (result.skipped ?? []).slice(0, maxCards),
    matches,
    unmatched: configured
      .filter((key) => key !== "no_results" && (result.matches[key] ?? 0) === 0)
      .map((key) => `selectors.${key}`),
    is_last_page: result.isLastPage,
    next_url: result.nextUrl,
  };
}
