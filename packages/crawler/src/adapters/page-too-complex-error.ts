import { ParseError } from "./adapter";

/**
 * A page past the parsing budget — nested deeper than MAX_HTML_DEPTH, or still parsing after the time budget, or
 * out of the parser's memory: "page too complex (…)". A ParseError, so the page fails and the sync goes on.
 */
export class PageTooComplexError extends ParseError {
  override readonly reason: string;
  /** @param url the page's URL; "" when the parser does not know it (the parse pool fills it in) */
  constructor(reason: string, url: string) {
    super(`page too complex (${reason})`, url);
    if (url === "") this.message = `page too complex (${reason})`;
    this.name = "PageTooComplexError";
    this.reason = reason;
  }
}
