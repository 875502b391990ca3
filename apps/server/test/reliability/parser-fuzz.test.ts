import { readFileSync } from "node:fs";
import { SOURCE_KINDS } from "@jobsync/contracts";
import { adapterFor, BlockedError, InvalidPostingError, ParseError, type SiteAdapter } from "@jobsync/crawler";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * The parsers fed random bytes and mutated real pages (the TopCV and ITviec samples) never throw anything but a
 * ParseError (recorded as a parse error with its URL) or a BlockedError (a challenge page); and a card they return
 * becomes a draft or an InvalidPostingError, nothing else.
 */
const SAMPLES = new URL("../../../../../shared/samples/", import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, SAMPLES), "utf8");
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 120);

const TOPCV_LISTING_URL = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
const TOPCV_DETAIL_URL = "https://www.topcv.vn/viec-lam/ke-toan-tong-hop/2100892.html";
const ITVIEC_URL = "https://itviec.com/companies/mb-bank";

interface Target {
  name: string;
  adapter: SiteAdapter;
  phase: "listing" | "detail";
  html: string;
  url: string;
}

const topcv = adapterFor("topcv");
const itviec = adapterFor("itviec");
const TARGETS: Target[] = [
  {
    name: "TopCV listing page 1",
    adapter: topcv,
    phase: "listing",
    html: sample("topcv/listing-ke-toan-page1-of-112.html"),
    url: TOPCV_LISTING_URL,
  },
  {
    name: "TopCV last listing page",
    adapter: topcv,
    phase: "listing",
    html: sample("topcv/listing-ke-toan-page112-last.html"),
    url: TOPCV_LISTING_URL.replace("page=1", "page=112"),
  },
  {
    name: "TopCV detail",
    adapter: topcv,
    phase: "detail",
    html: sample("topcv/detail-2100892-excerpt.html"),
    url: TOPCV_DETAIL_URL,
  },
  {
    name: "ITviec company jobs",
    adapter: itviec,
    phase: "listing",
    html: sample("itviec/company-jobs-page.html"),
    url: ITVIEC_URL,
  },
];

const tally: Record<string, number> = {};
const count = (key: string) => {
  tally[key] = (tally[key] ?? 0) + 1;
};

/** Parse, then turn every card into a draft: only the allowed errors may come out. */
function parseChecked(target: Omit<Target, "html">, html: string): void {
  try {
    if (target.phase === "listing") {
      const page = target.adapter.parseListing(html, target.url);
      for (const card of page.cards) {
        try {
          target.adapter.toDraft(card, null, { crawledAt: new Date("2026-01-01T00:00:00Z") });
        } catch (error) {
          if (!(error instanceof InvalidPostingError)) throw error;
          count("invalid posting");
        }
      }
      count("parsed");
    } else {
      target.adapter.parseDetail?.(html, target.url);
      count("parsed");
    }
  } catch (error) {
    if (error instanceof ParseError) {
      expect(error.message).toContain(target.url);
      count("ParseError");
      return;
    }
    if (error instanceof BlockedError) {
      count("BlockedError");
      return;
    }
    throw new Error(
      `${target.name}: ${(error as Error)?.name}: ${(error as Error)?.message} on input of ${html.length} chars`,
      { cause: error },
    );
  }
}

/** One mutation of a real page: cut, delete, duplicate, inject, or corrupt. */
function mutation(html: string) {
  const pos = fc.nat(html.length);
  const junk = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.constantFrom(
      "<",
      ">",
      '"',
      "</div>",
      "<div",
      "<!--",
      "<script>",
      "</html>",
      "<![CDATA[",
      "&#0;",
      "&#xFFFFFF;",
      "\u0000",
      "\ud800",
      '<script type="application/ld+json">{"@type":"JobPosting",',
      'data-job-id="-1"',
      'href="javascript:alert(1)"',
      "Just a moment...",
    ),
  );
  return fc.oneof(
    pos.map((p) => html.slice(0, p)),
    fc.tuple(pos, fc.nat(20_000)).map(([p, n]) => html.slice(0, p) + html.slice(p + n)),
    fc.tuple(pos, fc.nat(20_000)).map(([p, n]) => html.slice(0, p + n) + html.slice(p)),
    fc.tuple(pos, junk).map(([p, j]) => html.slice(0, p) + j + html.slice(p)),
    fc
      .array(fc.tuple(pos, junk), { minLength: 5, maxLength: 40 })
      .map((edits) => edits.reduce((h, [p, j]) => h.slice(0, p) + j + h.slice(p + j.length), html)),
    fc.constant(html.replace(/<\/[a-z]+>/g, "")),
    fc.constant(html.replace(/"/g, "'")),
    fc.constant(html.replace(/class="/g, 'klass="')),
  );
}

describe("parsers never throw anything but ParseError or BlockedError", () => {
  for (const target of TARGETS) {
    it(`${target.name}: mutated`, () => {
      parseChecked(target, target.html); // the real page itself parses
      fc.assert(
        fc.property(mutation(target.html), (html) => parseChecked(target, html)),
        { numRuns: target.phase === "listing" ? Math.ceil(RUNS / 6) : RUNS },
      );
    });
  }

  it("every adapter on random input, empty pages and other sites' pages", () => {
    const adapters = SOURCE_KINDS.map((kind) => ({ kind, adapter: adapterFor(kind) })).filter(
      ({ adapter }) => !adapter.configure,
    );
    expect(adapters.map((a) => a.kind)).toContain("topcv");
    const others = TARGETS.map((t) => t.html);
    const input = fc.oneof(
      fc.string({ unit: "binary", maxLength: 2000 }),
      fc.string({ unit: "grapheme", maxLength: 500 }).map((s) => `<html><body>${s}</body></html>`),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.constantFrom("", " ", "null", "{}", "[]", '{"jobs": null}', "<html></html>", ...others),
    );
    for (const { kind, adapter } of adapters) {
      const url = kind === "itviec" ? ITVIEC_URL : kind === "topcv" ? TOPCV_LISTING_URL : "https://example.com/jobs";
      fc.assert(
        fc.property(input, (html) => {
          parseChecked({ name: `${kind} listing`, adapter, phase: "listing", url }, html);
          if (adapter.parseDetail) parseChecked({ name: `${kind} detail`, adapter, phase: "detail", url }, html);
        }),
        { numRuns: RUNS },
      );
    }
    console.info(`parser fuzz outcomes: ${JSON.stringify(tally)}`);
  });
});
