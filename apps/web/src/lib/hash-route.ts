/** A tiny hash router: `#/path/segments?key=value`. The server serves one page, so no history fallback is needed. */

export interface HashRoute {
  /** Always starts with "/". */
  path: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, "");
  const queryAt = raw.indexOf("?");
  const pathPart = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? "" : raw.slice(queryAt + 1);
  const path = `/${pathPart.replace(/^\/+/, "").replace(/\/+$/, "")}`;
  return { path, params: new URLSearchParams(query) };
}

export function formatHash(path: string, params?: URLSearchParams | Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) search.set(key, value);
  } else if (params) {
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  }
  const query = search.toString();
  return `#${path}${query ? `?${query}` : ""}`;
}

/** Match `/postings/:id` style patterns; returns the named segments or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(":")) out[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return out;
}
