import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { collapseSpaces } from "../../normalize/text";
import { type ListingCard, type ListingPage, type Pagination, ParseError, type SkippedCard } from "../adapter";
import { type DomElement, hasClass, walkElements } from "../dom-walk";
import { absoluteUrl, loadHtml } from "../html-document";
import { isSkipped, readListingCard } from "./listing-card";

/** Any of these classes proves the page is a TopCV search page, even with no cards (a page past the end). */
const LISTING_MARKERS = ["job-list-search-result", "box-job-list", "none-suitable-job"];

/**
 * A TopCV search page → cards, pagination ("1 / 112 trang"), next page URL and whether it is the last page.
 * A challenge page throws BlockedError; a page that is not a TopCV listing at all throws ParseError.
 * The page is read in one walk (cheerio selector queries cost more than parsing a 1.5 MB page, see dom-walk.ts).
 */
export function parseTopcvListing(html: string, pageUrl: string): ListingPage {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(pageUrl, challenge);
  const $ = loadHtml(html);
  const found = scanPage($.root().get(0));

  const cards: ListingCard[] = [];
  const skipped: SkippedCard[] = [];
  const seen = new Set<string>();
  for (const element of found.cards) {
    const card = readListingCard($, element, pageUrl);
    if (isSkipped(card)) skipped.push(card);
    else if (seen.has(card.external_id))
      skipped.push({ reason: "same id twice on the page", external_id: card.external_id });
    else {
      seen.add(card.external_id);
      cards.push(card);
    }
  }
  if (found.cards.length === 0 && !found.marker) {
    throw new ParseError("not a TopCV listing page: no job list, no job cards and no 'no results' marker", pageUrl);
  }

  const pagination = found.paginate ? readPagination(collapseSpaces($(found.paginate).text())) : null;
  const nextHref = found.next ? (found.next.attribs["data-href"] ?? found.next.attribs.href) : undefined;
  const nextUrl = absoluteUrl(nextHref, pageUrl);
  const isLastPage =
    found.nextDisabled || found.cards.length === 0 || (pagination !== null && pagination.current >= pagination.total);
  return { cards, pagination, nextUrl: isLastPage ? null : nextUrl, isLastPage, skipped };
}

interface PageScan {
  cards: DomElement[];
  marker: boolean;
  paginate: DomElement | undefined;
  next: DomElement | undefined;
  nextDisabled: boolean;
}

function scanPage(root: { children: DomElement["children"] } | undefined): PageScan {
  const found: PageScan = { cards: [], marker: false, paginate: undefined, next: undefined, nextDisabled: false };
  if (root === undefined) return found;
  walkElements(root, (element) => {
    if (element.name === "div" && hasClass(element, "job-item-search-result")) {
      found.cards.push(element);
      return false; // a card holds no other card, nor the pagination
    }
    const attribs = element.attribs;
    if (!found.marker && LISTING_MARKERS.some((marker) => hasClass(element, marker))) found.marker = true;
    if (attribs.id === "job-listing-paginate-text") {
      found.paginate ??= element;
      found.marker = true;
    }
    if (element.name === "a" && attribs.rel === "next") found.next ??= element;
    if (element.name === "li" && hasClass(element, "disabled") && /next/i.test(attribs["aria-label"] ?? "")) {
      found.nextDisabled = true;
    }
    return true;
  });
  return found;
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
