import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { collapseSpaces } from "../../normalize/text";
import { type ListingPage, type Pagination, ParseError } from "../adapter";
import { absoluteUrl } from "../html-document";
import { readListingCards } from "./listing-card";
import { scanListing } from "./listing-scan";

/**
 * A TopCV search page → cards, pagination ("1 / 112 trang"), next page URL and whether it is the last page.
 * A search that matched nothing shows the "no suitable job" box ("Chưa tìm thấy việc làm phù hợp với yêu cầu của
 * bạn") above ~50 suggested jobs: that page has no cards, is the last page and says `noResults`. Suggested cards
 * are never results, on any page. A challenge page throws BlockedError; a page that is not a TopCV listing at all
 * throws ParseError. The page is read in one scan that builds the cards' nodes only (listing-scan.ts).
 */
export function parseTopcvListing(html: string, pageUrl: string): ListingPage {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(pageUrl, challenge);
  const found = scanListing(html);

  const { cards, skipped } = readListingCards(found.noResults ? [] : found.cards, pageUrl);
  if (found.cards.length === 0 && !found.marker) {
    throw new ParseError("not a TopCV listing page: no job list, no job cards and no 'no results' marker", pageUrl);
  }

  const pagination = found.paginateText === null ? null : readPagination(collapseSpaces(found.paginateText));
  const nextHref = found.nextAttribs ? (found.nextAttribs["data-href"] ?? found.nextAttribs.href) : undefined;
  const nextUrl = absoluteUrl(nextHref, pageUrl);
  const isLastPage =
    found.noResults ||
    found.nextDisabled ||
    found.cards.length === 0 ||
    (pagination !== null && pagination.current >= pagination.total);
  const page = { cards, pagination, nextUrl: isLastPage ? null : nextUrl, isLastPage, skipped };
  return found.noResults ? { ...page, noResults: true } : page;
}

/** "1 / 112 trang" → { current: 1, total: 112 }; null when absent or unreadable. */
export function readPagination(text: string): Pagination | null {
  const match = /(\d+)\s*\/\s*(\d+)/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const current = Number(match[1]);
  const total = Number(match[2]);
  if (current < 1 || total < 1) return null;
  return { current, total };
}
