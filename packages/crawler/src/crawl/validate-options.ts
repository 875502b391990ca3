import type { CrawlOptions } from "./crawl-options";

/** Refuse options a crawl cannot honour, before any request: a RangeError naming the option. */
export function validateCrawlOptions(options: CrawlOptions): void {
  const { maxJobs, concurrency, maxConsecutiveBlocks, stopAfterKnownPages } = options;
  if (stopAfterKnownPages !== undefined && (!Number.isInteger(stopAfterKnownPages) || stopAfterKnownPages < 0)) {
    throw new RangeError(`stopAfterKnownPages must be an integer >= 0, got ${stopAfterKnownPages}`);
  }
  if (stopAfterKnownPages && !options.knownIds) throw new RangeError("stopAfterKnownPages needs knownIds");
  if (!Number.isInteger(maxJobs) || maxJobs < 1)
    throw new RangeError(`maxJobs must be an integer >= 1, got ${maxJobs}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  if (maxConsecutiveBlocks !== undefined && (!Number.isInteger(maxConsecutiveBlocks) || maxConsecutiveBlocks < 1)) {
    throw new RangeError(`maxConsecutiveBlocks must be an integer >= 1, got ${maxConsecutiveBlocks}`);
  }
  options.targets.forEach((target, i) => {
    if (!Number.isInteger(target.maxPages) || target.maxPages < 1) {
      throw new RangeError(
        `targets[${i}] ("${target.label}"): maxPages must be an integer >= 1, got ${target.maxPages}`,
      );
    }
  });
}
