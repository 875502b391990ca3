import type { GreenhouseConfig, Salary } from "@jobsync/contracts";
import {
  type JobDetail,
  type ListingCard,
  type ListingPage,
  ParseError,
  type SiteAdapter,
  type SkippedCard,
} from "../adapter";
import { fragmentText } from "../html-document";
import { apiDraft } from "./api-draft";
import { singlePageListing } from "./api-listing";
import { periodOf, structuredSalary } from "./ats-salary";
import { apiBase, isObject, isoTime, type JsonObject, num, parseJsonBody, str } from "./json-body";

/** Greenhouse job board API: one answer lists every job of the board, with its content (HTML, entity-escaped). */
export function greenhouseJobsUrl(baseUrl: string, boardToken: string): string {
  return `${apiBase(baseUrl)}/v1/boards/${encodeURIComponent(boardToken)}/jobs?content=true`;
}

/** Greenhouse's `pay_input_ranges` (cents) → salary; the first range is the posting's. */
export function greenhouseSalary(job: JsonObject): Salary {
  const ranges = Array.isArray(job.pay_input_ranges) ? job.pay_input_ranges.filter(isObject) : [];
  const range = ranges[0];
  if (!range) return structuredSalary(null, null, null, null, null);
  const cents = (v: unknown) => {
    const n = num(v);
    return n === null ? null : Math.round(n) / 100;
  };
  const title = str(range.title);
  return structuredSalary(
    cents(range.min_cents),
    cents(range.max_cents),
    str(range.currency_type),
    periodOf(title) ?? "year",
    title,
  );
}

function readJob(job: unknown, pageUrl: string, companyName: string): ListingCard | SkippedCard {
  if (!isObject(job)) return { reason: "not a job object", external_id: null };
  const id = str(job.id);
  const title = str(job.title);
  const url = str(job.absolute_url);
  if (id === null) return { reason: "no id", external_id: null };
  if (title === null) return { reason: "no title", external_id: id };
  if (url === null) return { reason: "no absolute_url", external_id: id };
  const location = isObject(job.location) ? str(job.location.name) : null;
  const offices = Array.isArray(job.offices) ? job.offices.filter(isObject).map((o) => str(o.name)) : [];
  const departments = Array.isArray(job.departments) ? job.departments.filter(isObject).map((d) => str(d.name)) : [];
  const content = str(job.content);
  const company = str(job.company_name) ?? companyName;
  const locations = location ? [location] : offices.filter((o): o is string => o !== null);
  const detail: JobDetail = {
    title,
    salary_text: null,
    locations,
    experience: null,
    level: null,
    deadline_text: null,
    // content=true answers the HTML entity-escaped: decode once to get the HTML
    description_html: content ? fragmentText(content) : null,
    requirements_html: null,
    benefits_html: null,
    working_time_html: null,
    tags: departments.filter((d): d is string => d !== null),
    company_name: company,
    company_url: null,
    company_size: null,
    company_address: null,
    url,
    external_id: id,
  };
  let absolute: string;
  try {
    absolute = new URL(url, pageUrl).href;
  } catch {
    return { reason: "absolute_url is not a URL", external_id: id };
  }
  const salary = greenhouseSalary(job);
  return {
    external_id: id,
    url: absolute,
    title,
    company,
    company_url: null,
    location_text: locations[0] ?? null,
    experience: null,
    tags: detail.tags,
    logo_url: null,
    updated_label: null,
    posted_at: isoTime(job.first_published) ?? isoTime(job.updated_at),
    salary_text: salary.raw,
    salary,
    detail,
  };
}

/** A Greenhouse `/jobs` answer → cards carrying their whole posting. ParseError when it is not that shape. */
export function parseGreenhouseJobs(body: string, pageUrl: string, companyName: string): ListingPage {
  const data = parseJsonBody(body, pageUrl);
  if (!isObject(data) || !Array.isArray(data.jobs)) {
    throw new ParseError('not a Greenhouse jobs answer: no "jobs" list', pageUrl);
  }
  return singlePageListing(data.jobs, (job) => readJob(job, pageUrl, companyName));
}

export function configuredGreenhouseAdapter(config: GreenhouseConfig): SiteAdapter<GreenhouseConfig> {
  const companyName = config.company_name ?? config.board_token;
  return {
    kind: "greenhouse",
    availabilityUrl: (baseUrl) => `${apiBase(baseUrl)}/v1/boards/${encodeURIComponent(config.board_token)}/jobs`,
    listingTargets: (baseUrl) => [
      {
        label: `board ${config.board_token}`,
        pageUrl: () => greenhouseJobsUrl(baseUrl, config.board_token),
        maxPages: 1,
      },
    ],
    parseListing: (body, pageUrl) => parseGreenhouseJobs(body, pageUrl, companyName),
    toDraft: apiDraft,
    configure: configuredGreenhouseAdapter,
  };
}

/** Greenhouse; configured per source (board token, company name). */
export const greenhouseAdapter: SiteAdapter<GreenhouseConfig> = {
  kind: "greenhouse",
  homeUrl: "https://boards-api.greenhouse.io/",
  availabilityUrl: (baseUrl, config) => configuredGreenhouseAdapter(config).availabilityUrl(baseUrl, config),
  listingTargets: (baseUrl, config) => configuredGreenhouseAdapter(config).listingTargets(baseUrl, config),
  parseListing: (body, pageUrl) => parseGreenhouseJobs(body, pageUrl, "unknown"),
  toDraft: apiDraft,
  configure: configuredGreenhouseAdapter,
};
