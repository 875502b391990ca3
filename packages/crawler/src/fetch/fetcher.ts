import type { FetcherKind } from "@jobsync/contracts";
import type { NetworkPolicy } from "../net/network-policy";
import type { HostThrottle } from "./host-throttle";
import type { RobotsVerdict } from "./robots-cache";

/** What a step asks a fetcher for. `purpose` is only used in messages and stats. */
export interface FetchRequest {
  url: string;
  signal?: AbortSignal;
  purpose?: "probe" | "listing" | "detail" | "robots";
  /** Told about each retry of this request (in addition to the fetcher's `onRetry`). */
  onRetry?: (info: RetryInfo) => void;
}

/** A page fetched with a 2xx status, decoded to text. Any other final status is thrown as an error. */
export interface FetchResponse {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  /**
   * The body's bytes as the site sent them, content-encoding (gzip, br) removed and charset not yet decoded, when
   * the fetcher has them (HTTP). The page archive stores these; without them it stores `body` as UTF-8.
   */
  payload?: Uint8Array;
  /**
   * The body as it came over the wire when the site compressed it (HTTP): the page archive stores these bytes, with
   * their Content-Encoding, as web archives do (cheaper than compressing `payload` again, and what the site sent).
   */
  encoded?: { bytes: Uint8Array; encoding: string };
  bytes: number;
  elapsedMs: number;
  /** 1 when the first try succeeded. */
  attempts: number;
}

/** Told to the caller each time a request is retried, so the sync job can count and show it. */
export interface RetryInfo {
  url: string;
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface FetcherStats {
  requests: number;
  retries: number;
  bytes: number;
  robotsDisallowed: number;
  blocked: number;
  /** Waits on a 429 Retry-After (they do not spend a retry). */
  rateLimitWaits?: number;
}

export interface FetcherOptions {
  kind: FetcherKind;
  /** Per-request timeout (the config's `timeout`, converted). */
  timeoutMillis: number;
  /** Minimum delay between two requests to the same host (the config's `request_delay`, converted). */
  requestDelayMillis: number;
  maxRetries?: number;
  userAgent?: string;
  maxRedirects?: number;
  maxResponseBytes?: number;
  respectRobotsTxt?: boolean;
  /**
   * Who may be connected to, checked at connect time on every hop (Chromium through a guard proxy). Absent: any
   * address (the library's callers decide; the server always passes its policy).
   */
  network?: NetworkPolicy;
  /** The per-host spacing, shared with another fetcher (a sync's probe keeps its fetcher's spacing and Crawl-delay). */
  throttle?: HostThrottle;
  /** Browser fetcher only. */
  headless?: boolean;
  chromiumPath?: string;
  onRetry?: (info: RetryInfo) => void;
  /** Backoff before the first retry (doubles each retry, with jitter). Default 1000. */
  retryBaseDelayMillis?: number;
  /** Backoff cap. Default 30000. */
  retryMaxDelayMillis?: number;
  /** A 429's Retry-After is honoured up to this. Default 120000. */
  maxRetryAfterMillis?: number;
  /** How many 429 waits one request may take (they do not spend `maxRetries`). Default 5. */
  maxRateLimitWaits?: number;
  /** Browser fetcher only: pages (tabs) used concurrently. Default 4. */
  browserPages?: number;
}

/** One interface for the HTTP and the browser fetcher. Always `close()` it, also after a failure. */
export interface Fetcher {
  readonly kind: FetcherKind;
  /** Its per-host spacing (request_delay, raised by a robots.txt Crawl-delay): another fetcher may share it. */
  readonly throttle: HostThrottle;
  /** Prepare (launch the browser); a no-op for HTTP. Returns a human description, e.g. "Chromium 156". */
  start(): Promise<string>;
  fetch(request: FetchRequest): Promise<FetchResponse>;
  /** What robots.txt says about `url`; reads it (over plain HTTP) before any other page of its host. */
  robotsVerdict(url: string, signal?: AbortSignal): Promise<RobotsVerdict>;
  stats(): FetcherStats;
  close(): Promise<void>;
}
