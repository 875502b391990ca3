import { type BoardPosting, generatePosting } from "./posting";
import { hash32 } from "./prng";
import { KEYWORD_SLUG } from "./text";

/**
 * Which postings the board lists under which keyword, on which page. Everything is derived from the seed:
 * - keyword k lists positions q = 0, 1, 2, ... (page p holds q in [(p-1)·cardsPerPage, p·cardsPerPage));
 * - one position in every ten is a *shared* posting, id 100000 + ⌊q/10⌋, so every two keywords list some of the same
 *   postings (same data-job-id), as the real site does; the other positions hold ids private to the keyword;
 * - the last page holds fewer cards (up to 7 fewer, like the real "43 cards on page 112 of 112").
 */
export interface BoardCard {
  external_id: string;
  /** Canonical absolute URL, without the tracking parameters the card link carries. */
  url: string;
  title: string;
  company: string;
  company_url: string;
  salary_text: string;
  location_text: string;
  experience: string;
  /** Every tag: three shown as links, the fourth cut ("Bán lẻ -..."), all from the fourth on in the "+n" tooltip. */
  tags: string[];
  logo_url: string;
  updated_label: string;
  /** Where the board showed it: keyword, page (1-based) and index on the page (0-based). */
  keyword: string;
  page: number;
  index: number;
}

export interface CatalogOptions {
  seed: number;
  origin: string;
  pagesPerKeyword: number | ((keyword: string) => number);
  cardsPerPage: number;
  hostileShare: number;
}

/** Deeper than `max_pages`' old ceiling of 100, like TopCV's broad searches (112 pages and more). */
export const MAX_PAGES_PER_KEYWORD = 250;
export const MAX_CARDS_PER_PAGE = 100;
/** Positions per keyword (pages × cards per page at most): ids stay the same whatever the depth. */
export const MAX_CARDS_PER_KEYWORD = 10_000;
const PRIVATE_SPAN = MAX_CARDS_PER_KEYWORD;
const SHARED_BASE = 100_000;
const PRIVATE_BASE = 1_000_000;
const PRIVATE_SLOTS = 20_000;

export class Catalog {
  private readonly postings = new Map<number, BoardPosting>();

  constructor(private readonly options: CatalogOptions) {}

  /** How many pages keyword `keyword` has (0 = no results). */
  pageCount(keyword: string): number {
    const { pagesPerKeyword } = this.options;
    const raw = typeof pagesPerKeyword === "number" ? pagesPerKeyword : pagesPerKeyword(keyword);
    if (!Number.isInteger(raw) || raw < 0 || raw > MAX_PAGES_PER_KEYWORD) {
      throw new RangeError(
        `pagesPerKeyword("${keyword}") must be an integer from 0 to ${MAX_PAGES_PER_KEYWORD}, got ${raw}`,
      );
    }
    if (raw * this.options.cardsPerPage > PRIVATE_SPAN) {
      throw new RangeError(
        `pagesPerKeyword("${keyword}") × cardsPerPage must be at most ${PRIVATE_SPAN}, got ${raw} × ${this.options.cardsPerPage}`,
      );
    }
    return raw;
  }

  /** How many cards page `page` of `keyword` shows (0 past the last page). */
  cardCount(keyword: string, page: number): number {
    const pages = this.pageCount(keyword);
    if (page < 1 || page > pages) return 0;
    const { cardsPerPage } = this.options;
    if (page < pages) return cardsPerPage;
    const fewer = hash32(this.options.seed, `last:${keyword}`) % Math.min(8, cardsPerPage);
    return cardsPerPage - fewer;
  }

  /** The posting id at position q of a keyword's results. */
  idAt(keyword: string, q: number): number {
    const h = hash32(this.options.seed, `keyword:${keyword}`);
    if ((q + h) % 10 === 0) return SHARED_BASE + Math.floor(q / 10);
    return PRIVATE_BASE + (h % PRIVATE_SLOTS) * PRIVATE_SPAN + q;
  }

  /** Ids shown on one page, in order. */
  idsOn(keyword: string, page: number): number[] {
    const count = this.cardCount(keyword, page);
    const start = (page - 1) * this.options.cardsPerPage;
    return Array.from({ length: count }, (_, i) => this.idAt(keyword, start + i));
  }

  /** Whether the board ever lists this id (detail pages of other ids answer 404). */
  isKnownId(id: number): boolean {
    if (!Number.isInteger(id)) return false;
    if (id >= SHARED_BASE && id < SHARED_BASE + PRIVATE_SPAN / 10) return true;
    return id >= PRIVATE_BASE && id < PRIVATE_BASE + PRIVATE_SLOTS * PRIVATE_SPAN;
  }

  posting(id: number): BoardPosting {
    let posting = this.postings.get(id);
    if (!posting) {
      posting = generatePosting(id, this.options);
      if (this.postings.size > 50_000) this.postings.clear();
      this.postings.set(id, posting);
    }
    return posting;
  }

  cardsOn(keyword: string, page: number): BoardCard[] {
    return this.idsOn(keyword, page).map((id, index) => toCard(this.posting(id), keyword, page, index));
  }

  /** Every card of a keyword, in page order, up to `maxPages` pages. */
  expectedCards(keyword: string, maxPages = MAX_PAGES_PER_KEYWORD): BoardCard[] {
    if (!KEYWORD_SLUG.test(keyword)) throw new RangeError(`"${keyword}" is not a keyword slug (a-z, 0-9, hyphens)`);
    const last = Math.min(maxPages, this.pageCount(keyword));
    const cards: BoardCard[] = [];
    for (let page = 1; page <= last; page++) cards.push(...this.cardsOn(keyword, page));
    return cards;
  }
}

function toCard(p: BoardPosting, keyword: string, page: number, index: number): BoardCard {
  return {
    external_id: p.external_id,
    url: p.url,
    title: p.title,
    company: p.company,
    company_url: p.company_url,
    salary_text: p.salary_text,
    location_text: p.location_text,
    experience: p.experience,
    tags: p.tags,
    logo_url: p.logo_url,
    updated_label: p.updated_label,
    keyword,
    page,
    index,
  };
}
