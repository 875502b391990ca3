/**
 * Text folding for matching Vietnamese text: lower case, no diacritics (đ → d), single spaces.
 * "Thành phố Hồ Chí Minh" and "thanh pho ho chi minh" fold to the same string.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /[\s\u00a0\u200b\ufeff]+/g;

export function foldText(s: string): string {
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
