import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { collapseSpaces } from "../../normalize/text";
import { type ListingCard, type ListingPage, type Pagination, ParseError, type SkippedCard } from "../adapter";
import { type DomElement, hasClass, walkElements } from "../dom-walk";
import { absoluteUrl, parsePage, textContent } from "../html-document";
import { isSkipped, readListingCard } from "./listing-card";

/** Any of these classes proves the page is a TopCV search page, even with no cards (a page past the end). */
const LISTING_MARKERS = ["job-list-search-result", "box-job-list", "none-suitable-job"];
/** The "no suitable job" box: on every search page, hidden (`display: none`) unless the search matched nothing. */
const NO_RESULTS_BOX = "none-suitable-job";
/** Cards TopCV suggests instead of results ("Việc làm có thể bạn sẽ quan tâm": `data-box="SuggestJobBoxNoResult"`). */
const SUGGESTED_BOX = /suggest|recommend/i;

/**
 * A TopCV search page → cards, pagination ("1 / 112 trang"), next page URL and whether it is the last page.
 * A search that matched nothing shows the "no suitable job" box ("Chưa tìm thấy việc làm phù hợp với yêu cầu của
 * bạn") above ~50 suggested jobs: that page has no cards, is the last page and says `noResults`. Suggested cards
 * are never results, on any page. A challenge page throws BlockedError; a page that is not a TopCV listing at all
 * throws ParseError. The page is read in one walk (cheerio selector queries cost more than parsing a 1.5 MB page,
 * see dom-walk.ts).
 */
export function parseTopcvListing(html: string, pageUrl: string): ListingPage {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(pageUrl, challenge);
  const found = scanPage(parsePage(html).document);

  const cards: ListingCard[] = [];
  const skipped: SkippedCard[] = [];
  const seen = new Set<string>();
  for (const element of found.noResults ? [] : found.cards) {
    const card = readListingCard(element, pageUrl);
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

  const pagination = found.paginate ? readPagination(collapseSpaces(textContent(found.paginate))) : null;
  const nextHref = found.next ? (found.next.attribs["data-href"] ?? found.next.attribs.href) : undefined;
  const nextUrl = absoluteUrl(nextHref, pageUrl);
  const isLastPage =
    found.noResults ||
    found.nextDisabled ||
    found.cards.length === 0 ||
    (pagination !== null && pagination.current >= pagination.total);
  const page = { cards, pagination, nextUrl: isLastPage ? null : nextUrl, isLastPage, skipped };
  return found.noResults ? { ...page, noResults: true } : page;
}

interface PageScan {
  /** The search's own result cards (suggested ones left out). */
  cards: DomElement[];
  marker: boolean;
  /** The "no suitable job" box is shown. */
  noResults: boolean;
  paginate: DomElement | undefined;
  next: DomElement | undefined;
  nextDisabled: boolean;
}

function scanPage(root: { children: DomElement["children"] } | undefined): PageScan {
  const found: PageScan = {
    cards: [],
    marker: false,
    noResults: false,
    paginate: undefined,
    next: undefined,
    nextDisabled: false,
  };
  if (root === undefined) return found;
  walkElements(root, (element) => {
    const attribs = element.attribs;
    if (element.name === "div" && hasClass(element, "job-item-search-result")) {
      if (!SUGGESTED_BOX.test(attribs["data-box"] ?? "")) found.cards.push(element);
      return false; // a card holds no other card, nor the pagination
    }
    if (hasClass(element, NO_RESULTS_BOX) && isShown(element)) found.noResults = true;
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

/** Not hidden by its own style or a hiding class (the page's scripts show and hide the "no results" box). */
function isShown(element: DomElement): boolean {
  const style = (element.attribs.style ?? "").toLowerCase().replace(/\s+/g, "");
  return !style.includes("display:none") && !hasClass(element, "hidden") && !hasClass(element, "d-none");
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
