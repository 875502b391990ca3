import { Catalog, LAYOUT_VARIANTS, type LayoutVariant } from "@jobsync/fixture-board";
import type { AnyNode } from "domhandler";
import { describe, expect, it } from "vitest";
import { renderListing } from "../../../fixture-board/src/render-listing";
import { MAX_HTML_DEPTH, textContent } from "../../src/adapters/html-document";
import { PageTooComplexError } from "../../src/adapters/page-too-complex-error";
import { parseTopcvListing } from "../../src/adapters/topcv/listing-parser";
import { scanListing } from "../../src/adapters/topcv/listing-scan";
import { readSample } from "./samples";
import { parseTopcvListingOracle, scanPageOracle } from "./topcv-listing-oracle";
import { zeroResultPage } from "./topcv-zero-result-page";

/**
 * The scanning listing parser (cards' nodes only) against the parser that built the whole DOM (the oracle, kept in
 * topcv-listing-oracle.ts): the same ListingPage, or the same error, and card by card the same tree, on real pages,
 * the fixture board's pages and malformed HTML.
 */
const PAGE_URL = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";

/** A node as plain data (no parent or sibling links), to compare trees built by different handlers. */
function plain(node: AnyNode): unknown {
  const out: Record<string, unknown> = { type: node.type };
  if ("name" in node) out.name = node.name;
  if ("attribs" in node) out.attribs = node.attribs;
  if ("data" in node) out.data = node.data;
  if ("children" in node) out.children = node.children.map(plain);
  return out;
}

function outcome(parse: () => unknown): unknown {
  try {
    return { page: parse() };
  } catch (error) {
    const e = error as Error;
    return { error: e.constructor.name, message: e.message };
  }
}

/** Same ListingPage (or error) as the oracle, and the same scan: cards, text of the pagination, next link. */
function expectSameAsOracle(html: string, url = PAGE_URL): void {
  expect(outcome(() => parseTopcvListing(html, url))).toEqual(outcome(() => parseTopcvListingOracle(html, url)));
  const scan = outcome(() => scanListing(html)) as { page?: ReturnType<typeof scanListing> };
  const old = outcome(() => scanPageOracle(html)) as { page?: ReturnType<typeof scanPageOracle> };
  if (scan.page === undefined || old.page === undefined) {
    expect(scan).toEqual(old);
    return;
  }
  const now = scan.page;
  const was = old.page;
  expect(now.cards.map(plain)).toEqual(was.cards.map(plain));
  for (const card of now.cards) expect(card.parent).toBeNull();
  expect(now.paginateText).toBe(was.paginate ? textContent(was.paginate) : null);
  expect(now.nextAttribs).toEqual(was.next?.attribs);
  expect({ marker: now.marker, noResults: now.noResults, nextDisabled: now.nextDisabled }).toEqual({
    marker: was.marker,
    noResults: was.noResults,
    nextDisabled: was.nextDisabled,
  });
}

describe("the scanning TopCV listing parser agrees with the whole-DOM one", () => {
  it.each([
    "topcv/listing-ke-toan-page1-of-112.html",
    "topcv/listing-ke-toan-page112-last.html",
    "topcv/cloudflare-challenge-excerpt.html",
  ])("on the real %s", (path) => {
    expectSameAsOracle(readSample(path));
  });

  it.each([false, true])("on the reconstructed search without results (pagination kept: %s)", (withPagination) => {
    expectSameAsOracle(zeroResultPage({ withPagination }));
  });

  const origin = "http://127.0.0.1:4321";
  const catalog = new Catalog({ seed: 11, origin, pagesPerKeyword: 3, cardsPerPage: 50, hostileShare: 0.3 });
  const listing = (keyword: string, page: number, pageWeightBytes: number, layout: LayoutVariant | null) => {
    const totalPages = catalog.pageCount(keyword);
    return renderListing({
      origin,
      keyword,
      page,
      totalPages,
      postings: catalog.idsOn(keyword, page).map((id) => catalog.posting(id)),
      totalPostings: (totalPages - 1) * catalog.cardCount(keyword, 1) + catalog.cardCount(keyword, totalPages),
      pageWeightBytes,
      layout,
    });
  };
  const boardCases = ["ke-toan", "marketing", "it-phan-mem"].flatMap((keyword) =>
    [1, 3, 4].flatMap((page) =>
      [0, 1024 * 1024].flatMap((weight) =>
        [null, ...LAYOUT_VARIANTS].map((layout) => [keyword, page, weight, layout] as const),
      ),
    ),
  );
  it.each(boardCases)("on the fixture board's %s page %i (%i bytes, layout %s)", (keyword, page, weight, layout) => {
    const html = listing(keyword, page, weight, layout);
    expectSameAsOracle(html, `${origin}/tim-viec-lam-${keyword}?type_keyword=1&page=${page}&sba=1`);
  });

  it("on fixture board pages cut short, with tags dropped, doubled or added (seeded)", () => {
    // a few cards, so that each mutation lands in or around a card often
    const small = new Catalog({ seed: 5, origin, pagesPerKeyword: 3, cardsPerPage: 6, hostileShare: 0.3 });
    const base = renderListing({
      origin,
      keyword: "ke-toan",
      page: 2,
      totalPages: 3,
      postings: small.idsOn("ke-toan", 2).map((id) => small.posting(id)),
      totalPostings: 17,
      pageWeightBytes: 8 * 1024,
    });
    let seed = 12;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const at = (text: string) => Math.floor(random() * text.length);
    const mutations: ((html: string) => string)[] = [
      (html) => html.slice(0, at(html)),
      (html) => dropNth(html, "</div>", random),
      (html) => dropNth(html, "</span>", random),
      (html) => dropNth(html, "</a>", random),
      (html) => insertAt(html, at(html), "</div>"),
      (html) => insertAt(html, at(html), `<div class="job-item-search-result" data-job-id="9${at(html)}">`),
      (html) => insertAt(html, at(html), '<p class="box-job-list">'),
      (html) => insertAt(html, at(html), "</p></br><li>"),
      (html) => insertAt(html, at(html), '<span id="job-listing-paginate-text">7 / 9'),
      (html) => insertAt(html, at(html), '<a rel="next" href="/tim-viec-lam-x?page=9">'),
    ];
    for (let round = 0; round < 300; round++) {
      let html = base;
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++)
        html = (mutations[Math.floor(random() * mutations.length)] as (h: string) => string)(html);
      expectSameAsOracle(html);
    }
  });
});

