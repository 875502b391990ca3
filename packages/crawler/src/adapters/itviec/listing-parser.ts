import type { CheerioAPI } from "cheerio/slim";
import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { type ListingCard, type ListingPage, type Pagination, ParseError, type SkippedCard } from "../adapter";
import { absoluteUrl, attrOf, loadHtml, type Selection, textOf, textOrNull } from "../html-document";
import { itviecJobLink, withoutQuery } from "./urls";

/**
 * An ITviec listing page (a search `/it-jobs/<keyword>` or a company page `/companies/<slug>`) → cards. On a search
 * page only the cards of its result list (`.card-jobs-list`) are results: jobs suggested elsewhere on the page
 * ("More jobs for you") are not; a search whose headline counts 0 jobs ("0 IT jobs in Vietnam") is a page with no
 * results (`noResults`, last page), whatever it suggests instead. Each
 * `.job-card` gives the title (`h3`), the link (`h3 a@href`, or `h3@data-url` on search pages) whose slug is the id,
 * the company (the `/companies/` link with text), the salary (`.salary`; "Sign in to view salary" is kept as shown,
 * the normaliser makes it unknown), the location (`div[title]` after the map pin), the work mode and the skill tags.
 * A challenge page throws BlockedError; a page that is neither ITviec nor has cards throws ParseError.
 */
export function parseItviecListing(html: string, pageUrl: string): ListingPage {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(pageUrl, challenge);
  const $ = loadHtml(html);
  const all = $(".job-card").toArray();
  if (all.length === 0 && !looksLikeItviec($)) {
    throw new ParseError("not an ITviec listing page: no .job-card and no ITviec page markers", pageUrl);
  }
  const noResults = headlineCount($) === 0;
  const resultList = $(".card-jobs-list");
  const elements = noResults ? [] : resultList.length > 0 ? resultList.find(".job-card").toArray() : all;
  const cards: ListingCard[] = [];
  const skipped: SkippedCard[] = [];
  const seen = new Set<string>();
  for (const element of elements) {
    const read = readCard($, $(element), pageUrl);
    if ("reason" in read) skipped.push(read);
    else if (seen.has(read.external_id))
      skipped.push({ reason: "same id twice on the page", external_id: read.external_id });
    else {
      seen.add(read.external_id);
      cards.push(read);
    }
  }
  const pagination = readPagination($);
  const nextUrl = absoluteUrl($('a[rel="next"]').first().attr("href"), pageUrl);
  const isLastPage =
    cards.length === 0 || (pagination !== null ? pagination.current >= pagination.total : nextUrl === null);
  const page = { cards, pagination, nextUrl: isLastPage ? null : nextUrl, isLastPage, skipped };
  return noResults ? { ...page, noResults: true } : page;
}

/** The number of jobs a search page's headline counts ("765 IT jobs in Vietnam", "1.234 việc làm"); null if none. */
function headlineCount($: CheerioAPI): number | null {
  const headline = textOf($(".headline-total-jobs").first()) || textOf($("h1").first());
  const match = /^(\d[\d.,]*)\s+(?:.*\s)?(?:jobs?|viec lam|việc làm)(?:\s|$)/i.exec(headline);
  return match?.[1] === undefined ? null : Number(match[1].replace(/[.,]/g, ""));
}

function looksLikeItviec($: CheerioAPI): boolean {
  const title = $("title").first().text();
  return /itviec/i.test(title) || $('meta[property="og:site_name"][content*="ITviec" i]').length > 0;
}

function readCard($: CheerioAPI, card: Selection, pageUrl: string): ListingCard | SkippedCard {
  const heading = card.find("h3").first();
  const href =
    attrOf(heading.find("a[href]").first(), "href") ??
    attrOf(heading, "data-url") ??
    attrOf(card, "data-search--job-selection-job-url-value");
  const link = href ? itviecJobLink(href, pageUrl) : null;
  const slugAttr = attrOf(card, "data-search--job-selection-job-slug-value");
  const externalId = slugAttr ?? link?.slug ?? null;
  const title = textOf(heading);
  if (externalId === null || link === null) return { reason: "no job link", external_id: externalId };
  if (title === "") return { reason: "no title", external_id: externalId };

  const companyLink = card
    .find('a[href*="/companies/"]')
    .toArray()
    .map((a) => $(a))
    .find((a) => textOf(a) !== "");
  const salaryText = textOrNull(card.find(".salary").first());
  const mode = card
    .find("div.text-rich-grey:not([title])")
    .toArray()
    .map((el) => textOf($(el)))
    .find((t) => /^(at office|hybrid|remote)$/i.test(t));
  const tags = card
    .find(".itag")
    .toArray()
    .map((el) => textOf($(el)))
    .filter((t) => t !== "");
  const posted = textOrNull(card.find("span.small-text").first());
  return {
    external_id: externalId,
    url: link.url,
    title,
    company: companyLink ? textOf(companyLink) : null,
    company_url: companyLink ? withoutQuery(attrOf(companyLink, "href"), pageUrl) : null,
    salary_text: salaryText,
    location_text: attrOf(card.find("div[title]").first(), "title"),
    experience: null,
    tags: [...new Set([...(mode ? [mode] : []), ...tags])],
    logo_url: absoluteUrl(attrOf(card.find("img").first(), "data-src", "src"), pageUrl),
    updated_label: posted && /posted|đăng|ago|trước/i.test(posted) ? posted : null,
  };
}

/** Search pages: the highest page number among the pagination links and the current (active) one. */
function readPagination($: CheerioAPI): Pagination | null {
  const numbers = $(".pagination a, .pagination span, .page-item a, .page-item span")
    .toArray()
    .map((el) => Number(textOf($(el))))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (numbers.length === 0) return null;
  const active = Number(textOf($(".pagination .active, .page-item.active").first()));
  const total = Math.max(...numbers);
  return { current: Number.isInteger(active) && active > 0 ? active : 1, total };
}
