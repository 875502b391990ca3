/**
 * Whether an `If-None-Match` header names this ETag (RFC 9110 §13.1.2: `*`, or a list of entity tags compared
 * weakly, so `W/"x"` matches `"x"`). Then GET answers 304 Not Modified.
 */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (value.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return value.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
