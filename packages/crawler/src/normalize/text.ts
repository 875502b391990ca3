/**
 * Text folding for matching Vietnamese text: lower case, no diacritics (đ → d), single spaces.
 * "Thành phố Hồ Chí Minh" and "thanh pho ho chi minh" fold to the same string.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /[\s\u00a0\u200b\ufeff]+/g;

/**
 * Short texts folded lately: parsers fold the same labels and headings on every page ("Mức lương", "Kinh nghiệm",
 * "Địa điểm làm việc"...), and a look-up costs less than the NFD normalisation and four replacements (~3 % of a
 * sync's main thread, B1). Bounded: emptied when full.
 */
const folded = new Map<string, string>();
const FOLDED_MAX_CHARS = 80;
const FOLDED_ENTRIES = 4096;

export function foldText(s: string): string {
  if (s.length > FOLDED_MAX_CHARS) return fold(s);
  let out = folded.get(s);
  if (out === undefined) {
    if (folded.size >= FOLDED_ENTRIES) folded.clear();
    out = fold(s);
    folded.set(s, out);
  }
  return out;
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(WHITESPACE, " ")
    .trim();
}

/** Folded text with every run of punctuation turned into one space: "Bà Rịa-Vũng Tàu" → "ba ria vung tau". */
export function foldWords(s: string): string {
  return foldText(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A URL slug as TopCV builds them: "Kế toán tổng hợp" → "ke-toan-tong-hop". */
export function slugify(s: string): string {
  return foldWords(s).replace(/ /g, "-");
}

/** Collapse whitespace (incl. non-breaking spaces) and trim; keeps case and diacritics. */
export function collapseSpaces(s: string): string {
  return s.replace(WHITESPACE, " ").trim();
}

/** The text held to `max` characters: a longer one is cut to end in "…" within the limit, never in half a character. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(value.charAt(end - 1))) end--;
  return `${value.slice(0, end).trimEnd()}…`;
}

/**
 * Control characters no stored text may hold: C0 controls but tab and line breaks (NUL, "\b"...), DEL, C1
 * controls, and the bidirectional embedding/override/isolate marks that can make a title read backwards.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** A UTF-16 surrogate without its pair: not a character, and PostgreSQL refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any surrogate: a text without one (most) has no lone one, and skips LONE_SURROGATE's look-around scan. */
const ANY_SURROGATE = /[\ud800-\udfff]/;

/** The text without control characters; a lone surrogate becomes U+FFFD (the replacement character). */
export function stripControlChars(s: string): string {
  const clean = s.replace(CONTROL_CHARS, "");
  return ANY_SURROGATE.test(clean) ? clean.replace(LONE_SURROGATE, "\ufffd") : clean;
}

/** Every string inside a plain value (objects, arrays), without control characters; other values as they are. */
export function withoutControlChars<T>(value: T): T {
  if (typeof value === "string") return stripControlChars(value) as T;
  if (Array.isArray(value)) return value.map(withoutControlChars) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = withoutControlChars(entry);
    return out as T;
  }
  return value;
}
