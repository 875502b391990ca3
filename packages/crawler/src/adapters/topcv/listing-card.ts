import { collapseSpaces } from "../../normalize/text";
import type { ListingCard, SkippedCard } from "../adapter";
import { ClassIndex, type DomElement, findFirst, hasClass } from "../dom-walk";
import { absoluteUrl, fragmentText, textContent } from "../html-document";
import { canonicalJobUrl } from "./urls";

/**
 * One `div.job-item-search-result` card → ListingCard (raw text, nothing normalised), or the reason it was
 * skipped. Titles and company names come from the tooltip attribute when the board truncated the visible text.
 * Reads the card through one class index instead of a dozen selector queries (see dom-walk.ts).
 */
const CARD_CLASSES = new Set([
  "title",
  "company",
  "company-name",
  "avatar",
  "title-salary",
  "city-text",
  "address",
  "exp",
  "tag",
  "label-update",
]);

export function readListingCard(card: DomElement, pageUrl: string): ListingCard | SkippedCard {
  const text = (element: DomElement | undefined): string | null => {
    if (element === undefined) return null;
    const value = collapseSpaces(textContent(element));
    return value === "" ? null : value;
  };
  const externalId = attr(card, "data-job-id");
  if (externalId === null) return { reason: "card has no data-job-id", external_id: null };
  const index = new ClassIndex(card, CARD_CLASSES);
  const link = findFirst(index.first("title", "h3"), (e) => e.name === "a");
  const titleSpan = findFirst(link, (e) => e.name === "span");
  const title = attr(titleSpan, "data-original-title", "title") ?? text(titleSpan) ?? text(link);
  if (title === null) return { reason: "card has no title", external_id: externalId };
  const url = canonicalJobUrl(attr(link, "href"), pageUrl);
  if (url === null) return { reason: "card has no http(s) link to its job posting", external_id: externalId };

  const companyLink = index.first("company", "a");
  const companyName = findFirst(companyLink, (e) => hasClass(e, "company-name"));
  const experience = index.first("exp", "label");
  const avatar = findFirst(index.first("avatar"), (e) => e.name === "img");
  const updated = index.first("label-update");
  const address = index.all("address").find((e) => e !== updated);
  const places = readPlaces(attr(address, "data-original-title", "title"));
  return {
    external_id: externalId,
    url,
    title,
    company: attr(companyName, "data-original-title", "title") ?? text(companyName) ?? text(companyLink),
    company_url: absoluteUrl(attr(companyLink, "href"), pageUrl),
    salary_text: text(index.first("title-salary")),
    location_text: text(index.first("city-text")) ?? text(address),
    ...(places.length > 0 ? { locations: places } : {}),
    experience: text(findFirst(experience, (e) => e.name === "span")) ?? text(experience),
    tags: readTags(index.first("tag"), text),
    logo_url: absoluteUrl(attr(avatar, "data-src", "src"), pageUrl),
    updated_label: text(updated) ?? attr(updated, "data-original-title", "title"),
  };
}

export function isSkipped(value: ListingCard | SkippedCard): value is SkippedCard {
  return "reason" in value;
}

/** The first of the attributes that holds non-blank text, collapsed. */
function attr(element: DomElement | undefined, ...names: string[]): string | null {
  if (element === undefined) return null;
  for (const name of names) {
    const value = element.attribs[name];
    if (value !== undefined) {
      const clean = collapseSpaces(value);
      if (clean !== "") return clean;
    }
  }
  return null;
}

/**
 * The places of the location tooltip, one per line: `<p …>Hồ Chí Minh: Quận 12<br/>Đà Nẵng: Hải Châu</p>` →
 * ["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu"] (the card itself may show "Hồ Chí Minh & 1 nơi khác").
 */
function readPlaces(tooltip: string | null): string[] {
  if (tooltip === null) return [];
  const places: string[] = [];
  for (const line of tooltip.split(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/i)) {
    const place = collapseSpaces(fragmentText(line));
    if (place !== "" && !places.includes(place)) places.push(place);
  }
  return places;
}

/**
 * Tags shown on the card. The board cuts long tags ("Bán lẻ -...") and hides the rest behind "+N", whose
 * tooltip lists them in full, comma-separated: cut tags are dropped and the tooltip's are added.
 */
function readTags(box: DomElement | undefined, text: (element: DomElement | undefined) => string | null): string[] {
  if (box === undefined) return [];
  const index = new ClassIndex(box);
  const tags: string[] = [];
  const add = (tag: string) => {
    const clean = collapseSpaces(tag);
    if (clean !== "" && !tags.includes(clean)) tags.push(clean);
  };
  for (const item of index.all("item-tag")) {
    const value = text(item);
    if (value !== null && !/(?:\.\.\.|…)$/.test(value)) add(value);
  }
  const hidden = attr(index.first("remaining-items"), "data-original-title", "title");
  if (hidden !== null) for (const tag of hidden.split(/,\s+/)) add(tag);
  return tags;
}

/** The cards of a page read in order: a card that cannot be read, or whose id came earlier on the page, is skipped. */
export function readListingCards(
  elements: readonly DomElement[],
  pageUrl: string,
): { cards: ListingCard[]; skipped: SkippedCard[] } {
  const cards: ListingCard[] = [];
  const skipped: SkippedCard[] = [];
  const seen = new Set<string>();
  for (const element of elements) {
    const card = readListingCard(element, pageUrl);
    if (isSkipped(card)) skipped.push(card);
    else if (seen.has(card.external_id))
      skipped.push({ reason: "same id twice on the page", external_id: card.external_id });
    else {
      seen.add(card.external_id);
      cards.push(card);
    }
  }
  return { cards, skipped };
}
