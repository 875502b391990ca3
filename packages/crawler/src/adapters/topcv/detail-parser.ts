import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { collapseSpaces, foldText } from "../../normalize/text";
import { type JobDetail, ParseError } from "../adapter";
import {
  absoluteUrl,
  attrOf,
  descendants,
  ElementIndex,
  fragmentText,
  hasAncestorClass,
  hasClass,
  isElement,
  parsePage,
  textOf,
  textOrNull,
} from "../html-document";
import { type DetailFacts, factText, labelledText, readFacts } from "./detail-facts";
import { readSections, type Section, type SectionKey } from "./detail-sections";
import { type JobPostingLd, readJobPostingJsonLd } from "./json-ld";
import { canonicalJobUrl, externalIdFromUrl } from "./urls";

/**
 * A TopCV job detail page → JobDetail (raw text and unsanitised HTML sections). Reads the standard
 * `/viec-lam/<slug>/<id>.html` template by its classes and any template (brand pages included) by section
 * heading text. A challenge page throws BlockedError; a page with neither a job title nor any section, ParseError.
 */
export function parseTopcvDetail(html: string, url: string): JobDetail {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(url, challenge);
  const index = new ElementIndex(parsePage(html));
  const ld = lazyJsonLd(index);
  const facts = readFacts(index);
  const sections = readSections(index);
  const title =
    textOrNull(index.select("h1.job-detail__info--title", withClass(index, "job-detail__info--title")).first()) ??
    textOrNull(byClass(index, "premium-job-basic-information__content--title").first()) ??
    textOrNull(byClass(index, "job-detail__info--title").first()) ??
    ld()?.title ??
    null;
  if (title === null && sections.size === 0) {
    throw new ParseError("not a TopCV job detail page: no job title and no description sections", url);
  }

  const canonical = canonicalJobUrl(
    index
      .select(
        'link[rel="canonical"]',
        index.where((element) => element.name === "link" && "rel" in element.attribs),
      )
      .attr("href"),
    url,
  );
  const pageUrl = canonical ?? canonicalJobUrl(url, url);
  const company = readCompany(index, facts, ld, url);
  return {
    title,
    salary_text: factText(facts.job, "muc luong", "thu nhap", "luong"),
    locations: readLocations(index, facts, sections, ld),
    experience: factText(facts.job, "kinh nghiem"),
    level: factText(facts.job, "cap bac"),
    deadline_text: readDeadline(index, facts, ld),
    description_html: sections.get("description")?.html ?? null,
    requirements_html: sections.get("requirements")?.html ?? null,
    benefits_html: joinBenefits(sections),
    working_time_html: sections.get("working_time")?.html ?? null,
    tags: readTags(index),
    ...company,
    url: pageUrl,
    external_id: pageUrl ? externalIdFromUrl(pageUrl) : null,
  };
}

/** The JSON-LD JobPosting, parsed the first time a field falls back to it. */
function lazyJsonLd(index: ElementIndex): () => JobPostingLd | null {
  let ld: JobPostingLd | null | undefined;
  return () => {
    if (ld === undefined) ld = readJobPostingJsonLd(index);
    return ld;
  };
}

/** The elements whose class lists `token`, in document order. */
function withClass(index: ElementIndex, token: string) {
  return index.where((element) => hasClass(element, token));
}

/** `$(".token")`. */
function byClass(index: ElementIndex, token: string) {
  return index.$(withClass(index, token));
}

/** `$(".job-detail__company, .premium-job-company")`: the blocks brand pages write "Label: value" company facts in. */
function companyBlocks(index: ElementIndex) {
  return index.$(
    index.where((element) => hasClass(element, "job-detail__company") || hasClass(element, "premium-job-company")),
  );
}

function readCompany(index: ElementIndex, facts: DetailFacts, ld: () => JobPostingLd | null, url: string) {
  const link = index
    .select(
      ".job-detail__company--information-item.company-name a.name, .company-name-label a, .premium-job-company__name",
      index.where(
        (element) =>
          (element.name === "a" && (hasClass(element, "name") || hasAncestorClass(element, "company-name-label"))) ||
          hasClass(element, "premium-job-company__name"),
      ),
    )
    .first();
  const brandName = index
    .select(
      ".premium-job-header__company--info .company-content__title h1",
      index.where((element) => element.name === "h1" && hasAncestorClass(element, "company-content__title")),
    )
    .first();
  const logo = index
    .select(
      ".job-detail__company img, .premium-job-header__company img",
      index.where(
        (element) =>
          element.name === "img" &&
          (hasAncestorClass(element, "job-detail__company") ||
            hasAncestorClass(element, "premium-job-header__company")),
      ),
    )
    .first();
  return {
    company_name:
      attrOf(link, "data-original-title") ?? textOrNull(link) ?? textOrNull(brandName) ?? ld()?.companyName ?? null,
    company_url: absoluteUrl(link.attr("href"), url) ?? absoluteUrl(ld()?.companyUrl, url),
    company_size: factText(facts.company, "quy mo") ?? labelledText(companyBlocks(index), "quy mo"),
    company_address:
      factText(facts.company, "dia diem", "dia chi") ?? labelledText(companyBlocks(index), "dia chi", "dia diem"),
    logo_url: absoluteUrl(attrOf(logo, "data-src", "src"), url) ?? absoluteUrl(ld()?.logo, url),
  };
}

