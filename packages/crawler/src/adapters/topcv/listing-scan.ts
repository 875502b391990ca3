import { DomHandler, type Element } from "domhandler";
import { type Handler, Parser } from "htmlparser2";
import { classListHas } from "../dom-walk";
import { PARSER_OPTIONS, refuseDepth } from "../html-document";

/** Any of these classes proves the page is a TopCV search page, even with no cards (a page past the end). */
const LISTING_MARKERS = ["job-list-search-result", "box-job-list", "none-suitable-job"];
/** The "no suitable job" box: on every search page, hidden (`display: none`) unless the search matched nothing. */
const NO_RESULTS_BOX = "none-suitable-job";
/** Cards TopCV suggests instead of results ("Việc làm có thể bạn sẽ quan tâm": `data-box="SuggestJobBoxNoResult"`). */
const SUGGESTED_BOX = /suggest|recommend/i;
const CARD_CLASS = "job-item-search-result";
const PAGINATE_ID = "job-listing-paginate-text";

/** What a TopCV search page holds, as its listing parser reads it. */
export interface ListingScan {
  /** The search's own result cards (suggested ones left out), each a detached element (no parent, no siblings). */
  cards: Element[];
  marker: boolean;
  /** The "no suitable job" box is shown. */
  noResults: boolean;
  /** The text of the first `#job-listing-paginate-text` (everything under it), or null when there is none. */
  paginateText: string | null;
  /** The attributes of the first `a[rel=next]`. */
  nextAttribs: Record<string, string> | undefined;
  /** A `li.disabled` whose aria-label says "next". */
  nextDisabled: boolean;
}

/**
 * Scan a TopCV search page as htmlparser2 reads it, building DOM nodes only for the result cards. About 90 % of a
 * listing page is scripts, styles and SVG outside the cards; a whole DOM of it was pure allocation (and garbage
 * collection) for the parse worker. Outside the cards only the depth is kept and each element's attributes are
 * tested, in document order; a card's events go to a DomHandler of its own until the card closes, so the card is
 * the element the whole DOM would hold (children, merged text, attributes). As in a walk of the whole DOM that does
 * not descend into cards, nothing inside a card (or a suggested card, which gets no nodes) counts as a marker, the
 * pagination or a next link. Throws PageTooComplexError past MAX_HTML_DEPTH, as parsePage does.
 */
export function scanListing(html: string): ListingScan {
  const scanner = new ListingScanner();
  new Parser(scanner, PARSER_OPTIONS).end(html);
  return scanner.found;
}

/**
 * htmlparser2's Parser closes what a tag implies and everything still open at the end, so a handler sees balanced
 * open and close events (but for a tag cut off by the end of the page, whose close comes alone: only closes follow).
 */
class ListingScanner implements Partial<Handler> {
  readonly found: ListingScan = {
    cards: [],
    marker: false,
    noResults: false,
    paginateText: null,
    nextAttribs: undefined,
    nextDisabled: false,
  };
  /** Elements open now. */
  private depth = 0;
  /** The depth of the card being read (its element's own), or 0 outside cards. */
  private cardDepth = 0;
  /** The tree of the card being read; null outside cards and in a suggested card. */
  private card: DomHandler | null = null;
  /** The depth of the pagination text's element while it is open, else 0. */
  private paginateDepth = 0;

  onopentag(name: string, attribs: Record<string, string>): void {
    refuseDepth(this.depth);
    this.depth++;
    if (this.cardDepth !== 0) {
      this.card?.onopentag(name, attribs);
      return;
    }
    const classes = attribs.class;
    if (name === "div" && classListHas(classes, CARD_CLASS)) {
      this.cardDepth = this.depth;
      if (!SUGGESTED_BOX.test(attribs["data-box"] ?? "")) {
        this.card = new DomHandler(undefined, PARSER_OPTIONS);
        this.card.onopentag(name, attribs);
      }
      return;
    }
    this.test(name, attribs, classes);
  }

  /** The checks of an element outside the cards; the first pagination text and next link win. */
  private test(name: string, attribs: Record<string, string>, classes: string | undefined): void {
    const found = this.found;
    if (classes !== undefined) {
      if (classListHas(classes, NO_RESULTS_BOX) && isShown(attribs)) found.noResults = true;
      if (!found.marker && LISTING_MARKERS.some((marker) => classListHas(classes, marker))) found.marker = true;
    }
    if (attribs.id === PAGINATE_ID) {
      if (found.paginateText === null) {
        found.paginateText = "";
        this.paginateDepth = this.depth;
      }
      found.marker = true;
    }
    if (name === "a" && attribs.rel === "next") found.nextAttribs ??= attribs;
    if (name === "li" && classListHas(classes, "disabled") && /next/i.test(attribs["aria-label"] ?? "")) {
      found.nextDisabled = true;
    }
  }

  onclosetag(): void {
    if (this.cardDepth !== 0) {
      this.card?.onclosetag();
      if (this.depth === this.cardDepth) this.endCard();
    }
    if (this.depth === this.paginateDepth) this.paginateDepth = 0;
    this.depth--;
  }

  private endCard(): void {
    const card = this.card?.root.children[0] as Element | undefined;
    if (card !== undefined) {
      card.parent = null;
      this.found.cards.push(card);
    }
    this.card = null;
    this.cardDepth = 0;
  }

  ontext(data: string): void {
    if (this.paginateDepth !== 0) this.found.paginateText += data;
    this.card?.ontext(data);
  }

  oncomment(data: string): void {
    this.card?.oncomment(data);
  }

  oncommentend(): void {
    this.card?.oncommentend();
  }

  oncdatastart(): void {
    this.card?.oncdatastart();
  }

  oncdataend(): void {
    this.card?.oncdataend();
  }

  onprocessinginstruction(name: string, data: string): void {
    this.card?.onprocessinginstruction(name, data);
  }

  onend(): void {
    // the parser has closed every element by now; a card cut off by a tag left open at the end still ends here
    if (this.cardDepth !== 0) this.endCard();
  }
}

/** Not hidden by its own style or a hiding class (the page's scripts show and hide the "no results" box). */
function isShown(attribs: Record<string, string>): boolean {
  const style = (attribs.style ?? "").toLowerCase().replace(/\s+/g, "");
  const classes = attribs.class;
  return !style.includes("display:none") && !classListHas(classes, "hidden") && !classListHas(classes, "d-none");
}
