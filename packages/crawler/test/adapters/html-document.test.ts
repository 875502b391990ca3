import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { ElementIndex, fragmentText, hasClass, parsePage, textContent } from "../../src/adapters/html-document";
import { readParsedDetails, readSample } from "./samples";
import { brandDetailPage, standardDetailPage } from "./topcv-detail-pages";

/**
 * The parsers' shortcuts give cheerio's own answers: text without a cheerio wrapper, fragment text without a cheerio
 * load, and selectors compiled once instead of at each `.filter()`. Checked on every real page of shared/samples.
 */
const OPTIONS = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: "utf8" as const } };
const SAMPLE_PAGES = [
  "topcv/listing-ke-toan-page1-of-112.html",
  "topcv/listing-ke-toan-page112-last.html",
  "topcv/detail-2100892-excerpt.html",
  "topcv/cloudflare-challenge-excerpt.html",
  "itviec/company-jobs-page.html",
  "itviec/cloudflare-challenge.html",
];
const detailRows = readParsedDetails();
const pages = [
  ...SAMPLE_PAGES.map((name) => ({ name, html: readSample(name) })),
  ...detailRows.slice(0, 40).flatMap((row) => [
    { name: `standard ${row.id}`, html: standardDetailPage(row) },
    { name: `brand ${row.id}`, html: brandDetailPage(row) },
  ]),
];

/** Every selector the TopCV parsers filter with (detail-parser.ts, detail-facts.ts, json-ld.ts). */
const SELECTORS = [
  "h1.job-detail__info--title",
  'link[rel="canonical"]',
  ".job-detail__company--information-item.company-name a.name, .company-name-label a, .premium-job-company__name",
  ".premium-job-header__company--info .company-content__title h1",
  ".job-detail__company img, .premium-job-header__company img",
  ".section-location [data-original-title], .section-location [title]",
  ".premium-job-basic-information__deadline .deadline",
  ".job-tags__group-list-tag .item",
  ".job-detail__info--section-content-title",
  ".box-general-group-info-title",
  ".general-information-data__label",
  ".basic-information-item__title",
  ".job-detail__company--information-item .company-title",
  'script[type="application/ld+json"]',
  "div.job-item-search-result h3.title a",
];

describe("html-document: cheerio's answers without cheerio's per-call costs", () => {
  it("textContent is $(element).text() for every element of every sample page", () => {
    for (const { name, html } of pages) {
      const $ = load(html, OPTIONS);
      const { document } = parsePage(html);
      const ours = new ElementIndex(parsePage(html)).elements;
      const theirs = $("*").toArray();
      expect(ours.length, name).toBe(theirs.length);
      ours.forEach((element, i) => {
        expect(textContent(element), `${name}, element ${i}`).toBe($(theirs[i]).text());
      });
      expect(textContent(document), name).toBe($.root().text());
    }
  });

  it("fragmentText is cheerio's fragment text, on whole pages and on real section HTML", () => {
    const fragments = [
      ...pages.map((p) => p.html),
      ...detailRows.flatMap((row) => Object.values(row.detail_sections).map((section) => section.html ?? "")),
      "Hồ Chí Minh: Quận 12<br/>Đà Nẵng: Hải Châu &amp; <b>Quận&nbsp;1</b>",
      "<p>unclosed <div>and <!-- a comment --> text",
    ];
    for (const html of fragments) expect(fragmentText(html)).toBe(load(html, OPTIONS, false).root().text());
  });

  it("a compiled selector picks what $(elements).filter(selector) picks", () => {
    const matched = new Set<string>();
    for (const { name, html } of pages) {
      const index = new ElementIndex(parsePage(html));
      const $ = load(html, OPTIONS);
      const all = $("*").toArray();
      for (const selector of SELECTORS) {
        const ours = index.select(selector, index.elements).toArray();
        const theirs = $(all).filter(selector).toArray();
        expect(
          ours.map((e) => index.elements.indexOf(e as never)),
          `${name}: ${selector}`,
        ).toEqual(theirs.map((e) => all.indexOf(e)));
        if (ours.length > 0) matched.add(selector);
      }
    }
    expect(matched.size, "selectors that matched on some page").toBeGreaterThanOrEqual(8);
  });

  it("hasClass reads a class list as the selector `.token` does, on every element and on odd class strings", () => {
    const tokens = ["item", "job-tags__group", "company-title", "deadline", "box-title", "tag", "a", "title"];
    let listed = 0;
    for (const { name, html } of pages) {
      const $ = load(html, OPTIONS);
      for (const element of new ElementIndex(parsePage(html)).elements) {
        for (const token of tokens) {
          const expected = $(element).is(`.${token}`);
          expect(
            hasClass(element, token),
            `${name}: <${element.name} class="${element.attribs.class}"> .${token}`,
          ).toBe(expected);
          if (expected) listed++;
        }
      }
    }
    expect(listed, "classes found on the sample pages").toBeGreaterThan(200);
    const odd = [
      "item",
      " item",
      "item ",
      "items",
      "xitem",
      "item-x",
      "x item y",
      "x\titem\ny",
      "x\u00a0item",
      "item\u00a0",
      "\u3000item\u3000",
      "itemitem item",
      "item-a item",
      "a-item itemx",
      "",
      "   ",
      "ITEM",
      "it em",
      "x\u200bitem",
    ];
    for (const value of odd) {
      const [element] = new ElementIndex(parsePage(`<p class="${value}">x</p>`)).elements;
      expect(hasClass(element!, "item"), JSON.stringify(value)).toBe(value.split(/\s/).includes("item"));
    }
  });
});
