import { readFile } from "node:fs/promises";
import { SOURCE_KINDS, type SourceKind } from "@jobsync/contracts";
import { type ListingCard, ParseError, type PostingDraft, type SiteAdapter } from "../adapters/adapter";
import { absoluteUrl, attrOf, loadHtml } from "../adapters/html-document";
import { InvalidPostingError } from "../adapters/invalid-posting-error";
import { adapterFor } from "../adapters/registry";
import { readWarcResponse, scanWarc, type WarcEntry } from "../archive/warc-reader";
import { decodeBody } from "../fetch/charset";
import { dateOption, type ParsedArgs, parseArgs } from "./args";
import { type CliIo, UsageError } from "./cli-io";

export const PARSE_USAGE = `usage: parse --adapter <${SOURCE_KINDS.join("|")}> --page <listing|detail> [options] FILE.html
       parse --adapter <kind> --page <listing|detail> --warc FILE.warc.gz --url URL

Parse a saved page with a site adapter and print the job postings it holds, normalised, as JSON:
one object per line for a listing page, one object for a detail page.

options:
  --adapter KIND        site adapter: ${SOURCE_KINDS.join(", ")}
  --page TYPE           listing (a search result page) or detail (one job posting)
  --url URL             the page's URL, to resolve relative links (default: the page's canonical link,
                        else the board's home page)
  --crawled-at TIME     ISO date-time that relative dates ("2 ngày trước") are counted from (default: now)
  --warc FILE           read the page from a sync job's page archive (WARC) instead: the response archived for --url
  -h, --help            this help`;

const PAGE_TYPES = ["listing", "detail"] as const;
type PageType = (typeof PAGE_TYPES)[number];

/** `parse --adapter topcv --page listing FILE.html`. Returns the exit code: 0, or 1 with a message on stderr. */
export async function parseCommand(args: readonly string[], io: CliIo): Promise<number> {
  let request: ParseRequest;
  try {
    const parsed = parseArgs(args, ["adapter", "page", "url", "crawled-at", "warc"]);
    if (parsed.help) {
      io.stdout(PARSE_USAGE);
      return 0;
    }
    request = readRequest(parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}`);
    io.stderr(PARSE_USAGE);
    return 1;
  }
  let html: string;
  try {
    html = request.warc ? await readArchived(request.file, request.url ?? "") : await readFile(request.file, "utf8");
  } catch (error) {
    io.stderr(`error: cannot read ${request.file}: ${readFailure(error)}`);
    return 1;
  }
  try {
    return request.page === "listing" ? printListing(html, request, io) : printDetail(html, request, io);
  } catch (error) {
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** The page archived for `url` in a WARC file (the latest response record of that URL), decoded as fetched. */
async function readArchived(file: string, url: string): Promise<string> {
  let found: WarcEntry | null = null;
  const scan = await scanWarc(file, (entry) => {
    if (entry.type === "response" && (entry.url === url || entry.requestedUrl === url)) found = entry;
  });
  if (!found) {
    const damaged = scan.damage ? ` (it is damaged at offset ${scan.damage.offset}: ${scan.damage.reason})` : "";
    throw new Error(`${url} is not in the archive${damaged}`);
  }
  const stored = await readWarcResponse(file, found);
  if (stored.status < 200 || stored.status >= 300) throw new Error(`${url} was archived with HTTP ${stored.status}`);
  return decodeBody(stored.payload, stored.headers["content-type"]).text;
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

interface ParseRequest {
  adapter: SiteAdapter;
  page: PageType;
  file: string;
  url: string | null;
  crawledAt: Date;
  /** `file` is a WARC archive and the page is its response for `url`. */
  warc: boolean;
}

function readRequest(parsed: ParsedArgs): ParseRequest {
  const kind = parsed.options.get("adapter");
  if (kind === undefined) throw new UsageError(`missing --adapter (one of: ${SOURCE_KINDS.join(", ")})`);
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown adapter "${kind}": known adapters are ${SOURCE_KINDS.join(", ")}`);
  }
  const page = parsed.options.get("page");
  if (page === undefined) throw new UsageError("missing --page (listing or detail)");
  if (!(PAGE_TYPES as readonly string[]).includes(page)) {
    throw new UsageError(`unknown page type "${page}": use listing or detail`);
  }
  const warc = parsed.options.get("warc");
  const [file = warc, ...extra] = parsed.positionals;
  if (warc !== undefined && parsed.positionals.length > 0) {
    throw new UsageError("give either --warc FILE.warc.gz or FILE.html, not both");
  }
  if (file === undefined) throw new UsageError("missing FILE: the saved HTML page to parse");
  if (extra.length > 0) throw new UsageError(`give one FILE, got ${parsed.positionals.length}`);
  const url = parsed.options.get("url") ?? null;
  if (url !== null && !/^https?:\/\/[^/\s]+/i.test(url))
    throw new UsageError(`--url must be an http(s) URL, got "${url}"`);
  if (warc !== undefined && url === null) throw new UsageError("--warc needs --url: the page to read from the archive");
  return {
    adapter: adapterFor(kind as SourceKind),
    page: page as PageType,
    file,
    url,
    crawledAt: dateOption(parsed, "crawled-at"),
    warc: warc !== undefined,
  };
}

