import { POSTING_LIMITS, type Salary } from "@jobsync/contracts";
import { parseDeadline, parseRelativeDate } from "../normalize/date";
import { parseExperience } from "../normalize/experience";
import { normalizeLocations } from "../normalize/location";
import { contentHash, contentKey } from "../normalize/posting-keys";
import { parseSalary } from "../normalize/salary";
import { collapseSpaces, withoutControlChars } from "../normalize/text";
import { sanitizeHtmlOrNull } from "../sanitize/html";
import type { AdapterContext, JobDetail, ListingCard, PostingDraft } from "./adapter";
import { FieldLimits } from "./draft-limits";
import { assertStorable } from "./posting-rules";

export interface DraftOptions {
  /** The board's own salary reading (ITviec's "Sign in to view salary"); `parseSalary` otherwise. */
  readSalary?: (text: string | null) => Salary;
}

/**
 * Process Jobs, for every adapter: a card (and its detail page, when fetched) → a normalised, sanitised
 * PostingDraft. The one place drafts are built, so the one place text is made safe to store: control characters
 * are stripped from every text (NUL, "\b", bidi overrides...), and every stored field is held to its maximum
 * (POSTING_LIMITS), each cut recorded in `truncated`. The detail page wins where both say something (its title
 * and salary are the full ones); a salary the board gives in numbers (JSON APIs) wins over parsing text, an exact
 * publication time over the "updated N days ago" label. Throws InvalidPostingError when the result cannot be
 * stored (no title, no http(s) URL, an id or URL over its limit).
 */
export function buildDraft(
  rawCard: ListingCard,
  rawDetail: JobDetail | null,
  context: AdapterContext,
  options: DraftOptions = {},
): PostingDraft {
  if (Number.isNaN(context.crawledAt.getTime())) throw new TypeError("crawledAt is not a valid date");
  const card = withoutControlChars(rawCard);
  const detail = withoutControlChars(rawDetail);
  const limits = new FieldLimits();
  const L = POSTING_LIMITS;
  const text = (field: string, value: string | null | undefined, max: number) => limits.text(field, clean(value), max);
  const html = (field: string, value: string | null | undefined) =>
    limits.html(field, sanitizeHtmlOrNull(value), L.sectionHtml);

  const title = text("title", clean(detail?.title) ?? card.title, L.title) ?? "";
  const company = text("company", clean(detail?.company_name) ?? card.company, L.company);
  const locations = limits.list("locations", pickLocations(card, detail), L.locations, L.location);
  const { provinces, extra } = normalizeLocations(locations);
  const salaryText = text("salary_raw", clean(detail?.salary_text) ?? card.salary_text, L.salaryRaw);
  const salary = card.salary
    ? { ...card.salary, raw: limits.text("salary_raw", card.salary.raw, L.salaryRaw) }
    : (options.readSalary ?? parseSalary)(salaryText);
  const experience = text("experience", clean(detail?.experience) ?? card.experience, L.experience);

  // Everything here is what the posting says: its hash tells a changed posting from one seen again.
  const meaningful = {
    title,
    company,
    salary: { ...salary },
    locations: [...locations],
    provinces: [...provinces],
    extra_locations: extra,
    experience,
    level: text("level", detail?.level, L.level),
    deadline: parseDeadline(detail?.deadline_text ?? null),
    tags: limits.list("tags", unique([...card.tags, ...(detail?.tags ?? [])]), L.tags, L.tag),
    description_html: html("description_html", detail?.description_html),
    requirements_html: html("requirements_html", detail?.requirements_html),
    benefits_html: html("benefits_html", detail?.benefits_html),
    working_time_html: html("working_time_html", detail?.working_time_html),
    company_size: text("company_size", detail?.company_size, L.companySize),
    company_address: text("company_address", detail?.company_address, L.companyAddress),
  };
  const postedAt = card.posted_at ?? parseRelativeDate(card.updated_label, context.crawledAt)?.toISOString() ?? null;
  const draft: PostingDraft = {
    external_id: card.external_id.trim(),
    url: card.url,
    company_url: limits.link("company_url", card.company_url ?? detail?.company_url ?? null, L.link),
    logo_url: limits.link("logo_url", card.logo_url ?? detail?.logo_url ?? null, L.link),
    posted_at: postedAt,
    ...meaningful,
    experience_years: parseExperience(experience),
    // posted_at is left out of the hash: it is relative to the crawl time and would change on every sync job.
    content_hash: contentHash(meaningful),
    content_key: contentKey(title, company, provinces[0] ?? null),
    truncated: limits.truncated,
  };
  assertStorable(draft);
  return draft;
}

/**
 * The detail page's locations; else the card's. A card whose shown text hides places ("Hồ Chí Minh & 2 nơi
 * khác") gives the full list it carries (TopCV's tooltip) instead.
 */
function pickLocations(card: ListingCard, detail: JobDetail | null): string[] {
  const fromDetail = (detail?.locations ?? []).map(clean).filter((l): l is string => l !== null);
  if (fromDetail.length > 0) return fromDetail;
  const listed = (card.locations ?? []).map(clean).filter((l): l is string => l !== null);
  const shown = clean(card.location_text);
  if (shown === null) return listed;
  const hides = listed.length > 0 && shown.includes("&") && normalizeLocations([shown]).extra > 0;
  return hides ? listed : [shown];
}

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const collapsed = collapseSpaces(text);
  return collapsed === "" ? null : collapsed;
}

function unique(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const text = collapseSpaces(value);
    if (text !== "" && !out.includes(text)) out.push(text);
  }
  return out;
}
