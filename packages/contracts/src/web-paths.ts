/**
 * The admin UI's pages. The server answers a browser's GET of any of these paths, or of a path under one of them
 * (`/data-sources/TopCV`, `/sync-jobs/<id>`), with the single-page app, so deep links survive a reload. The web
 * router's top-level paths must be listed here (a web test checks it).
 */
export const WEB_APP_PATHS = [
  "/data-sources",
  "/sync-history",
  "/sync-jobs",
  "/job-postings",
  "/notifications",
  "/users",
  "/audit",
] as const;
export type WebAppPath = (typeof WEB_APP_PATHS)[number];

/** Paths the server owns: never answered with the admin UI, even when a browser asks for HTML. */
export const SERVER_PATH_PREFIXES = ["/api", "/healthz", "/readyz", "/metrics"] as const;

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** `/`, a page of the admin UI, or a path under one. */
export function isWebAppPath(path: string): boolean {
  return path === "/" || WEB_APP_PATHS.some((prefix) => under(path, prefix));
}

export function isServerPath(path: string): boolean {
  return SERVER_PATH_PREFIXES.some((prefix) => under(path, prefix));
}
