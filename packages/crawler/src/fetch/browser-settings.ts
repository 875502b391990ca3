/** How the browser fetcher starts Chromium and what its pages may load. */

/** The house flags: headless-friendly, no sandbox (containers), no background traffic of Chromium's own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * What a page may not make Chromium hold: each renderer's JavaScript heap is capped (a page's scripts run out of
 * memory and the page fails, not the machine), and WebRTC may not open UDP around the guard proxy.
 */
export const RENDERER_LIMIT_ARGS = [
  "--js-flags=--max-old-space-size=512",
  "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
];

/** A page's own resources may add up to this many times the response-size cap before the page is stopped. */
export const PAGE_BYTES_FACTOR = 4;

/**
 * Sub-resources blocked by URL pattern over CDP (Network.setBlockedURLs: measured to cost nothing, where page.route()
 * made page loads 25 % slower): images, fonts and media, style sheets (a script waits for the style sheets before
 * it, so a slow one held `domcontentloaded` — nothing read from a page depends on them) and the usual analytics and
 * ad hosts, whose scripts are the slowest of a page and never carry its content.
 */
export const BLOCKED_URL_PATTERNS = [
  ...[
    ...["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp"],
    ...["woff", "woff2", "ttf", "otf", "eot"],
    ...["mp4", "webm", "ogg", "mp3", "wav", "m4a", "avi", "mov"],
    "css",
  ].flatMap((ext) => [`*.${ext}`, `*.${ext}?*`]),
  ...[
    "google-analytics.com",
    "googletagmanager.com",
    "doubleclick.net",
    "googlesyndication.com",
    "googleadservices.com",
    "facebook.net",
    "connect.facebook.com",
    "hotjar.com",
    "clarity.ms",
    "analytics.tiktok.com",
    "criteo.com",
    "adnxs.com",
  ].map((host) => `*://*${host}/*`),
];

/** A navigation that ends after its answer gets this long to hand over the document (content, charset). */
export const READ_GRACE_MILLIS = 5_000;
