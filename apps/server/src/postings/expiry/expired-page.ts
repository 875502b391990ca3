/**
 * What a posting's page says when the job is gone: 404/410, or a board's "no longer accepting" text (Vietnamese and
 * English; matched without accents, so "Đã hết hạn nộp hồ sơ" and "da het han nop ho so" both count).
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

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** Why the page shows the posting closed, or null when it looks open (or the answer says nothing, e.g. a 503). */
export function expiredReason(status: number, body: string): string | null {
  if (status === 404 || status === 410) return `the page answers HTTP ${status}`;
  if (status < 200 || status >= 300) return null;
  const text = fold(visibleText(body));
  const hit = GONE_TEXTS.find((phrase) => text.includes(phrase));
  return hit ? `the page says "${hit}"` : null;
}

/**
 * The page's text without tags, scripts and styles, in one linear pass (a hostile page of unclosed "<script" or "<"
 * made the regular expressions this replaces quadratic, on the event loop).
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
