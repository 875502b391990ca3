import type { LeverConfig, Salary } from "@jobsync/contracts";
import {
  type JobDetail,
  type ListingCard,
  type ListingPage,
  ParseError,
  type SiteAdapter,
  type SkippedCard,
} from "../adapter";
import { apiDraft } from "./api-draft";
import { singlePageListing } from "./api-listing";
import { periodOf, structuredSalary } from "./ats-salary";
import { apiBase, isObject, isoTime, type JsonObject, num, parseJsonBody, str } from "./json-body";

/** Lever postings API: every published posting of a company, as a JSON list. */
export function leverPostingsUrl(baseUrl: string, company: string): string {
  return `${apiBase(baseUrl)}/v0/postings/${encodeURIComponent(company)}?mode=json`;
}

/** Lever's `salaryRange` {min, max, currency, interval: "per-month-salary"...} → salary. */
export function leverSalary(posting: JsonObject): Salary {
  const range = isObject(posting.salaryRange) ? posting.salaryRange : null;
  if (range === null) return structuredSalary(null, null, null, null, null);
  const interval = str(range.interval);
  return structuredSalary(num(range.min), num(range.max), str(range.currency), periodOf(interval), interval);
}

const REQUIREMENTS = /requirement|qualification|what you('| wi)ll need|you have|about you|skills|yeu cau/i;
const BENEFITS = /benefit|perk|what we offer|why you|phuc loi|quyen loi/i;

/** Lever's `lists` [{text, content: "<li>..</li>"}] sorted into requirements, benefits and the rest. */
function sections(posting: JsonObject): Pick<JobDetail, "description_html" | "requirements_html" | "benefits_html"> {
  const lists = Array.isArray(posting.lists) ? posting.lists.filter(isObject) : [];
  const block = (l: JsonObject) => `<h3>${escapeText(str(l.text) ?? "")}</h3><ul>${str(l.content) ?? ""}</ul>`;
  const requirements = lists.filter((l) => REQUIREMENTS.test(str(l.text) ?? ""));
  const benefits = lists.filter((l) => !requirements.includes(l) && BENEFITS.test(str(l.text) ?? ""));
  const rest = lists.filter((l) => !requirements.includes(l) && !benefits.includes(l));
  const description = [str(posting.description), ...rest.map(block)].filter((p) => p !== null).join("");
  const extra = str(posting.additional);
  const benefitsHtml = [...benefits.map(block), ...(extra ? [extra] : [])].join("");
  return {
    description_html: description === "" ? null : description,
    requirements_html: requirements.length > 0 ? requirements.map(block).join("") : null,
    benefits_html: benefitsHtml === "" ? null : benefitsHtml,
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function readPosting(posting: unknown, pageUrl: string, companyName: string): ListingCard | SkippedCard {
  if (!isObject(posting)) return { reason: "not a posting object", external_id: null };
  const id = str(posting.id);
  const title = str(posting.text);
  const hosted = str(posting.hostedUrl);
  if (id === null) return { reason: "no id", external_id: null };
  if (title === null) return { reason: "no title (text)", external_id: id };
  if (hosted === null) return { reason: "no hostedUrl", external_id: id };
  let url: string;
  try {
    url = new URL(hosted, pageUrl).href;
  } catch {
    return { reason: "hostedUrl is not a URL", external_id: id };
  }
  const categories = isObject(posting.categories) ? posting.categories : {};
  const all = Array.isArray(categories.allLocations) ? categories.allLocations.map(str) : [];
  const location = str(categories.location);
  const locations = [...new Set([...(location ? [location] : []), ...all.filter((l): l is string => l !== null)])];
  const tags = [
    str(categories.team),
    str(categories.department),
    str(categories.commitment),
    str(posting.workplaceType),
  ].filter((t): t is string => t !== null && t !== "unspecified");
  const salary = leverSalary(posting);
  const detail: JobDetail = {
    title,
    salary_text: null,
    locations,
    experience: null,
    level: null,
    deadline_text: null,
    ...sections(posting),
    working_time_html: null,
    tags,
    company_name: companyName,
    company_url: null,
    company_size: null,
    company_address: null,
    url,
    external_id: id,
  };
  return {
    external_id: id,
    url,
    title,
    company: companyName,
    company_url: null,
    salary_text: salary.raw,
    location_text: locations[0] ?? null,
    experience: str(categories.commitment),
    tags,
    logo_url: null,
    updated_label: null,
    posted_at: isoTime(posting.createdAt),
    salary,
    detail,
  };
}

/** A Lever `/v0/postings/{company}?mode=json` answer (a list) → cards carrying their whole posting. */
export function parseLeverPostings(body: string, pageUrl: string, companyName: string): ListingPage {
  const data = parseJsonBody(body, pageUrl);
  if (!Array.isArray(data)) {
    const message = isObject(data) && typeof data.message === "string" ? `: ${data.message}` : "";
    throw new ParseError(`not a Lever postings answer: expected a list${message}`, pageUrl);
  }
  return singlePageListing(data, (posting) => readPosting(posting, pageUrl, companyName));
}

export function configuredLeverAdapter(config: LeverConfig): SiteAdapter<LeverConfig> {
  const companyName = config.company_name ?? config.company;
  return {
    kind: "lever",
    availabilityUrl: (baseUrl) => `${leverPostingsUrl(baseUrl, config.company)}&limit=1`,
    listingTargets: (baseUrl) => [
      { label: `company ${config.company}`, pageUrl: () => leverPostingsUrl(baseUrl, config.company), maxPages: 1 },
    ],
    parseListing: (body, pageUrl) => parseLeverPostings(body, pageUrl, companyName),
    toDraft: apiDraft,
    configure: configuredLeverAdapter,
  };
}

/** Lever; configured per source (company, company name). */
export const leverAdapter: SiteAdapter<LeverConfig> = {
  kind: "lever",
  homeUrl: "https://api.lever.co/",
  availabilityUrl: (baseUrl, config) => configuredLeverAdapter(config).availabilityUrl(baseUrl, config),
  listingTargets: (baseUrl, config) => configuredLeverAdapter(config).listingTargets(baseUrl, config),
  parseListing: (body, pageUrl) => parseLeverPostings(body, pageUrl, "unknown"),
  toDraft: apiDraft,
  configure: configuredLeverAdapter,
};