/** The "...và 1 địa điểm khác" / "Thu gọn" toggle under a long list of work places. */
const PLACES_TOGGLE = /^(?:(?:\.\.\.|…)\s*)?va \d+ dia diem khac$|^thu gon$|^xem them/;

/**
 * Each place as shown: the "Địa điểm làm việc" section's lines ("Hà Nội: Phường Tây Mỗ (quận Nam Từ Liêm cũ)"),
 * else the header tooltip's list ("Hà Nội: Quận Nam Từ Liêm"), else the header value ("Hà Nội").
 */
function readLocations(
  index: ElementIndex,
  facts: DetailFacts,
  sections: Map<SectionKey, Section>,
  ld: () => JobPostingLd | null,
): string[] {
  const section = sections.get("location");
  if (section) {
    const lines = htmlLines(section.html)
      .map((line) => line.replace(/^[-•+*–]\s*/, ""))
      .filter((line) => line !== "" && !PLACES_TOGGLE.test(foldText(line)));
    if (lines.length > 0) return lines;
  }
  const tooltip = attrOf(
    index
      .select(
        ".section-location [data-original-title], .section-location [title]",
        index.where(
          (element) =>
            ("data-original-title" in element.attribs || "title" in element.attribs) &&
            hasAncestorClass(element, "section-location"),
        ),
      )
      .first(),
    "data-original-title",
    "title",
  );
  if (tooltip !== null) {
    const items = [...tooltip.matchAll(/<li>([^<]*)<\/li>/g)]
      .map((m) => collapseSpaces(m[1] ?? ""))
      .filter((item) => item !== "");
    if (items.length > 0) return items;
  }
  const shown = factText(facts.job, "dia diem");
  if (shown !== null && !/^xem\b/.test(foldText(shown))) return [shown];
  const region = ld()?.region;
  return region ? [region] : [];
}

/** Lines of an HTML fragment: one per block element or <br>, entities decoded, blank lines dropped. */
function htmlLines(html: string): string[] {
  const marked = html.replace(/<br\s*\/?>|<\/(?:div|p|li|h[1-6]|tr)\s*>/gi, "$&\n");
  return fragmentText(marked)
    .split("\n")
    .map(collapseSpaces)
    .filter((line) => line !== "");
}

function readDeadline(index: ElementIndex, facts: DetailFacts, ld: () => JobPostingLd | null): string | null {
  return (
    textOrNull(byClass(index, "job-detail__info--deadline-date").first()) ??
    textOrNull(
      index.select(".premium-job-basic-information__deadline .deadline", withClass(index, "deadline")).first(),
    ) ??
    factText(facts.job, "han nop ho so", "han nop", "han ung tuyen") ??
    textOrNull(index.$(index.where((element) => element.attribs.class?.includes("deadline") === true)).first()) ??
    ld()?.validThrough ??
    null
  );
}

/** "Quyền lợi" first, then income, allowance and equipment sections, each under its own heading. */
function joinBenefits(sections: Map<SectionKey, Section>): string | null {
  const parts: string[] = [];
  const benefits = sections.get("benefits");
  if (benefits) parts.push(benefits.html);
  for (const key of ["income", "allowance", "equipment"] as const) {
    const extra = sections.get(key);
    if (extra) parts.push(`<h4>${escapeText(extra.heading)}</h4>${extra.html}`);
  }
  return parts.length > 0 ? parts.join("\n") : null;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The posting's field tags ("Chuyên môn") and skills: the tags under any heading "Kỹ năng cần có" / "Kỹ năng
 * nên có" (`.box-category` on the standard page, other blocks on brand pages).
 */
/** `.box-title, h2, h3, h4` */
const TAG_HEADINGS = new Set(["h2", "h3", "h4"]);

function readTags(index: ElementIndex): string[] {
  const { $ } = index;
  const tags: string[] = [];
  const add = (text: string) => {
    if (text !== "" && !tags.includes(text)) tags.push(text);
  };
  for (const group of withClass(index, "job-tags__group")) {
    const name = $(descendants(group, (element) => hasClass(element, "job-tags__group-name"))).text();
    if (!foldText(name).startsWith("chuyen mon")) continue;
    const items = index.select(
      ".job-tags__group-list-tag .item",
      descendants(group, (element) => hasClass(element, "item")),
    );
    for (let j = 0; j < items.length; j++) add(textOf(items.eq(j)));
  }
  const headings = $(index.where((element) => TAG_HEADINGS.has(element.name) || hasClass(element, "box-title")));
  for (let i = 0; i < headings.length; i++) {
    const heading = headings.eq(i);
    if (!foldText(heading.text()).startsWith("ky nang")) continue;
    const parent = heading.parent().get(0);
    if (!parent) continue;
    for (const item of descendants(parent, (element) => element.attribs.class?.includes("tag") === true)) {
      if (!item.children.some(isElement)) add(textOf($(item)));
    }
  }
  return tags;
}
