/** ITviec URLs: searches `/it-jobs/<keyword>?page=N`, company pages `/companies/<slug>`, jobs `/it-jobs/<slug>`. */

function origin(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RangeError(`base URL ${baseUrl} is not http(s)`);
  return url;
}

function at(baseUrl: string, path: string): URL {
  const base = origin(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  return new URL(`${prefix}${path}`, base.origin);
}

export function itviecSearchUrl(baseUrl: string, keyword: string, page: number): string {
  const url = at(baseUrl, `/it-jobs/${encodeURIComponent(keyword)}`);
  if (page > 1) url.searchParams.set("page", String(page));
  return url.href;
}

export function itviecCompanyUrl(baseUrl: string, company: string): string {
  return at(baseUrl, `/companies/${encodeURIComponent(company)}`).href;
}

export function itviecHomeUrl(baseUrl: string): string {
  return at(baseUrl, "/").href;
}

/** The job's canonical URL (query and fragment dropped: `?lab_feature=...` is tracking) and its slug, the id. */
export function itviecJobLink(href: string, pageUrl: string): { url: string; slug: string } | null {
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const match = /\/it-jobs\/([^/?#]+)\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  url.search = "";
  url.hash = "";
  return { url: url.href, slug: decodeURIComponent(match[1]) };
}

/** A link without its query and fragment (company links carry `?lab_feature=...`). */
export function withoutQuery(href: string | null, pageUrl: string): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href, pageUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.search = "";
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}
