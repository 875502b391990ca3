/**
 * Crawlee's CheerioCrawler over the fixture board, as a user would write it: listing pages enqueue the detail links,
 * detail pages are parsed. Run in its own process by B1:
 *   tsx bench/peers/crawlee-peer.ts <concurrency> <listing-url>...
 * Prints one JSON line: { pages, postings, ms }.
 */
import { CheerioCrawler, Configuration } from "@crawlee/cheerio";

const [concurrencyArg, ...listingUrls] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
if (!Number.isInteger(concurrency) || concurrency < 1 || listingUrls.length === 0) {
  console.error("usage: tsx bench/peers/crawlee-peer.ts <concurrency> <listing-url>...");
  process.exit(2);
}

const config = new Configuration({ persistStorage: false, purgeOnStart: true });
let pages = 0;
const postings = new Set<string>();
const crawler = new CheerioCrawler(
  {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 0,
    requestHandlerTimeoutSecs: 60,
    async requestHandler({ $, request, enqueueLinks }) {
      pages += 1;
      if (request.label === "detail") {
        if ($("h1").first().text().trim() !== "") postings.add(request.url);
        return;
      }
      await enqueueLinks({
        selector: "div.job-item-search-result h3.title a",
        label: "detail",
        transformRequestFunction: (req) => {
          const url = new URL(req.url);
          url.search = "";
          req.url = url.href;
          req.uniqueKey = url.href;
          return req;
        },
      });
    },
  },
  config,
);
const start = performance.now();
await crawler.run(listingUrls.map((url) => ({ url, label: "listing" })));
console.log(JSON.stringify({ pages, postings: postings.size, ms: performance.now() - start }));
