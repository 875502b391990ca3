import { type ListingPage, ParseError } from "../../src/adapters/adapter";
import { type DomElement, hasClass, walkElements } from "../../src/adapters/dom-walk";
import { absoluteUrl, parsePage, textContent } from "../../src/adapters/html-document";
import { readListingCards } from "../../src/adapters/topcv/listing-card";
import { readPagination } from "../../src/adapters/topcv/listing-parser";
import { detectChallenge } from "../../src/fetch/challenge";
import { BlockedError } from "../../src/fetch/errors";
import { collapseSpaces } from "../../src/normalize/text";

/** Any of these classes proves the page is a TopCV search page, even with no cards (a page past the end). */
const LISTING_MARKERS = ["job-list-search-result", "box-job-list", "none-suitable-job"];
/** The "no suitable job" box: on every search page, hidden (`display: none`) unless the search matched nothing. */
const NO_RESULTS_BOX = "none-suitable-job";
/** Cards TopCV suggests instead of results ("Việc làm có thể bạn sẽ quan tâm": `data-box="SuggestJobBoxNoResult"`). */
const SUGGESTED_BOX = /suggest|recommend/i;

/**
 * The TopCV listing parser as it was before listing-scan.ts (a whole DOM of the page, then one walk of it): the
 * oracle the scanning parser must agree with, card for card, on every page the tests give both.
 */
export function parseTopcvListingOracle(html: string, pageUrl: string): ListingPage {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(pageUrl, challenge);
  const found = scanPageOracle(html);

  const { cards, skipped } = readListingCards(found.noResults ? [] : found.cards, pageUrl);
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

export interface PageScan {
  /** The search's own result cards (suggested ones left out). */
  cards: DomElement[];
  marker: boolean;
  /** The "no suitable job" box is shown. */
  noResults: boolean;
  paginate: DomElement | undefined;
  next: DomElement | undefined;
  nextDisabled: boolean;
}

/** The old walk of the whole DOM of the page. */
export function scanPageOracle(html: string): PageScan {
  const root = parsePage(html).document;
  const found: PageScan = {
    cards: [],
    marker: false,
    noResults: false,
    paginate: undefined,
    next: undefined,
    nextDisabled: false,
  };
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
