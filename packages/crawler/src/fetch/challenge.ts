/**
 * Recognise challenge and block pages (Cloudflare "Just a moment...", captchas, access-denied walls) so a
 * block is reported as "blocked by the site" and never as a parse failure or an empty listing.
 * Only the first bytes are inspected: challenge pages are small and say so in their head.
 */
const SIGNATURES: ReadonlyArray<{ pattern: RegExp; reason: string }> = [
  { pattern: /<title>\s*Just a moment\.\.\.\s*<\/title>/i, reason: "Cloudflare challenge (Just a moment...)" },
  { pattern: /window\._cf_chl_opt|\/cdn-cgi\/challenge-platform\//i, reason: "Cloudflare challenge" },
  { pattern: /<title>\s*Attention Required!\s*\|\s*Cloudflare/i, reason: "Cloudflare block page (Attention Required)" },
  { pattern: /cf-error-details|<title>\s*Access denied\s*\|[^<]*Cloudflare/i, reason: "Cloudflare access denied" },
  { pattern: /<div[^>]+id=["']?px-captcha/i, reason: "PerimeterX captcha" },
  { pattern: /geo\.captcha-delivery\.com|datadome/i, reason: "DataDome captcha" },
  { pattern: /<title>\s*(?:Access Denied|Request Rejected)\s*<\/title>/i, reason: "access denied page" },
];

/**
 * A word of every signature above, so that one scan clears an ordinary page (every page is judged twice: by the
 * fetcher and by its parser); only a page holding one of them is matched signature by signature. Keep it in step
 * with SIGNATURES (a test checks that each signature's own examples pass it).
 */
const ANY_SIGNATURE =
  /just a moment|_cf_chl_opt|challenge-platform|attention required|cf-error-details|access denied|request rejected|px-captcha|captcha-delivery|datadome/i;

const INSPECTED_CHARS = 64 * 1024;

/**
 * The last few pages found clear, remembered so that a page's second judgement (its parser, after the fetcher, with
 * the very same string) is a comparison instead of a scan (~60 µs of a 25 KB detail page's ~0.3 ms parse). Only
 * pages up to INSPECTED_CHARS are kept: a few of them hold at most ~1 MB, and bigger pages are parsed in a worker,
 * which has its own copy of the text anyway.
 */
const recentlyClear: string[] = [];
const REMEMBERED = 8;

/** The reason this page is a challenge or block page, or null when it looks like a real page. */
export function detectChallenge(html: string): string | null {
  const whole = html.length <= INSPECTED_CHARS;
  if (whole && recentlyClear.includes(html)) return null;
  const head = whole ? html : html.slice(0, INSPECTED_CHARS);
  if (!ANY_SIGNATURE.test(head)) {
    if (whole && recentlyClear.push(html) > REMEMBERED) recentlyClear.shift();
    return null;
  }
  for (const { pattern, reason } of SIGNATURES) {
    if (pattern.test(head)) return reason;
  }
  return null;
}
