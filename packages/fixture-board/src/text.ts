/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Lower case, no diacritics (đ → d), hyphenated: "Kế toán tổng hợp" → "ke-toan-tong-hop". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "viec-lam";
}

/** A keyword slug as TopCV accepts it in `/tim-viec-lam-<slug>`. */
export const KEYWORD_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
