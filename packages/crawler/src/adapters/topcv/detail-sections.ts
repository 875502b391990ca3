import type { CheerioAPI } from "cheerio/slim";
import { foldText } from "../../normalize/text";
import type { Selection } from "../html-document";

/**
 * The text sections of a job posting, found by their heading text so that every TopCV template works: the
 * standard `/viec-lam/` page (`.job-description__item > h3`), and the brand pages (`/brand/.../tuyen-dung/`,
 * `.premium-job-description__box > h2`). A section is everything after its heading up to the next heading.
 */
export type SectionKey =
  | "description"
  | "requirements"
  | "benefits"
  | "income"
  | "allowance"
  | "equipment"
  | "location"
  | "working_time"
  | "how_to_apply";

const HEADINGS: ReadonlyArray<{ key: SectionKey; pattern: RegExp }> = [
  { key: "description", pattern: /^(?:mo ta cong viec|job description)/ },
  { key: "requirements", pattern: /^(?:yeu cau ung vien|yeu cau cong viec|job requirements?|requirements?)/ },
  { key: "benefits", pattern: /^(?:quyen loi|phuc loi|benefits?)/ },
  { key: "income", pattern: /^thu nhap/ },
  { key: "allowance", pattern: /^phu cap/ },
  { key: "equipment", pattern: /^(?:trang )?thiet bi lam viec/ },
  { key: "location", pattern: /^(?:dia diem lam viec|noi lam viec|work(?:ing)? location)/ },
  { key: "working_time", pattern: /^(?:thoi gian lam viec|working (?:time|hours))/ },
  { key: "how_to_apply", pattern: /^(?:cach thuc ung tuyen|how to apply)/ },
];

const HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6, .premium-job-description__box--title";

export interface Section {
  /** The heading as shown. */
  heading: string;
  /** Raw (unsanitised) HTML of what follows the heading. */
  html: string;
}

/** Sections by key; the first heading of a kind wins (the main column comes before related jobs). */
export function readSections($: CheerioAPI, scope?: Selection): Map<SectionKey, Section> {
  const sections = new Map<SectionKey, Section>();
  const headings = scope ? scope.find(HEADING_SELECTOR) : $(HEADING_SELECTOR);
  for (let i = 0; i < headings.length; i++) {
    const heading = headings.eq(i);
    const headingText = foldText(heading.text());
    const kind = HEADINGS.find(({ pattern }) => pattern.test(headingText));
    if (!kind || sections.has(kind.key)) continue;
    const html = contentAfter($, heading);
    if (html.trim() === "") continue;
    sections.set(kind.key, { heading: heading.text().replace(/\s+/g, " ").trim(), html });
  }
  return sections;
}

/** Every node after the heading (text included) up to the next heading, as HTML. */
function contentAfter($: CheerioAPI, heading: Selection): string {
  const parts: string[] = [];
  for (let node = heading.get(0)?.next ?? null; node !== null; node = node.next) {
    if ($(node).is(HEADING_SELECTOR)) break;
    parts.push($.html(node));
  }
  return parts.join("").trim();
}