/**
 * Where a saved page is read from: --url, else the page's canonical link; without either, links resolve against
 * the board's home page, but an error names the file, never the home page (it is not the page's address).
 */
function pageLocation(html: string, request: ParseRequest): { url: string; named: string } {
  if (request.url !== null) return { url: request.url, named: request.url };
  const canonical = absoluteUrl(attrOf(loadHtml(html)('link[rel="canonical"]').first(), "href"), "http://localhost/");
  if (canonical !== null) return { url: canonical, named: canonical };
  return { url: request.adapter.homeUrl ?? "http://localhost/", named: request.file };
}

/** Runs a parser; a ParseError names the page where it is (its URL, or the file), not the link base. */
function parsed<T>(parse: (url: string) => T, where: { url: string; named: string }): T {
  try {
    return parse(where.url);
  } catch (error) {
    if (error instanceof ParseError) throw new Error(`${error.reason} (${where.named})`, { cause: error });
    throw error;
  }
}

function printListing(html: string, request: ParseRequest, io: CliIo): number {
  const { adapter } = request;
  const page = parsed((url) => adapter.parseListing(html, url), pageLocation(html, request));
  let printed = 0;
  for (const card of page.cards) {
    const draft = draftOrReport(adapter, card, null, request.crawledAt, io);
    if (draft) {
      io.stdout(JSON.stringify(ordered(draft)));
      printed++;
    }
  }
  for (const skipped of page.skipped ?? []) {
    io.stderr(`skipped card${skipped.external_id ? ` ${skipped.external_id}` : ""}: ${skipped.reason}`);
  }
  const where = page.pagination ? `page ${page.pagination.current} / ${page.pagination.total}` : "a page";
  const next = page.nextUrl ? `; next: ${page.nextUrl}` : "";
  const none = page.noResults ? "; the search has no results (what the page lists are suggestions)" : "";
  io.stderr(`${printed} job postings from ${where}; last page: ${page.isLastPage ? "yes" : "no"}${next}${none}`);
  return 0;
}

function printDetail(html: string, request: ParseRequest, io: CliIo): number {
  const { adapter } = request;
  if (!adapter.parseDetail) throw new Error(`the ${adapter.kind} adapter reads no detail pages`);
  const parseDetail = adapter.parseDetail.bind(adapter);
  const detail = parsed((url) => parseDetail(html, url), pageLocation(html, request));
  // Without --url the page must name itself (a canonical link with the job posting's id).
  const url = request.url ?? (detail.external_id ? detail.url : null) ?? null;
  if (url === null) throw new Error("the page has no canonical URL: give its URL with --url");
  const card: ListingCard = {
    external_id: detail.external_id ?? "",
    url,
    title: detail.title ?? "",
    company: detail.company_name,
    company_url: detail.company_url,
    salary_text: detail.salary_text,
    location_text: null,
    experience: detail.experience,
    tags: [],
    logo_url: detail.logo_url ?? null,
    updated_label: null,
  };
  const draft = draftOrReport(adapter, card, detail, request.crawledAt, io);
  if (!draft) return 1;
  io.stdout(JSON.stringify(ordered(draft)));
  return 0;
}

function draftOrReport(
  adapter: SiteAdapter,
  card: ListingCard,
  detail: Parameters<SiteAdapter["toDraft"]>[1],
  crawledAt: Date,
  io: CliIo,
): PostingDraft | null {
  try {
    return adapter.toDraft(card, detail, { crawledAt });
  } catch (error) {
    if (!(error instanceof InvalidPostingError)) throw error;
    io.stderr(`skipped job posting${card.external_id ? ` ${card.external_id}` : ""}: ${error.reason}`);
    return null;
  }
}

/** The identifying fields first, as the CLI spec lists them, then the rest. */
function ordered(draft: PostingDraft): Record<string, unknown> {
  const { external_id, url, title, company, salary, locations, ...rest } = draft;
  return { external_id, url, title, company, salary, locations, ...rest };
}
