import { foldText } from "../normalize/text";

/**
 * What a posting's page says when the job is gone: 404/410, or a board's "no longer accepting" text (Vietnamese and
 * English; matched without accents, so "Đã hết hạn nộp hồ sơ" and "da het han nop ho so" both count). Used by the
 * crawl (a detail page of a posting that closed between its listing and its detail) and by the expiry re-check.
 */
const GONE_TEXTS = [
  "tin tuyen dung da het han",
  "da het han nop ho so",
  "het han nhan ho so",
  "ngung nhan ho so",
  "khong con nhan ho so",
  "cong viec nay da het han",
  "no longer accepting applications",
  "this job has expired",
  "this job is no longer available",
];

/**
 * A cheap first look on the raw page (precomposed or unaccented text, any case): only a page that has one of these
 * words is folded and matched phrase by phrase, so an ordinary detail page costs one regex scan.
 */
const MAYBE_GONE = /h[eếẾ]t\s+h[aạẠ]n|ng[uừỪ]ng\s+nh[aậẬ]n|kh[oôÔ]ng\s+c[oòÒ]n\s+nh[aậẬ]n|no longer|has expired/i;

/** Pages are read up to here: a closed-posting notice sits near the top, and folding a whole 1 MB page costs. */
const SCAN_CHARS = 400_000;

/**
 * The page's text without tags, scripts and styles, in one linear pass (a hostile page of unclosed "<script" or "<"
 * made regular expressions quadratic, on the event loop).
 */
export function visibleText(html: string): string {
  const lower = html.toLowerCase();
  let out = "";
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf("<", at);
    if (open === -1) {
      out += html.slice(at);
      break;
    }
    out += `${html.slice(at, open)} `;
    const raw = /^<(script|style)[\s>]/.exec(lower.slice(open, open + 8))?.[1];
    const close = raw ? lower.indexOf(`</${raw}`, open) : html.indexOf(">", open);
    if (close === -1) break; // an unclosed tag or script runs to the end: no visible text after it
    at = raw ? lower.indexOf(">", close) + 1 || html.length : close + 1;
  }
  return out;
}

/** The reason an HTTP status says the posting is gone (404/410), or null. */
export function goneStatusReason(status: number): string | null {
  return status === 404 || status === 410 ? `the page answers HTTP ${status}` : null;
}

/** Why the page shows the posting closed, or null when it looks open (or the answer says nothing, e.g. a 503). */
export function goneReason(status: number, body: string): string | null {
  const byStatus = goneStatusReason(status);
  if (byStatus) return byStatus;
  if (status < 200 || status >= 300) return null;
  if (!MAYBE_GONE.test(body.slice(0, SCAN_CHARS))) return null;
  const text = foldText(visibleText(body.slice(0, SCAN_CHARS)));
  const hit = GONE_TEXTS.find((phrase) => text.includes(phrase));
  return hit ? `the page says "${hit}"` : null;
}
