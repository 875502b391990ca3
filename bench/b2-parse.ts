import { readFileSync } from "node:fs";
import { parseTopcvDetail, parseTopcvListing } from "@jobsync/crawler";
import { load } from "cheerio";
import type { Benchmark } from "./bench-types";
import { interleave, median, msPerCall } from "./lib/measure";
import { row } from "./lib/report";

const SAMPLES = ["listing-ke-toan-page1-of-112.html", "listing-ke-toan-page112-last.html"];
const DETAIL_SAMPLE = "detail-2100892-excerpt.html";
const SAMPLE_DIR = new URL("../../shared/samples/topcv/", import.meta.url);

/** B2 parse cost: the TopCV listing parser on the real 1.5 MB pages versus a bare cheerio.load of the same text. */
export const b2Parse: Benchmark = {
  id: "B2",
  title: "parse cost",
  async run(ctx) {
    const pages = SAMPLES.map((name) => readFileSync(new URL(name, SAMPLE_DIR), "utf8"));
    const url = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
    const cards = pages.reduce((n, html) => n + parseTopcvListing(html, url).cards.length, 0);
    ctx.log(
      `B2: ${pages.length} pages, ${cards} cards, ${(pages.reduce((n, p) => n + p.length, 0) / 2 / 1e6).toFixed(2)} M chars each on average`,
    );
    const perPage = (work: (html: string) => unknown) => async () =>
      msPerCall(() => pages.forEach(work), 5, 1500) / pages.length;
    const htmlparser2 = { xml: { xmlMode: false, decodeEntities: true } };
    const detail = readFileSync(new URL(DETAIL_SAMPLE, SAMPLE_DIR), "utf8");
    const detailUrl = "https://www.topcv.vn/viec-lam/ke-toan/2100892.html";
    const onDetail = (work: () => unknown) => async () => msPerCall(work, 20, 1000);
    const samples = await interleave(ctx.rounds + 2, {
      parser: perPage((html) => parseTopcvListing(html, url)),
      cheerioDefault: perPage((html) => load(html)),
      cheerioHtmlparser2: perPage((html) => load(html, htmlparser2)),
      detailParser: onDetail(() => parseTopcvDetail(detail, detailUrl)),
      detailLoad: onDetail(() => load(detail, htmlparser2)),
    });
    // the first two rounds warm the JIT up
    const ms = (key: keyof typeof samples) => median(samples[key].slice(2));
    const parser = ms("parser");
    return [
      row({
        id: "B2",
        what: "TopCV listing parser, real 1.5 MB page",
        value: parser,
        unit: "ms/page",
        baseline: { name: "cheerio.load (default, parse5)", value: ms("cheerioDefault") },
        goal: "≤ 1.50×",
        met: parser / ms("cheerioDefault") <= 1.5,
      }),
      row({
        id: "B2",
        what: "TopCV listing parser (stricter baseline)",
        value: parser,
        unit: "ms/page",
        baseline: { name: "cheerio.load htmlparser2 mode", value: ms("cheerioHtmlparser2") },
        goal: "≤ 1.50×",
        met: parser / ms("cheerioHtmlparser2") <= 1.5,
      }),
      row({
        id: "B2",
        what: "TopCV detail parser, real detail page (28 KB excerpt)",
        value: ms("detailParser"),
        unit: "ms/page",
        baseline: { name: "cheerio.load htmlparser2 mode", value: ms("detailLoad") },
        goal: "",
      }),
    ];
  },
};
