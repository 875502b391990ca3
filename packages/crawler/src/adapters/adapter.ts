import type { ExperienceYears, Salary, SourceKind } from "@jobsync/contracts";

/** One job card on a listing page, as the board shows it (raw text, nothing normalised yet). */
export interface ListingCard {
  external_id: string;
  /** Canonical URL: absolute, tracking parameters removed. */
  url: string;
  title: string;
  company: string | null;
  company_url: string | null;
  salary_text: string | null;
  /** Location text as shown on the card, e.g. "Hà Nội" or "Hà Nội & 2 nơi khác". */
  location_text: string | null;
  /**
   * Every place, when the card lists them apart from the shown text (TopCV's tooltip: ["Hồ Chí Minh: Quận 12",
   * "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"]): used when the shown text hides places ("& 2 nơi khác").
   */
  locations?: string[];
  experience: string | null;
  tags: string[];
  logo_url: string | null;
  /** e.g. "Cập nhật 2 ngày trước". */
  updated_label: string | null;
  /** JSON APIs (Greenhouse, Lever) list whole postings: the detail comes with the card, no detail page is fetched. */
  detail?: JobDetail | null;
  /** An exact publication time (ISO) when the board gives one; wins over `updated_label`. */
  posted_at?: string | null;
  /** A salary the board gives in numbers (JSON APIs); wins over parsing `salary_text`, which is its raw text. */
  salary?: Salary | null;
}

export interface Pagination {
  current: number;
  total: number;
}

/** A card the parser could not read (no id, no title...): skipped and counted, never half-parsed. */
export interface SkippedCard {
  reason: string;
  /** The card's id when it had one. */
  external_id: string | null;
}

/**
 * A parsed listing page. Only the search's own results are cards: jobs the board suggests or promotes beside them
 * ("Việc làm có thể bạn sẽ quan tâm", "More jobs for you") never are.
 */
export interface ListingPage {
  cards: ListingCard[];
  pagination: Pagination | null;
  /** Absolute URL of the next page, or null. */
  nextUrl: string | null;
  isLastPage: boolean;
  /**
   * The board says the search matched nothing ("Chưa tìm thấy việc làm phù hợp", shown above suggested jobs): no
   * cards, last page, and the caller can report "no results for <keyword>". Absent or false otherwise.
   */
  noResults?: boolean;
  /** Cards left out, with the reason. Absent or empty when every card was read. */
  skipped?: SkippedCard[];
}

/** A parsed detail page (raw text; HTML sections not yet sanitised). */
export interface JobDetail {
  title: string | null;
  salary_text: string | null;
  /** Each location as shown, e.g. ["Hà Nội: Quận Nam Từ Liêm", "Hồ Chí Minh"]. */
  locations: string[];
  experience: string | null;
  level: string | null;
  deadline_text: string | null;
  description_html: string | null;
  requirements_html: string | null;
  benefits_html: string | null;
  working_time_html: string | null;
  tags: string[];
  company_name: string | null;
  company_url: string | null;
  company_size: string | null;
  company_address: string | null;
  /** The page's canonical URL and the board's id for the job posting, when the page says them. */
  url?: string | null;
  external_id?: string | null;
  logo_url?: string | null;
}

/** A normalised, sanitised job posting ready for Check Duplicates and Save Jobs. */
export interface PostingDraft {
  external_id: string;
  url: string;
  title: string;
  company: string | null;
  company_url: string | null;
  logo_url: string | null;
  salary: Salary;
  /** Locations as shown (raw), and canonical province names (34 provinces since 2025-07-01). */
  locations: string[];
  provinces: string[];
  /** "Hà Nội & 2 nơi khác" → 2. */
  extra_locations: number;
  experience: string | null;
  /** The years of experience `experience` asks for; null when it names none. */
  experience_years: ExperienceYears | null;
  level: string | null;
  /** ISO date yyyy-mm-dd. */
  deadline: string | null;
  /** ISO timestamp derived from the "updated N days ago" label, relative to the crawl time. */
  posted_at: string | null;
  tags: string[];
  description_html: string | null;
  requirements_html: string | null;
  benefits_html: string | null;
  working_time_html: string | null;
  company_size: string | null;
  company_address: string | null;
  /** sha256 hex of the posting's meaningful content; changes when the posting changes. */
  content_hash: string;
  /** Normalised title + company + first province, for "same content" across sources. */
  content_key: string;
  /** Stored columns cut to their maximum (POSTING_LIMITS) or dropped, e.g. ["description_html"]; empty if none. */
  truncated: string[];
}

/** One line of the crawl plan: a search (keyword) and how to reach its pages. */
export interface ListingTarget {
  /** Shown in step details, e.g. the keyword "python-developer". */
  label: string;
  /** URL of page `page` (1-based) of this search. */
  pageUrl(page: number): string;
  /** At most this many pages are crawled, even if the board has more. */
  maxPages: number;
}

export interface AdapterContext {
  /** The crawl time: relative dates ("2 ngày trước") are resolved against it. */
  crawledAt: Date;
}

/**
 * A site adapter knows one board. Pure functions of HTML (or JSON text): fetching is the fetcher's job.
 * Parsers throw `ParseError` on a page they cannot read; they never return half-parsed garbage silently.
 */
export interface SiteAdapter<Config = unknown> {
  readonly kind: SourceKind;
  /** The board's public home page: the base for relative links when no page URL is known (CLI). */
  readonly homeUrl?: string;
  /** URL fetched by Check Availability. */
  availabilityUrl(baseUrl: string, config: Config): string;
  /** The searches to crawl, built from the source config (Generate URLs). */
  listingTargets(baseUrl: string, config: Config): ListingTarget[];
  parseListing(body: string, pageUrl: string): ListingPage;
  /** Absent for boards whose listing already holds everything. */
  parseDetail?(body: string, url: string): JobDetail;
  /** Normalise and sanitise a card (and its detail page, when fetched) into a draft (Process Jobs). */
  toDraft(card: ListingCard, detail: JobDetail | null, context: AdapterContext): PostingDraft;
  /**
   * Adapters whose parsing depends on the source config (the no-code CSS source) build a configured adapter here;
   * the sync engine and the preview call it through `adapterForSource`. Absent: the adapter is the same for every
   * config.
   */
  configure?(config: Config): SiteAdapter<Config>;
}

/** A page that cannot be parsed: the step records it as a parse error with the URL. */
export class ParseError extends Error {
  readonly url: string;
  /** What is wrong with the page, without the URL. */
  readonly reason: string;
  constructor(message: string, url: string, options?: { cause?: unknown }) {
    super(`${message} (${url})`, options);
    this.name = "ParseError";
    this.url = url;
    this.reason = message;
  }
}
