import type { Catalog } from "./catalog";
import type { BoardPosting } from "./posting";

/**
 * The board's postings through the public JSON job-board APIs of Greenhouse (`/v1/boards/{board}/jobs`) and Lever
 * (`/v0/postings/{company}?mode=json`), in their shapes. A board token or company is a keyword of the catalog: it
 * lists every posting of that keyword (all pages), so a TopCV-shaped source and an API source of the same keyword
 * share postings (same title, company and province: "same content" duplicates across sources).
 */

/** A salary the APIs give in numbers: only the board's plain ranges ("10 - 15 triệu", "1,000 - 2,000 USD"). */
export interface PayRange {
  min: number;
  max: number;
  currency: "VND" | "USD";
}

export function payRange(salaryText: string): PayRange | null {
  const vnd = /^(\d+(?:\.\d+)?) - (\d+(?:\.\d+)?) triệu$/.exec(salaryText);
  if (vnd) return { min: Number(vnd[1]) * 1_000_000, max: Number(vnd[2]) * 1_000_000, currency: "VND" };
  const usd = /^([\d,]+) - ([\d,]+) USD$/.exec(salaryText);
  if (usd) return { min: Number(usd[1]?.replace(/,/g, "")), max: Number(usd[2]?.replace(/,/g, "")), currency: "USD" };
  return null;
}

/** Every posting a keyword lists, in page order, each once. */
export function apiPostings(catalog: Catalog, keyword: string): BoardPosting[] {
  const seen = new Set<string>();
  const out: BoardPosting[] = [];
  for (const card of catalog.expectedCards(keyword)) {
    if (seen.has(card.external_id)) continue;
    seen.add(card.external_id);
    out.push(catalog.posting(Number(card.external_id)));
  }
  return out;
}

const PUBLISHED_BASE = Date.UTC(2026, 3, 1);

function publishedAt(p: BoardPosting): number {
  return PUBLISHED_BASE + (Number(p.external_id) % 1000) * 3_600_000;
}

function escapeEntities(html: string): string {
  return html.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One job of a Greenhouse `GET /v1/boards/{board}/jobs?content=true` answer. */
export function greenhouseJob(p: BoardPosting, origin: string, board: string, withContent: boolean) {
  const pay = payRange(p.salary_text);
  const id = Number(p.external_id);
  const content = `<h3>Mô tả công việc</h3>${p.description_html}<h3>Yêu cầu ứng viên</h3>${p.requirements_html}<h3>Quyền lợi</h3>${p.benefits_html}`;
  return {
    id,
    internal_job_id: id + 7,
    title: p.title,
    updated_at: new Date(publishedAt(p) + 86_400_000).toISOString(),
    first_published: new Date(publishedAt(p)).toISOString(),
    requisition_id: `REQ-${id}`,
    location: { name: p.location_text },
    absolute_url: `${origin}/greenhouse/${board}/jobs/${id}`,
    company_name: p.company,
    language: "vi",
    metadata: null,
    departments: p.tags.slice(0, 1).map((name, i) => ({ id: i + 1, name, parent_id: null, child_ids: [] })),
    offices: [{ id: 1, name: p.location_text, location: p.location_text, parent_id: null, child_ids: [] }],
    ...(withContent ? { content: escapeEntities(content) } : {}),
    ...(pay
      ? {
          pay_input_ranges: [
            {
              min_cents: pay.min * 100,
              max_cents: pay.max * 100,
              currency_type: pay.currency,
              title: "Monthly salary",
              blurb: "",
            },
          ],
        }
      : {}),
  };
}

/** Lever ids are UUIDs: a fixed one per posting id. */
export function leverId(externalId: string): string {
  return `00000000-0000-4000-8000-${externalId.padStart(12, "0")}`;
}

function items(listHtml: string): string {
  return listHtml.replace(/^<ul>/, "").replace(/<\/ul>$/, "");
}

/** One posting of a Lever `GET /v0/postings/{company}?mode=json` answer. */
export function leverPosting(p: BoardPosting, origin: string, company: string) {
  const pay = payRange(p.salary_text);
  const id = leverId(p.external_id);
  return {
    id,
    text: p.title,
    hostedUrl: `${origin}/lever/${company}/${id}`,
    applyUrl: `${origin}/lever/${company}/${id}/apply`,
    createdAt: publishedAt(p),
    country: "VN",
    workplaceType: "onsite",
    categories: {
      commitment: "Full-time",
      department: p.tags[0] ?? "General",
      location: p.location_text,
      team: p.tags[1] ?? p.tags[0] ?? "General",
      allLocations: [p.location_text],
    },
    description: p.description_html,
    descriptionPlain: p.description_html.replace(/<[^>]*>/g, " "),
    lists: [
      { text: "Requirements", content: items(p.requirements_html) },
      { text: "Benefits", content: items(p.benefits_html) },
    ],
    additional: p.working_time_html,
    additionalPlain: p.working_time_html.replace(/<[^>]*>/g, " "),
    ...(pay
      ? { salaryRange: { min: pay.min, max: pay.max, currency: pay.currency, interval: "per-month-salary" } }
      : {}),
  };
}

/** The JSON answer of an API route, or null for a query the API refuses. */
export function renderApi(
  api: "greenhouse" | "lever",
  token: string,
  query: URLSearchParams,
  catalog: Catalog,
  origin: string,
): { status: number; json: unknown } {
  const postings = apiPostings(catalog, token);
  if (api === "greenhouse") {
    const withContent = query.get("content") === "true";
    const jobs = postings.map((p) => greenhouseJob(p, origin, token, withContent));
    return { status: 200, json: { jobs, meta: { total: jobs.length } } };
  }
  if (query.get("mode") !== "json")
    return { status: 400, json: { ok: false, error: "this board answers mode=json only" } };
  const skip = Math.max(0, Number(query.get("skip") ?? 0) || 0);
  const limitRaw = Number(query.get("limit") ?? Number.NaN);
  const list = postings.map((p) => leverPosting(p, origin, token));
  const end = Number.isInteger(limitRaw) && limitRaw > 0 ? skip + limitRaw : undefined;
  return { status: 200, json: list.slice(skip, end) };
}
