import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";
import { load } from "cheerio";
import { Agent, request } from "undici";

const decoders: Record<string, (buffer: Buffer) => Promise<Buffer>> = {
  br: promisify(brotliDecompress),
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
};

/** The same request headers as jobsync's HTTP fetcher, so the board does the same work for every contender. */
export const CRAWL_HEADERS = {
  "user-agent": "jobsync-bench/1.0",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-language": "vi-VN,vi;q=0.9,en;q=0.8",
  "accept-encoding": "gzip, deflate, br",
};

export interface CrawlTally {
  pages: number;
  postings: number;
  ms: number;
}

async function getText(agent: Agent, url: string): Promise<string> {
  const response = await request(url, { dispatcher: agent, headers: CRAWL_HEADERS });
  const raw = Buffer.from(await response.body.arrayBuffer());
  if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
  const encoding = String(response.headers["content-encoding"] ?? "");
  const decode = decoders[encoding];
  return (decode ? await decode(raw) : raw).toString("utf8");
}

/**
 * The floor a crawler cannot beat by much: undici + cheerio (htmlparser2 mode) fetching the listing pages, reading
 * each card's link, then fetching and parsing every detail page, `concurrency` requests in flight. No retries, no
 * normalising, no database.
 */
export async function bareLoop(
  listingUrls: readonly string[],
  concurrency: number,
  parser: "htmlparser2" | "parse5" = "htmlparser2",
  onPage: (url: string) => void = () => {},
): Promise<CrawlTally> {
  const options = parser === "htmlparser2" ? { xml: { xmlMode: false, decodeEntities: true } } : {};
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
  const queue: Array<{ url: string; kind: "listing" | "detail" }> = listingUrls.map((url) => ({
    url,
    kind: "listing",
  }));
  const seen = new Set<string>();
  let pages = 0;
  let titles = 0;
  const start = performance.now();
  const handle = async (task: { url: string; kind: "listing" | "detail" }) => {
    const html = await getText(agent, task.url);
    const $ = load(html, options);
    pages += 1;
    onPage(task.url);
    if (task.kind === "detail") {
      titles += $("h1").first().text().trim() === "" ? 0 : 1;
      return;
    }
    $("div.job-item-search-result h3.title a").each((_, element) => {
      const href = $(element).attr("href");
      if (!href) return;
      const url = new URL(href, task.url);
      url.search = "";
      if (!seen.has(url.href)) {
        seen.add(url.href);
        queue.push({ url: url.href, kind: "detail" });
      }
    });
  };
  let inFlight = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      while (inFlight < concurrency && queue.length > 0) {
        const task = queue.shift()!;
        inFlight += 1;
        handle(task).then(() => {
          inFlight -= 1;
          if (queue.length === 0 && inFlight === 0) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
  });
  await agent.close();
  if (titles === 0 && pages > listingUrls.length) throw new Error("no detail page had a title");
  return { pages, postings: seen.size, ms: performance.now() - start };
}
