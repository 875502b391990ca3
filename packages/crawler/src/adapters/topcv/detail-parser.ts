import type { CheerioAPI } from "cheerio/slim";
import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { collapseSpaces, foldText } from "../../normalize/text";
import { type JobDetail, ParseError } from "../adapter";
import { absoluteUrl, attrOf, fragmentText, loadHtml, textOf, textOrNull } from "../html-document";
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
  const $ = loadHtml(html);
  const ld = readJobPostingJsonLd($);
  const facts = readFacts($);
  const sections = readSections($);
  const title =
    textOrNull($("h1.job-detail__info--title").first()) ??
    textOrNull($(".premium-job-basic-information__content--title").first()) ??
    textOrNull($(".job-detail__info--title").first()) ??
    ld?.title ??
    null;
  if (title === null && sections.size === 0) {
    throw new ParseError("not a TopCV job detail page: no job title and no description sections", url);
  }

  const canonical = canonicalJobUrl($('link[rel="canonical"]').attr("href"), url);
  const pageUrl = canonical ?? canonicalJobUrl(url, url);
  const company = readCompany($, facts, ld, url);
  return {
    title,
    salary_text: factText(facts.job, "muc luong", "thu nhap", "luong"),
    locations: readLocations($, facts, sections, ld),
    experience: factText(facts.job, "kinh nghiem"),
    level: factText(facts.job, "cap bac"),
    deadline_text: readDeadline($, facts, ld),
    description_html: sections.get("description")?.html ?? null,
    requirements_html: sections.get("requirements")?.html ?? null,
    benefits_html: joinBenefits(sections),
    working_time_html: sections.get("working_time")?.html ?? null,
    tags: readTags($),
    ...company,
    url: pageUrl,
    external_id: pageUrl ? externalIdFromUrl(pageUrl) : null,
  };
}

const COMPANY_BLOCKS = ".job-detail__company, .premium-job-company";

function readCompany($: CheerioAPI, facts: DetailFacts, ld: JobPostingLd | null, url: string) {
  const link = $(
    ".job-detail__company--information-item.company-name a.name, .company-name-label a, .premium-job-company__name",
  ).first();
  const brandName = $(".premium-job-header__company--info .company-content__title h1").first();
  const logo = $(".job-detail__company img, .premium-job-header__company img").first();
  return {
    company_name:
      attrOf(link, "data-original-title") ?? textOrNull(link) ?? textOrNull(brandName) ?? ld?.companyName ?? null,
    company_url: absoluteUrl(link.attr("href"), url) ?? absoluteUrl(ld?.companyUrl, url),
    company_size: factText(facts.company, "quy mo") ?? labelledText($, COMPANY_BLOCKS, "quy mo"),
    company_address:
      factText(facts.company, "dia diem", "dia chi") ?? labelledText($, COMPANY_BLOCKS, "dia chi", "dia diem"),
    logo_url: absoluteUrl(attrOf(logo, "data-src", "src"), url) ?? absoluteUrl(ld?.logo, url),
  };
}

/** The "...và 1 địa điểm khác" / "Thu gọn" toggle under a long list of work places. */
const PLACES_TOGGLE = /^(?:(?:\.\.\.|…)\s*)?va \d+ dia diem khac$|^thu gon$|^xem them/;

/**
 * Each place as shown: the "Địa điểm làm việc" section's lines ("Hà Nội: Phường Tây Mỗ (quận Nam Từ Liêm cũ)"),
 * else the header tooltip's list ("Hà Nội: Quận Nam Từ Liêm"), else the header value ("Hà Nội").
 */
function readLocations(
  $: CheerioAPI,
  facts: DetailFacts,
  sections: Map<SectionKey, Section>,
  ld: JobPostingLd | null,
): string[] {
  const section = sections.get("location");
  if (section) {
    const lines = htmlLines(section.html)
      .map((line) => line.replace(/^[-•+*–]\s*/, ""))
      .filter((line) => line !== "" && !PLACES_TOGGLE.test(foldText(line)));
    if (lines.length > 0) return lines;
  }
  const tooltip = attrOf(
    $(".section-location [data-original-title], .section-location [title]").first(),
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
  return ld?.region ? [ld.region] : [];
}

/** Lines of an HTML fragment: one per block element or <br>, entities decoded, blank lines dropped. */
function htmlLines(html: string): string[] {
  const marked = html.replace(/<br\s*\/?>|<\/(?:div|p|li|h[1-6]|tr)\s*>/gi, "$&\n");
  return fragmentText(marked)
    .split("\n")
    .map(collapseSpaces)
    .filter((line) => line !== "");
}

function readDeadline($: CheerioAPI, facts: DetailFacts, ld: JobPostingLd | null): string | null {
  return (
    textOrNull($(".job-detail__info--deadline-date").first()) ??
    textOrNull($(".premium-job-basic-information__deadline .deadline").first()) ??
    factText(facts.job, "han nop ho so", "han nop", "han ung tuyen") ??
    textOrNull($('[class*="deadline"]').first()) ??
    ld?.validThrough ??
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
function readTags($: CheerioAPI): string[] {
  const tags: string[] = [];
  const add = (text: string) => {
    if (text !== "" && !tags.includes(text)) tags.push(text);
  };
  const groups = $(".job-tags__group");
  for (let i = 0; i < groups.length; i++) {
    const group = groups.eq(i);
    if (!foldText(group.find(".job-tags__group-name").text()).startsWith("chuyen mon")) continue;
    const items = group.find(".job-tags__group-list-tag .item");
    for (let j = 0; j < items.length; j++) add(textOf(items.eq(j)));
  }
  const headings = $(".box-title, h2, h3, h4");
  for (let i = 0; i < headings.length; i++) {
    const heading = headings.eq(i);
    if (!foldText(heading.text()).startsWith("ky nang")) continue;
    const items = heading.parent().find('[class*="tag"]');
    for (let j = 0; j < items.length; j++) {
      const item = items.eq(j);
      if (item.children().length === 0) add(textOf(item));
    }
  }
  return tags;
}
