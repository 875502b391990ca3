import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const SAMPLES = new URL("../../../../../shared/samples/topcv/", import.meta.url);
const page1 = readFileSync(new URL("listing-ke-toan-page1-of-112.html", SAMPLES), "utf8");
const CARD = '<div class="job-item-search-result';

/** What one card of the served page says instead of the real card's own texts (absent: the real text). */
export interface CardTexts {
  salary: string;
  experience: string;
  /** The city text and the tooltip's places ("Hồ Chí Minh & 2 nơi khác" + its three lines). */
  city?: { shown: string; places: string[] };
  /** Replaces the company name (text and tooltip attribute). */
  company?: string;
}

const attr = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/**
 * A TopCV search page made of the real page 1 of "kế toán" (topcv/listing-ke-toan-page1-of-112.html): its head,
 * its first `cards.length` real cards with their salary, experience (and city or company) texts set to the given
 * ones, and its tail. Every other byte of those cards is the real markup.
 */
export function topcvPageWith(cards: readonly CardTexts[]): string {
  const [head, ...real] = page1.split(CARD);
  if (real.length < cards.length) throw new Error(`the sample has ${real.length} cards`);
  const last = real[real.length - 1] ?? "";
  const tail = last.slice(last.indexOf('<nav class="box-pagination">'));
  const chunks = cards.map((texts, i) => {
    let chunk = real[i] ?? "";
    chunk = chunk
      .replace(/(<label class="title-salary">)[\s\S]*?(<\/label>)/, `$1${attr(texts.salary)}$2`)
      .replace(/(<label class="exp">\s*<span>)[\s\S]*?(<\/span>)/, `$1${attr(texts.experience)}$2`);
    if (texts.city) {
      const tooltip = `<p style='text-align: left;margin-bottom: 0'>${texts.city.places.join("<br/>")}</p>`;
      chunk = chunk
        .replace(/(<label class="address truncate"[^>]*data-original-title=")[^"]*"/, `$1${attr(tooltip)}"`)
        .replace(/(<span class="city-text">)[\s\S]*?(<\/span>)/, `$1${attr(texts.city.shown)}$2`);
    }
    if (texts.company !== undefined) {
      chunk = chunk.replace(
        /(<span class="company-name"[^>]*data-original-title=")[^"]*(">)[^<]*/,
        `$1${attr(texts.company)}$2${attr(texts.company)}`,
      );
    }
    return chunk;
  });
  // the page's own end (pagination, footer) after the cards
  return [head, ...chunks].join(CARD) + (cards.length < real.length ? tail : "");
}

/**
 * A TopCV search with no results, RECONSTRUCTED from the same real page (see the crawler's
 * topcv-zero-result-page.ts): the "no suitable job" box and the "Việc làm có thể bạn sẽ quan tâm" heading shown,
 * every card a suggestion (`data-box="SuggestJobBoxNoResult"`).
 */
export function topcvZeroResultPage(): string {
  return page1
    .replace(
      '<div class="none-suitable-job hidden-on-quick-view" style="display: none">',
      '<div class="none-suitable-job hidden-on-quick-view">',
    )
    .replace(
      '<div class="interested-job hidden-on-quick-view" style="display: none">',
      '<div class="interested-job hidden-on-quick-view">',
    )
    .replaceAll('data-box="BoxSearchResult"', 'data-box="SuggestJobBoxNoResult"');
}

/** A local stand-in for topcv.vn: `/tim-viec-lam-<keyword>` answers pages[keyword], `/` a home page. */
export function startTopcvSite(pages: Record<string, string>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const keyword = /^\/tim-viec-lam-([a-z0-9-]+)$/.exec(path)?.[1];
    const body =
      path === "/" ? "<html><head><title>TopCV</title></head><body>home</body></html>" : pages[keyword ?? ""];
    if (body === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=UTF-8" }).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}
