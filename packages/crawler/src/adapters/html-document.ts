import { type CheerioAPI, load } from "cheerio/slim";
import { collapseSpaces } from "../normalize/text";

/**
 * Loading and reading HTML for the site adapters. Pages are parsed with htmlparser2 (cheerio's fast, forgiving
 * parser; the parse5 default costs ~2.5× more on a 1.5 MB listing page).
 */
export type Selection = ReturnType<CheerioAPI>;

/** htmlparser2, entities decoded on read; `$.html()` writes UTF-8 text and escapes only `&<>"'`. */
const HTML_OPTIONS = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: "utf8" as const } };

export function loadHtml(html: string): CheerioAPI {
  return load(html, HTML_OPTIONS);
}

/** The text of an HTML fragment, entities decoded, whitespace as written. */
export function fragmentText(html: string): string {
  return load(html, HTML_OPTIONS, false).root().text();
}

/** Visible text with whitespace collapsed; "" when empty. */
export function textOf(selection: Selection): string {
  return collapseSpaces(selection.text());
}

/** Collapsed text, or null when there is none. */
export function textOrNull(selection: Selection): string | null {
  const text = textOf(selection);
  return text === "" ? null : text;
}

/** The first of the attributes that holds non-blank text, collapsed. */
export function attrOf(selection: Selection, ...names: string[]): string | null {
  for (const name of names) {
    const value = selection.attr(name);
    if (value !== undefined) {
      const text = collapseSpaces(value);
      if (text !== "") return text;
    }
  }
  return null;
}

/** An absolute http(s) URL for a link found on `baseUrl`, or null (no link, javascript:, unparseable). */
export function absoluteUrl(href: string | null | undefined, baseUrl: string): string | null {
  if (href === null || href === undefined) return null;
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return null;
  try {
    const url = new URL(trimmed, baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
