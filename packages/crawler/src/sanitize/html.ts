import sanitize from "sanitize-html";

/**
 * Job posting HTML is sanitised before it is stored: an allow-list of text markup, links only to http(s) and
 * mailto (marked rel="nofollow noopener"), no scripts, styles, frames, objects, SVG, event handlers, style
 * attributes or comments. Content of dropped containers (script, style, svg...) is dropped with them.
 */

const ALLOWED_TAGS = [
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "a",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "caption",
  "colgroup",
  "col",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "span",
  "div",
  "blockquote",
];

const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "select",
  "noscript",
  "title",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "head",
];

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
const LINK_REL = "nofollow noopener";

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "rel"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
  parseStyleAttributes: false,
  transformTags: {
    a: (tagName, attribs) => {
      const href = (attribs.href ?? "").trim();
      // Only absolute http(s) and mailto links survive; relative, javascript:, data: and the like lose the href.
      const safe: sanitize.Attributes = SAFE_HREF.test(href) ? { href, rel: LINK_REL } : {};
      return { tagName, attribs: safe };
    },
  },
};

/** Sanitised HTML, whitespace runs collapsed (no <pre> is allowed, so none is meaningful); "" if nothing is left. */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS).replace(/\s+/g, " ").trim();
}

/** Sanitised HTML, or null when the input is null or nothing meaningful is left (no text, only empty tags). */
export function sanitizeHtmlOrNull(html: string | null | undefined): string | null {
  if (html === null || html === undefined) return null;
  const clean = sanitizeHtml(html);
  const text = clean
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|\s/g, "")
    .trim();
  return text === "" ? null : clean;
}
