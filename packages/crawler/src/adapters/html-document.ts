import { type CheerioAPI, load } from "cheerio/slim";
import { compile } from "css-select";
import { type AnyNode, type Document, DomHandler, type Element } from "domhandler";
import { Parser, parseDocument as parseFragmentDocument } from "htmlparser2";
import { collapseSpaces } from "../normalize/text";
import { classListHas } from "./dom-walk";
import { PageTooComplexError } from "./page-too-complex-error";

/**
 * Loading and reading HTML for the site adapters. Pages are parsed with htmlparser2 (cheerio's fast, forgiving
 * parser; the parse5 default costs ~2.5× more on a 1.5 MB listing page).
 */
export type Selection = ReturnType<CheerioAPI>;

/** htmlparser2, entities decoded on read; `$.html()` writes UTF-8 text and escapes only `&<>"'`. */
const HTML_OPTIONS = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: "utf8" as const } };

/** The options of htmlparser2's Parser and DomHandler for every page (for a handler of one's own, as parsePage's). */
export const PARSER_OPTIONS = HTML_OPTIONS.xml;

/**
 * Elements nested deeper than this make a page "too complex". Real boards nest about 25 deep (TopCV's listing 24,
 * ITviec's 22); Chromium itself flattens past 512. 100,000 unclosed <div>s used to freeze the parser for half a
 * minute (its cost grows with depth): now they fail in about a millisecond.
 */
export const MAX_HTML_DEPTH = 1000;

/** Throws PageTooComplexError when an element opens inside `openElements` elements and that is too deep. */
export function refuseDepth(openElements: number): void {
  if (openElements >= MAX_HTML_DEPTH) throw new PageTooComplexError(`more than ${MAX_HTML_DEPTH} nested elements`, "");
}

/** cheerio's htmlparser2 tree, built by a handler that refuses depth past MAX_HTML_DEPTH as it goes. */
class DepthLimitedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // the stack holds the root and every open element
    refuseDepth(this.tagStack.length - 1);
    super.onopentag(name, attribs);
  }
}

function parseDocument(html: string): Document {
  const handler = new DepthLimitedHandler(undefined, HTML_OPTIONS.xml);
  new Parser(handler, HTML_OPTIONS.xml).end(html);
  return handler.root;
}

/** Parse a page; throws PageTooComplexError past MAX_HTML_DEPTH. */
export function loadHtml(html: string): CheerioAPI {
  return load(parseDocument(html), HTML_OPTIONS);
}

/**
 * One cheerio instance for every page a hot parser reads by its nodes (`nodes.$(elements)`, `nodes.$.html(node)`):
 * `load()` builds a new class per page, and every selection of that page then pays for it (~15 % of a detail page's
 * parse). Its own root is an empty document, so it never runs a selector from the root (`$("h1")`): select among
 * the page's elements (`ElementIndex.select`, `.find`), as the TopCV parsers do.
 */
const nodesOnly = load(new DomHandler().root, HTML_OPTIONS);

/** A parsed page and the shared cheerio instance to wrap its nodes with. Throws PageTooComplexError past MAX_HTML_DEPTH. */
export interface ParsedPage {
  document: Document;
  $: CheerioAPI;
}

export function parsePage(html: string): ParsedPage {
  return { document: parseDocument(html), $: nodesOnly };
}

/** `$(node).text()`: the text of the nodes and their descendants, as written (script and style text included). */
export function textContent(node: AnyNode | readonly AnyNode[]): string {
  if (isNodeList(node)) {
    let text = "";
    for (const each of node) text += textContent(each);
    return text;
  }
  if (Object.hasOwn(node, "children") && node.type !== "comment") return textContent((node as Element).children);
  return node.type === "text" ? (node as { data: string }).data : "";
}

function isNodeList(node: AnyNode | readonly AnyNode[]): node is readonly AnyNode[] {
  return Array.isArray(node);
}

/** The text of an HTML fragment, entities decoded, whitespace as written. */
export function fragmentText(html: string): string {
  return textContent(parseFragmentDocument(html, HTML_OPTIONS.xml));
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

/**
 * Every element of a loaded document in document order, collected in one walk of the tree, so that a parser that
 * asks many questions of one page scans a flat array (cheap tests on each element's name and attributes) instead of
 * running a CSS selector over the whole tree for each question. `select` then applies the exact selector to the few
 * candidates, so the answer is the one `$(selector)` would give, in the same order.
 */
export class ElementIndex {
  readonly elements: Element[] = [];
  readonly $: CheerioAPI;

  constructor(page: ParsedPage) {
    this.$ = page.$;
    collectElements(page.document.children, this.elements);
  }

  /** Elements for which `test` holds, in document order. */
  where(test: (element: Element) => boolean): Element[] {
    return this.elements.filter(test);
  }

  /** `$(selector)` among `candidates` (a superset of its matches, in document order). */
  select(selector: string, candidates: Element[]): Selection {
    if (candidates.length === 0) return this.$([]);
    const test = compiledSelector(selector);
    return test ? this.$(candidates.filter(test)) : this.$(candidates).filter(selector);
  }
}

/**
 * Selectors compiled once per process: `.filter(selector)` parses and compiles its selector on every call, which
 * cost a detail page more than its own matching. The same compiler and options cheerio's filter uses (css-select,
 * HTML mode), so the matches are the same. Selectors with a pseudo-class (`:first`, cheerio's positional ones) are
 * left to cheerio.
 */
const compiledSelectors = new Map<string, ((element: Element) => boolean) | null>();
const MAX_COMPILED_SELECTORS = 256;

function compiledSelector(selector: string): ((element: Element) => boolean) | null {
  let test = compiledSelectors.get(selector);
  if (test === undefined) {
    test = selector.includes(":") ? null : compile<AnyNode, Element>(selector, { xmlMode: false });
    if (compiledSelectors.size < MAX_COMPILED_SELECTORS) compiledSelectors.set(selector, test);
  }
  return test;
}

function collectElements(nodes: AnyNode[], into: Element[]): void {
  for (const node of nodes) {
    if (isElement(node)) {
      into.push(node);
      collectElements(node.children, into);
    }
  }
}

/** Whether the element's class attribute lists `token` (as the selector `.token` reads it). */
export function hasClass(element: Element, token: string): boolean {
  return classListHas(element.attribs.class, token);
}

/** An element node, as CSS selectors see it (script and style elements included). */
export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/** The descendants of `element` (itself excluded) for which `test` holds, in document order: `$(element).find(…)`. */
export function descendants(element: Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (test(node)) found.push(node);
      visit(node.children);
    }
  };
  visit(element.children);
  return found;
}

/** Whether an ancestor of the element lists `token` in its class attribute (`.token element`). */
export function hasAncestorClass(element: Element, token: string): boolean {
  for (let node = element.parent; node !== null; node = node.parent) {
    if (isElement(node) && hasClass(node, token)) return true;
  }
  return false;
}