function dropNth(html: string, tag: string, random: () => number): string {
  const parts = html.split(tag);
  if (parts.length < 2) return html;
  const n = Math.floor(random() * (parts.length - 1));
  return parts.slice(0, n + 1).join(tag) + parts.slice(n + 1).join(tag);
}

function insertAt(html: string, at: number, text: string): string {
  return html.slice(0, at) + text + html.slice(at);
}

/** A card the parser reads in full: id, title link, company, salary, place, tags. */
function card(id: number, inner = "", box = "BoxSearchResult"): string {
  return `<div class="job-item-search-result  bg-highlight" data-job-id="${id}" data-box="${box}">
  <h3 class="title"><a href="https://www.topcv.vn/viec-lam/ke-toan-${id}/${id}.html?ta_source=x"><span title="Kế toán ${id}">Kế toán ${id}</span></a></h3>
  <a class="company" href="https://www.topcv.vn/cong-ty/c/${id}.html"><span class="company-name">Công ty &amp; ${id}</span></a>
  <label class="title-salary"> 10 - 15 triệu </label><span class="city-text">Hà Nội</span>
  <div class="tag"><span class="item-tag">Kế toán</span><span class="item-tag">Thuế</span></div>${inner}
</div>`;
}

const PAGINATION = `<nav><ul class="pagination"><li><span id="job-listing-paginate-text"><span>1&nbsp;</span>/&nbsp;3 trang</span></li>
<li><a rel="next" data-href="https://www.topcv.vn/tim-viec-lam-ke-toan?page=2">›</a></li></ul></nav>`;
const list = (body: string) =>
  `<!DOCTYPE html><html><body><div class="job-list-search-result">${body}</div></body></html>`;

