import { slugify } from "../../normalize/text";
import { absoluteUrl } from "../html-document";

/** TopCV URL shapes: search pages, canonical job posting URLs and the ids inside them. */

const TRACKING_PARAMS = ["ta_source", "u_sr_id"];

/** The data source's base URL, checked: http(s), no query or fragment, no trailing slash in its path. */
function parseBase(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`base_url is not a valid URL: "${baseUrl}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`base_url must be an http:// or https:// URL: "${baseUrl}"`);
  }
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

/** The base path without its trailing slash: "" for a root base URL (whose pathname URL reports as "/"). */
function basePath(url: URL): string {
  return url.pathname.replace(/\/+$/, "");
}

/** The board's home page under the base URL (kept path, trailing slash): fetched by Check Availability. */
export function homePageUrl(baseUrl: string): string {
  const url = parseBase(baseUrl);
  url.pathname = `${basePath(url)}/`;
  return url.href;
}

/** `<base_url>/tim-viec-lam-<slug>?type_keyword=1&page=N&sba=1`, the search TopCV itself links to. */
export function searchPageUrl(baseUrl: string, keyword: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number from 1, got ${page}`);
  const slug = slugify(keyword);
  if (slug === "") throw new Error(`search keyword "${keyword}" has no letters or digits`);
  const url = parseBase(baseUrl);
  url.pathname = `${basePath(url)}/tim-viec-lam-${slug}`;
  url.search = `?type_keyword=1&page=${page}&sba=1`;
  return url.href;
}

/** A job posting link made absolute, without the tracking parameters and fragment. Null if not http(s). */
export function canonicalJobUrl(href: string | null | undefined, pageUrl: string): string | null {
  const absolute = absoluteUrl(href, pageUrl);
  if (absolute === null) return null;
  const url = new URL(absolute);
  for (const name of TRACKING_PARAMS) url.searchParams.delete(name);
  url.hash = "";
  if (url.search === "?") url.search = "";
  return url.href;
}

/** The TopCV id in `/viec-lam/<slug>/<id>.html` or `/brand/<brand>/tuyen-dung/<slug>-j<id>.html`. */
export function externalIdFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const brand = /\/tuyen-dung\/[^/]*-j(\d+)\.html$/.exec(path);
  if (brand?.[1]) return brand[1];
  const standard = /\/viec-lam\/[^/]+\/(\d+)\.html$/.exec(path);
  return standard?.[1] ?? null;
}
