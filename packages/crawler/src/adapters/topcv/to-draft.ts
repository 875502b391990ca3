import { parseDeadline, parseRelativeDate } from "../../normalize/date";
import { normalizeLocations } from "../../normalize/location";
import { contentHash, contentKey } from "../../normalize/posting-keys";
import { parseSalary } from "../../normalize/salary";
import { collapseSpaces } from "../../normalize/text";
import { sanitizeHtmlOrNull } from "../../sanitize/html";
import type { AdapterContext, JobDetail, ListingCard, PostingDraft } from "../adapter";
import { assertStorable } from "../posting-rules";

/**
 * Process Jobs: a card (and its detail page, when fetched) → a normalised, sanitised PostingDraft.
 * The detail page wins where both say something (its title and salary are the full ones). Throws
 * InvalidPostingError when the result cannot be stored.
 */
export function topcvDraft(card: ListingCard, detail: JobDetail | null, context: AdapterContext): PostingDraft {
  if (Number.isNaN(context.crawledAt.getTime())) throw new TypeError("crawledAt is not a valid date");
  const title = clean(detail?.title) ?? clean(card.title) ?? "";
  const company = clean(detail?.company_name) ?? clean(card.company);
  const locations =
    detail && detail.locations.length > 0 ? detail.locations : card.location_text ? [card.location_text] : [];
  const { provinces, extra } = normalizeLocations(locations);
  const salary = parseSalary(clean(detail?.salary_text) ?? clean(card.salary_text));
  const tags = unique([...card.tags, ...(detail?.tags ?? [])]);

  const meaningful = {
    title,
    company,
    salary: { ...salary },
    locations: [...locations],
    provinces: [...provinces],
    extra_locations: extra,
    experience: clean(detail?.experience) ?? clean(card.experience),
    level: clean(detail?.level),
    deadline: parseDeadline(detail?.deadline_text ?? null),
    tags,
    description_html: sanitizeHtmlOrNull(detail?.description_html),
    requirements_html: sanitizeHtmlOrNull(detail?.requirements_html),
    benefits_html: sanitizeHtmlOrNull(detail?.benefits_html),
    working_time_html: sanitizeHtmlOrNull(detail?.working_time_html),
    company_size: clean(detail?.company_size),
    company_address: clean(detail?.company_address),
  };
  const draft: PostingDraft = {
    external_id: card.external_id.trim(),
    url: card.url,
    company_url: card.company_url ?? detail?.company_url ?? null,
    logo_url: card.logo_url ?? detail?.logo_url ?? null,
    posted_at: parseRelativeDate(card.updated_label, context.crawledAt)?.toISOString() ?? null,
    ...meaningful,
    // posted_at is left out of the hash: it is relative to the crawl time and would change on every sync job.
    content_hash: contentHash(meaningful),
    content_key: contentKey(title, company, provinces[0] ?? null),
  };
  assertStorable(draft);
  return draft;
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
