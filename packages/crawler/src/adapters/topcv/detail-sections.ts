import type { AnyNode } from "domhandler";
import { foldText } from "../../normalize/text";
import { type ElementIndex, hasClass, isElement, textContent } from "../html-document";

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

const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Whether the node is a heading: `h1, h2, h3, h4, h5, h6, .premium-job-description__box--title`. */
function isHeading(node: AnyNode): boolean {
  return isElement(node) && (HEADING_TAGS.has(node.name) || hasClass(node, "premium-job-description__box--title"));
}

export interface Section {
  /** The heading as shown. */
  heading: string;
  /** Raw (unsanitised) HTML of what follows the heading. */
  html: string;
}

/** Sections by key; the first heading of a kind wins (the main column comes before related jobs). */
export function readSections(index: ElementIndex): Map<SectionKey, Section> {
  const sections = new Map<SectionKey, Section>();
  for (const element of index.where(isHeading)) {
    const text = textContent(element);
    const headingText = foldText(text);
    const kind = HEADINGS.find(({ pattern }) => pattern.test(headingText));
    if (!kind || sections.has(kind.key)) continue;
    const html = contentAfter(index, element);
    if (html.trim() === "") continue;
    sections.set(kind.key, { heading: text.replace(/\s+/g, " ").trim(), html });
  }
  return sections;
}

/** Every node after the heading (text included) up to the next heading, as HTML (rendered in one go). */
function contentAfter({ $ }: ElementIndex, heading: AnyNode): string {
  const nodes: AnyNode[] = [];
  for (let node = heading.next; node !== null; node = node.next) {
    if (isHeading(node)) break;
    nodes.push(node);
  }
  return nodes.length === 0 ? "" : $.html(nodes).trim();
}
