import type { CssConfig, CssListingSelectors } from "@jobsync/contracts";
import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import type { ListingCard, ListingPage, SkippedCard } from "../adapter";
import { absoluteUrl, loadHtml } from "../html-document";
import { canonicalLink, idFromUrl } from "./css-urls";
import { type CompiledSelector, compileSelector, readIn, selectIn } from "./selector-reader";

type ListingKey = keyof CssListingSelectors;

/** Listing selectors compiled once per config. */
export type CompiledListing = { [K in ListingKey]?: CompiledSelector } & {
  card: CompiledSelector;
  title: CompiledSelector;
  link: CompiledSelector;
};

export function compileListing(selectors: CssListingSelectors): CompiledListing {
  const out: Partial<Record<ListingKey, CompiledSelector>> = {};
  for (const [key, value] of Object.entries(selectors) as Array<[ListingKey, string | undefined]>) {
    if (value !== undefined) out[key] = compileSelector(value);
  }
  return out as CompiledListing;
}

/** A parsed page with, per configured selector, how many cards (or pages, for next_page) it matched in. */
export interface CssListingResult extends ListingPage {
  cardCount: number;
  matches: Partial<Record<ListingKey, number>>;
}

/**
 * A listing page read with the configured selectors. Each `card` element gives a title (text), a link (`@href`
 * unless another attribute is named), an id (`selectors.id`, else the link's path), company, salary and location.
 * `next_page` (applied to the page) tells whether there is a next page. `no_results` (applied to the page), when it
 * matches, makes the page one with no results: no cards (what is listed is suggestions), the last page,
 * `noResults`. A challenge page throws BlockedError.
 */
export function parseCssListing(
  html: string,
  pageUrl: string,
  compiled: CompiledListing,
  config: Pick<CssConfig, "drop_query_params" | "page_url_template">,
): CssListingResult {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(pageUrl, challenge);
  const $ = loadHtml(html);
  const root = $.root();
  const matches: Partial<Record<ListingKey, number>> = {};
  const count = (key: ListingKey) => {
    matches[key] = (matches[key] ?? 0) + 1;
  };
  const noResults = compiled.no_results !== undefined && selectIn(root, compiled.no_results).length > 0;
  if (noResults) count("no_results");
  const cardElements = noResults ? [] : selectIn(root, compiled.card).toArray();
  if (cardElements.length > 0) count("card");
  const cards: ListingCard[] = [];
  const skipped: SkippedCard[] = [];
  const seen = new Set<string>();
  for (const element of cardElements) {
    const card = $(element);
    const read = (key: Exclude<ListingKey, "card" | "next_page" | "no_results">, attribute: string | null = null) => {
      const selector = compiled[key];
      if (selector === undefined) return null;
      const value = readIn(card, selector, attribute);
      if (value !== null) count(key);
      return value;
    };
    const title = read("title");
    const href = read("link", "href");
    const url = href === null ? null : canonicalLink(href, pageUrl, config.drop_query_params);
    const ownId = read("id");
    const company = read("company");
    const salary = read("salary");
    const location = read("location");
    const externalId = ownId ?? (url ? idFromUrl(url) : null);
    if (url === null) {
      skipped.push({ reason: href === null ? "no link" : "link is not an http(s) URL", external_id: externalId });
      continue;
    }
    if (title === null) {
      skipped.push({ reason: "no title", external_id: externalId });
      continue;
    }
    const id = externalId ?? idFromUrl(url);
    if (seen.has(id)) {
      skipped.push({ reason: "same id twice on the page", external_id: id });
      continue;
    }
    seen.add(id);
    cards.push({
      external_id: id,
      url,
      title,
      company,
      company_url: null,
      salary_text: salary,
      location_text: location,
      experience: null,
      tags: [],
      logo_url: null,
      updated_label: null,
    });
  }
  let nextUrl: string | null = null;
  let hasNext = config.page_url_template !== undefined;
  if (compiled.next_page) {
    const next = selectIn(root, compiled.next_page).first();
    hasNext = next.length > 0;
    if (hasNext) {
      count("next_page");
      nextUrl = absoluteUrl(readIn(root, compiled.next_page, "href"), pageUrl);
    }
  }
  const isLastPage = noResults || cards.length === 0 || !hasNext;
  return {
    ...(noResults ? { noResults: true } : {}),
    cards,
    pagination: null,
    nextUrl: isLastPage ? null : nextUrl,
    isLastPage,
    skipped,
    cardCount: cardElements.length,
    matches,
  };
}
