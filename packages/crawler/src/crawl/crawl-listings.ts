import type { CrawlItem, CrawlResult } from "./crawl-events";
import type { CrawlOptions } from "./crawl-options";
import { crawlStream } from "./crawl-stream";

export type CrawlListingsOptions = CrawlOptions;

/**
 * The whole crawl at once: `crawlStream` with every batch collected, for callers that want all the postings in
 * memory (the CLI, tests, small boards). The sync engine streams instead.
 */
export async function crawlListings(options: CrawlListingsOptions): Promise<CrawlResult> {
  const items: CrawlItem[] = [];
  const result = await crawlStream({
    ...options,
    onBatch: async (batch) => {
      items.push(...batch.items);
    },
  });
  return { ...result, items };
}
