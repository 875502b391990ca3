import type { ElementIndex } from "../html-document";

/** The schema.org JobPosting a page may embed: a fallback for fields its markup does not show. */
export interface JobPostingLd {
  title: string | null;
  validThrough: string | null;
  companyName: string | null;
  companyUrl: string | null;
  logo: string | null;
  region: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function readJobPostingJsonLd(index: ElementIndex): JobPostingLd | null {
  const scripts = index.select(
    'script[type="application/ld+json"]',
    index.where((element) => element.name === "script" && element.attribs.type !== undefined),
  );
  for (let i = 0; i < scripts.length; i++) {
    let data: Json;
    try {
      data = JSON.parse(scripts.eq(i).text()) as Json;
    } catch {
      continue;
    }
    const posting = findJobPosting(data, 0);
    if (posting) return toLd(posting);
  }
  return null;
}

function findJobPosting(data: Json, depth: number): { [key: string]: Json } | null {
  if (depth > 3 || data === null || typeof data !== "object") return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findJobPosting(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const type = data["@type"];
  if (type === "JobPosting" || (Array.isArray(type) && type.includes("JobPosting"))) return data;
  const graph = data["@graph"];
  return graph === undefined ? null : findJobPosting(graph, depth + 1);
}

function str(value: Json | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function obj(value: Json | undefined): { [key: string]: Json } {
  if (Array.isArray(value)) return obj(value[0]);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function toLd(posting: { [key: string]: Json }): JobPostingLd {
  const company = obj(posting.hiringOrganization);
  const address = obj(obj(posting.jobLocation).address);
  return {
    title: str(posting.title),
    validThrough: str(posting.validThrough),
    companyName: str(company.name),
    companyUrl: str(company.sameAs) ?? str(company.url),
    logo: str(company.logo),
    region: str(address.addressRegion),
  };
}
