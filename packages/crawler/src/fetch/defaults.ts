import type { FetcherOptions } from "./fetcher";
import type { RetryPolicy } from "./retry-loop";

/** A clear bot user agent: who we are and that we obey robots.txt. Its product token is "jobsync-bot". */
export const DEFAULT_USER_AGENT = "jobsync-bot/0.1 (job listings aggregator; obeys robots.txt)";
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/**
 * A robots.txt Crawl-delay raises the per-host delay up to this (seconds): a site asking for 3600 s would otherwise
 * make a sync of 50 postings last two days.
 */
export const MAX_CRAWL_DELAY_SECS = 30;

/** The delay (seconds) a Crawl-delay imposes: the value asked, at most MAX_CRAWL_DELAY_SECS. */
export function cappedCrawlDelaySecs(crawlDelaySecs: number): number {
  return Math.min(MAX_CRAWL_DELAY_SECS, crawlDelaySecs);
}

/** The retry policy an options object asks for, with defaults filled. */
export function retryPolicy(options: FetcherOptions): RetryPolicy {
  return {
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    baseDelayMillis: options.retryBaseDelayMillis ?? 1000,
    maxDelayMillis: options.retryMaxDelayMillis ?? 30_000,
    maxRetryAfterMillis: options.maxRetryAfterMillis ?? 120_000,
    maxRateLimitWaits: options.maxRateLimitWaits ?? 5,
  };
}

/** Reject nonsense options with a message naming the field. */
export function validateFetcherOptions(options: FetcherOptions): void {
  const check = (name: string, value: number | undefined, min: number, integer = true) => {
    if (value === undefined) return;
    if (typeof value !== "number" || Number.isNaN(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new RangeError(
        `fetcher option ${name} must be ${integer ? "an integer" : "a number"} >= ${min}, got ${value}`,
      );
    }
  };
  check("timeoutMillis", options.timeoutMillis, 1);
  if (options.timeoutMillis === undefined) throw new RangeError("fetcher option timeoutMillis is required");
  check("requestDelayMillis", options.requestDelayMillis, 0, false);
  check("maxRetries", options.maxRetries, 0);
  check("maxRedirects", options.maxRedirects, 0);
  check("maxResponseBytes", options.maxResponseBytes, 1);
  check("retryBaseDelayMillis", options.retryBaseDelayMillis, 0);
  check("retryMaxDelayMillis", options.retryMaxDelayMillis, 0);
  check("maxRetryAfterMillis", options.maxRetryAfterMillis, 0);
  check("maxRateLimitWaits", options.maxRateLimitWaits, 0);
  check("browserPages", options.browserPages, 1);
  if (options.userAgent !== undefined && (typeof options.userAgent !== "string" || options.userAgent.trim() === "")) {
    throw new RangeError("fetcher option userAgent must be a non-empty string");
  }
}
