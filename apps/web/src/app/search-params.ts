/**
 * Query strings as people write them (`?q=ke+toan&page=2`): every value a plain string. The router's default would
 * JSON-encode values (`?q=%22123%22`), which breaks links typed by hand or built by other tools.
 */
export type PlainSearch = Record<string, string | undefined>;

export function parsePlainSearch(searchStr: string): PlainSearch {
  const out: PlainSearch = {};
  for (const [key, value] of new URLSearchParams(searchStr.replace(/^\?/, ""))) out[key] = value;
  return out;
}

export function stringifyPlainSearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Keep the string values of a parsed search (the router hands it over as `Record<string, unknown>`). */
export function plainSearch(search: Record<string, unknown>): PlainSearch {
  const out: PlainSearch = {};
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === "string" && value !== "") out[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

/**
 * A link from before the router (`/#/postings/12?x=1`): its path and query, on the pages' new paths. Null when
 * the URL has no such hash.
 */
export function legacyHashTarget(hash: string): string | null {
  if (!hash.startsWith("#/")) return null;
  const raw = hash.slice(1);
  const queryAt = raw.indexOf("?");
  let path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? "" : raw.slice(queryAt);
  path = `/${path.replace(/^\/+|\/+$/g, "")}`;
  if (path === "/postings" || path.startsWith("/postings/")) path = `/job-postings${path.slice("/postings".length)}`;
  return `${path}${query}`;
}