describe("the scanning TopCV listing parser on malformed pages, as the whole-DOM one reads them", () => {
  it.each([
    ["well formed", list(card(1) + card(2)) + PAGINATION],
    ["unclosed tags inside a card", list(card(1, "<div><span><b>bold<i>it</div><p>one<p>two<li>x<li>y") + card(2))],
    [
      "unclosed tags around cards",
      `<div class="box-job-list"><section><p>${card(1)}<span>${card(2)}<ul><li>${card(3)}`,
    ],
    ["a card never closed before the end", list(card(1)) + card(2).replace(/<\/div>\s*$/, "")],
    [
      "a card cut off inside a tag at the end",
      `${list(card(1))}<div class="job-item-search-result" data-job-id="5"><h3 class="title"><a href="/viec-lam/a/5.html`,
    ],
    ["a card cut off inside its start tag", `${list(card(1))}<div class="job-item-search-result" data-job-id="5`],
    ["the pagination cut off at the end", `${list(card(1))}<span id="job-listing-paginate-text">1 / 3 <b class="x`],
    ["an extra </div> inside a card", list(card(1, "</div><span class='tag'>after</span>") + card(2))],
    ["extra </div>s outside", `</div></div>${list(card(1))}</div></div></div>${card(2)}</div>`],
    ["nested cards", list(card(1, card(2, card(3))) + card(4))],
    ["a card inside a suggested box", list(`<div data-box="SuggestJobBoxNoResult">${card(1)}</div>`)],
    ["a suggested card holding a result card", list(card(1, card(2), "SuggestJobBoxNoResult") + card(3))],
    ["a suggested card only", list(card(1, "", "RecommendBox"))],
    ["pagination inside a card", list(card(1, PAGINATION)) + PAGINATION.replace("1&nbsp;", "2&nbsp;")],
    ["pagination inside a suggested card only", list(card(1) + card(2, PAGINATION, "suggest"))],
    ["a card inside the pagination text", `<span id="job-listing-paginate-text">1 ${card(1)} / 3</span>`],
    ["two pagination texts", list(card(1)) + PAGINATION.replace("1&nbsp;", "3&nbsp;") + PAGINATION],
    [
      "pagination text with script, comment and CDATA",
      `${list(card(1))}<span id="job-listing-paginate-text"><script>var a = "2 / 9";</script><!-- 4 / 5 --><![CDATA[ 6 / 7 ]]>1 / 3<style>x</style></span>`,
    ],
    [
      "a next link and a disabled next inside a card only",
      list(card(1, '<a rel="next" href="/p2">n</a><li class="disabled" aria-label="Next »">x</li>')),
    ],
    ["two next links", `${list(card(1))}<a rel="next" href="/p3">a</a><a rel="next" data-href="/p2">b</a>`],
    ["a disabled next", `${list(card(1))}<ul><li class="disabled x" aria-label="Next »"><span>›</span></ul>`],
    ["comments, CDATA and a doctype inside a card", list(card(1, "a<!-- c -->b<![CDATA[d]]>e<!DOCTYPE x><?pi y?>f"))],
    ["stray </p> and </br> inside a card", list(card(1, "text</p>more</br>end"))],
    ["a paragraph closed by a card", `<p class="box-job-list">intro${card(1)}tail</p>`],
    [
      "svg, self-closing tags and script text inside a card",
      list(card(1, '<svg><path d="M0"/><use/></svg><br/><img src=x><script>"</div>"</script><div/>x')),
    ],
    [
      "upper-case tags and attributes, repeated attributes",
      list(
        card(1)
          .replace("<div class", '<DIV CLASS="x" class')
          .replace(/<\/div>\s*$/, "</DIV>"),
      ),
    ],
    [
      "a card class split by tabs and new lines",
      list(card(1).replace("job-item-search-result  bg", "\n\tjob-item-search-result\n bg")),
    ],
    ["a look-alike class", list(card(1).replace("job-item-search-result ", "job-item-search-result-x "))],
    ["the card class on a non-div", `<section class="job-item-search-result" data-job-id="3">${card(1)}</section>`],
    ["a shown 'no results' box", `<div class="none-suitable-job"><p>none</p></div>${card(1, "", "suggest")}`],
    ["a hidden 'no results' box", `<div class="none-suitable-job d-none"></div>${list(card(1))}`],
    ["a 'no results' box inside a card", list(card(1, '<div class="none-suitable-job"></div>'))],
    ["a marker inside a card only", `<div>${card(1, '<div class="box-job-list"></div>', "suggest")}</div>`],
    ["table rows and implied closes", `<table class="box-job-list"><tr><td>${card(1)}<td>${card(2)}</table>`],
    ["no listing at all", "<html><body><p>hello</p></body></html>"],
    ["an empty page", ""],
  ])("%s", (_name, html) => {
    expectSameAsOracle(html);
  });
});

describe("the scanning TopCV listing parser refuses deep pages as parsePage does", () => {
  const nested = (depth: number, inner = "") => `${"<div>".repeat(depth)}${inner}${"</div>".repeat(depth)}`;
  it.each([
    ["just deep enough", nested(MAX_HTML_DEPTH - 1, '<div class="box-job-list"></div>')],
    ["one too deep", nested(MAX_HTML_DEPTH, '<div class="box-job-list"></div>')],
    ["too deep inside a card", nested(600, card(1, nested(500)))],
    ["too deep inside a suggested card", nested(600, card(1, nested(500), "suggest"))],
    ["deep but not too deep inside a card", nested(400, card(1, nested(500)))],
    ["deep with void elements", nested(MAX_HTML_DEPTH - 1, `<br>${card(1)}`)],
  ])("%s", (_name, html) => {
    expectSameAsOracle(html);
  });

  it("throws PageTooComplexError past MAX_HTML_DEPTH", () => {
    expect(() => scanListing(nested(MAX_HTML_DEPTH + 1))).toThrow(PageTooComplexError);
    expect(() => scanListing(nested(MAX_HTML_DEPTH))).not.toThrow();
  });
});
