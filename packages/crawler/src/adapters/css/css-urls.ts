import { createHash } from "node:crypto";
import { POSTING_LIMITS } from "@jobsync/contracts";

/** A start URL of the config, absolute: a path is resolved against the data source's base_url. */
export function startUrl(baseUrl: string, start: string): string {
  const base = new URL(baseUrl);
  if (base.protocol !== "http:" && base.protocol !== "https:")
    throw new RangeError(`base URL ${baseUrl} is not http(s)`);
  if (!start.startsWith("/")) return new URL(start).href;
  const prefix = base.pathname.replace(/\/+$/, "");
  return new URL(`${prefix}${start}`, base.origin).href;
}

/**
 * Page `page` of a start URL: page 1 is the start URL; later pages follow `page_url_template` ("?page={page}" sets
 * query parameters of the start URL, "/jobs/page/{page}" is a path on its host, an absolute URL is used as is).
 */
export function pageUrl(start: string, template: string | undefined, page: number): string {
  if (page <= 1 || template === undefined) return start;
  const filled = template.replaceAll("{page}", String(page));
  if (filled.startsWith("?")) {
    const url = new URL(start);
    for (const [key, value] of new URLSearchParams(filled.slice(1))) url.searchParams.set(key, value);
    return url.href;
  }
  return new URL(filled, start).href;
}

/** A posting link made canonical: fragment, utm_* and the configured tracking parameters removed. */
export function canonicalLink(href: string, pageUrl: string, dropParams: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) {
    if (key.toLowerCase().startsWith("utm_") || dropParams.includes(key)) url.searchParams.delete(key);
  }
  return url.href;
}

/** The id of a posting without an id selector: its link's path and query, hashed when too long to store. */
export function idFromUrl(url: string): string {
  const { pathname, search } = new URL(url);
  const id = `${pathname}${search}`;
  return id.length <= POSTING_LIMITS.externalId
    ? id
    : `sha256:${createHash("sha256").update(id).digest("hex").slice(0, 40)}`;
}
