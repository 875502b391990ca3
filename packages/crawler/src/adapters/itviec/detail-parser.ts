import type { CheerioAPI } from "cheerio/slim";
import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import { parseExperience } from "../../normalize/experience";
import { collapseSpaces, foldText } from "../../normalize/text";
import { type JobDetail, ParseError } from "../adapter";
import { attrOf, fragmentText, loadHtml, type Selection, textOf, textOrNull } from "../html-document";
import { itviecJobLink, withoutQuery } from "./urls";

type SectionKey = "description_html" | "requirements_html" | "benefits_html";

/** Section headings (English and Vietnamese pages), folded: matched by prefix. */
const SECTION_HEADINGS: ReadonlyArray<{ key: SectionKey; prefixes: string[] }> = [
  { key: "description_html", prefixes: ["job description", "mo ta cong viec"] },
  { key: "requirements_html", prefixes: ["your skills and experience", "yeu cau", "ky nang va kinh nghiem"] },
  {
    key: "benefits_html",
    prefixes: ["why you'll love working here", "why you will love", "tai sao ban se yeu thich", "phuc loi"],
  },
];

/**
 * An ITviec job page → detail. Title `h1`; company the `/companies/` link with text; salary `.salary`; locations
 * the texts next to the map-pin icons; sections found by their `h2`/`h3` heading ("Job description", "Your skills
 * and experience", "Why you'll love working here", or the Vietnamese headings), each section's HTML being what
 * follows the heading inside its block; the experience asked for is the requirement line that names a duration
 * ("3+ years of experience in Java"). A challenge page throws BlockedError; a page without a title, ParseError.
 */
export function parseItviecDetail(html: string, url: string): JobDetail {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(url, challenge);
  const $ = loadHtml(html);
  const title = textOrNull($("h1").first());
  if (title === null) throw new ParseError("not an ITviec job page: no h1 title", url);
  const company = $('a[href*="/companies/"]')
    .toArray()
    .map((a) => $(a))
    .find((a) => textOf(a) !== "" && a.closest(".job-card").length === 0);
  const canonical = attrOf($('link[rel="canonical"]').first(), "href");
  const link = itviecJobLink(canonical ?? url, url);
  const sections = readSections($);
  return {
    title,
    salary_text: textOrNull($(".salary").first()),
    locations: readLocations($),
    experience: experienceLine(sections.requirements_html ?? null),
    level: null,
    deadline_text: null,
    description_html: sections.description_html ?? null,
    requirements_html: sections.requirements_html ?? null,
    benefits_html: sections.benefits_html ?? null,
    working_time_html: null,
    tags: [
      ...new Set(
        $(".itag")
          .toArray()
          .filter((el) => $(el).closest(".job-card").length === 0)
          .map((el) => textOf($(el)))
          .filter((t) => t !== ""),
      ),
    ],
    company_name: company ? textOf(company) : null,
    company_url: company ? withoutQuery(attrOf(company, "href"), url) : null,
    company_size: null,
    company_address: null,
    url: link?.url ?? null,
    external_id: link?.slug ?? null,
  };
}

const MENTIONS_EXPERIENCE = /experience|kinh nghiem|\bexp\b/;

/**
 * The requirement that says how much experience is asked: the first line (list item, paragraph or line) naming a
 * duration, one that speaks of experience first; its clause when the line is long. Null when none does.
 */
function experienceLine(requirementsHtml: string | null): string | null {
  if (requirementsHtml === null) return null;
  const lines = requirementsHtml
    .split(/<\/?(?:li|p|br|div|ul|ol|h\d)\b[^>]*>/i)
    .map((part) => collapseSpaces(fragmentText(part)))
    .filter((line) => line !== "" && parseExperience(line) !== null);
  const line = lines.find((l) => MENTIONS_EXPERIENCE.test(foldText(l))) ?? lines[0];
  if (line === undefined) return null;
  if (line.length <= 120) return line;
  return line.split(/[,;.](?:\s|$)/).find((clause) => parseExperience(clause) !== null) ?? line;
}

function readLocations($: CheerioAPI): string[] {
  const out: string[] = [];
  $('svg use[href$="#map-pin"], svg use[xlink\\:href$="#map-pin"]').each((_i, use) => {
    const holder = $(use).closest("svg").parent();
    const text = textOf(holder);
    if (text !== "" && !out.includes(text) && holder.closest(".job-card").length === 0) out.push(text);
  });
  return out;
}

function readSections($: CheerioAPI): Partial<Record<SectionKey, string>> {
  const found: Partial<Record<SectionKey, string>> = {};
  $("h2, h3").each((_i, heading) => {
    const folded = foldText(textOf($(heading)));
    const match = SECTION_HEADINGS.find((s) => s.prefixes.some((p) => folded.startsWith(foldText(p))));
    if (!match || found[match.key] !== undefined) return;
    const html = followingHtml($, $(heading));
    if (html !== "") found[match.key] = html;
  });
  return found;
}

/** The HTML after a heading, up to the next heading of its block. */
function followingHtml($: CheerioAPI, heading: Selection): string {
  const parts: string[] = [];
  let next = heading.next();
  while (next.length > 0 && !next.is("h1, h2, h3")) {
    parts.push($.html(next));
    next = next.next();
  }
  return parts.join("").trim();
}
