import type { Readable } from "node:stream";
import { Agent, type Dispatcher, request } from "undici";
import { createGuardedAgent } from "../net/guarded-agent";
import { decodeBody } from "./charset";
import {
  cappedCrawlDelaySecs,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_USER_AGENT,
  retryPolicy,
  validateFetcherOptions,
} from "./defaults";
import {
  AbortedError,
  FetchError,
  HttpStatusError,
  NetworkError,
  ResponseTooLargeError,
  RobotsDisallowedError,
  TimeoutError,
  TooManyRedirectsError,
} from "./errors";
import type { Fetcher, FetcherOptions, FetcherStats, FetchRequest, FetchResponse, RetryInfo } from "./fetcher";
import { HostThrottle } from "./host-throttle";
import { parseHttpUrl } from "./http-url";
import { acceptResponse, bodyNeeded } from "./judge-response";
import { readBody } from "./response-body";
import { parseRetryAfter } from "./retry-after";
import { AttemptFailure, type RetryPolicy, statusFailure, withRetries } from "./retry-loop";
import { productToken, ROBOTS_MAX_BYTES } from "./robots";
import { RobotsCache, type RobotsVerdict } from "./robots-cache";

/** Statuses whose body is read to tell a challenge page from a plain refusal. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Readable & { dump?: (opts?: { limit: number }) => Promise<void> };
  finalUrl: URL;
  /** Clears the per-hop timer once the body is read. */
  done: () => void;
  /** Whether this hop's timer fired. */
  timedOut: () => boolean;
}

export interface HttpFetcherOptions extends FetcherOptions {}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * Plain HTTP over undici: keep-alive connections, gzip/br/deflate, a timeout per request, retries with backoff and
 * jitter, 429 Retry-After, a per-host delay, robots.txt, redirect and size limits, charset decoding and challenge
 * detection. Every failure is a FetchError subclass carrying its retry semantics.
 */
export class HttpFetcher implements Fetcher {
  readonly kind = "http" as const;
  readonly userAgent: string;
  private readonly agent: Agent;
  readonly throttle: HostThrottle;
  private readonly robots: RobotsCache | null;
  private readonly policy: RetryPolicy;
  private readonly maxRedirects: number;
  private readonly maxResponseBytes: number;
  private readonly lifetime = new AbortController();
  private readonly counters = { requests: 0, retries: 0, bytes: 0, robotsDisallowed: 0, blocked: 0, rateLimitWaits: 0 };
  private closed = false;

  constructor(private readonly options: HttpFetcherOptions) {
    validateFetcherOptions(options);
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.policy = retryPolicy(options);
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.throttle = options.throttle ?? new HostThrottle(options.requestDelayMillis);
    const agentOptions = {
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      connections: 16,
      headersTimeout: options.timeoutMillis,
      bodyTimeout: options.timeoutMillis,
    };
    // with a network policy, every connection (each redirect hop included) goes to an address the policy checked
    this.agent = options.network
      ? createGuardedAgent(options.network, { ...agentOptions, connectTimeoutMillis: options.timeoutMillis })
      : new Agent({ ...agentOptions, connect: { timeout: options.timeoutMillis } });
    this.robots =
      options.respectRobotsTxt === false
        ? null
        : new RobotsCache(
            (url, signal) => this.loadRobots(url, signal),
            productToken(this.userAgent),
            this.lifetime.signal,
            (origin, crawlDelaySecs) => {
              // Crawl-delay is a floor under request_delay, capped
              if (crawlDelaySecs !== null)
                this.throttle.raiseDelay(new URL(origin).host, cappedCrawlDelaySecs(crawlDelaySecs) * 1000);
            },
          );
  }

  async start(): Promise<string> {
    return `HTTP (undici, ${this.userAgent})`;
  }

  stats(): FetcherStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.lifetime.abort();
    await this.agent.destroy().catch(() => {});
  }

  async fetch(req: FetchRequest): Promise<FetchResponse> {
    const url = this.parseUrl(req.url);
    if (req.signal?.aborted) throw new AbortedError(req.url);
    const started = performance.now();
    // close() cancels every wait and request in flight, like the caller's own signal
    const signal = req.signal ? AbortSignal.any([req.signal, this.lifetime.signal]) : this.lifetime.signal;
    await this.assertAllowed(url, signal);
    const onRetry = this.retryListener(req);
    const { value, attempts } = await withRetries(req.url, this.policy, () => this.attempt(url, signal), {
      signal,
      onRetry,
      counters: this.counters,
    });
    return { ...value, url: req.url, elapsedMs: Math.round(performance.now() - started), attempts };
  }

  /** Throws RobotsDisallowedError when robots.txt forbids `url` (no-op when robots are not respected). */
  async assertAllowed(url: URL, signal?: AbortSignal): Promise<void> {
    if (!this.robots) return;
    const { allowed, reason } = await this.robots.check(url, signal);
    if (allowed) return;
    this.counters.robotsDisallowed++;
    throw new RobotsDisallowedError(url.href, reason);
  }

  /** What robots.txt says about `url` (it is read now, before any page of its host, if it was not yet). */
  async robotsVerdict(rawUrl: string, signal?: AbortSignal): Promise<RobotsVerdict> {
    const url = this.parseUrl(rawUrl);
    if (!this.robots) {
      return {
        robotsUrl: `${url.origin}/robots.txt`,
        outcome: "off",
        httpStatus: null,
        allowed: true,
        crawlDelaySecs: null,
        truncated: false,
        summary: "robots.txt is not read (respect_robots_txt off)",
        error: null,
      };
    }
    const combined = signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal;
    return this.robots.verdict(url, combined);
  }

  private parseUrl(raw: string): URL {
    if (this.closed) throw new FetchError(`fetcher is closed: ${raw}`, raw, false);
    return parseHttpUrl(raw);
  }

  private retryListener(req: FetchRequest): (info: RetryInfo) => void {
    return (info) => {
      this.options.onRetry?.(info);
      req.onRetry?.(info);
    };
  }

  /** One try: follow redirects, read and decode the body, and judge the status. */
  private async attempt(
    url: URL,
    signal?: AbortSignal,
  ): Promise<Omit<FetchResponse, "url" | "elapsedMs" | "attempts">> {
    const exchange = await this.follow(url, signal, true);
    const { status, headers, finalUrl } = exchange;
    const href = finalUrl.href;
    try {
      if (bodyNeeded(status)) {
        const received = await this.receive(exchange, signal);
        const { text } = decodeBody(received.bytes, headers["content-type"]);
        acceptResponse(href, status, headers, text, () => this.counters.blocked++);
        const encoded = received.encoded
          ? { encoded: { bytes: received.encoded, encoding: headers["content-encoding"] ?? "" } }
          : {};
        return {
          finalUrl: href,
          status,
          headers,
          body: text,
          payload: received.bytes,
          ...encoded,
          bytes: received.wireBytes,
        };
      }
      await this.discard(exchange);
      // not a 2xx nor a status a challenge page answers: the status alone decides
      throw statusFailure(href, status, headers) as AttemptFailure;
    } finally {
      exchange.done();
    }
  }

  private async receive(exchange: Exchange, signal?: AbortSignal, options: { truncateAt?: number } = {}) {
    const href = exchange.finalUrl.href;
    const declared = Number(exchange.headers["content-length"]);
    try {
      if (options.truncateAt === undefined && Number.isFinite(declared) && declared > this.maxResponseBytes) {
        exchange.body.destroy();
        throw new ResponseTooLargeError(href, this.maxResponseBytes);
      }
      const received = await readBody(
        exchange.body,
        exchange.headers["content-encoding"],
        options.truncateAt ?? this.maxResponseBytes,
        href,
        { truncate: options.truncateAt !== undefined },
      );
      this.counters.bytes += received.wireBytes;
      return received;
    } catch (error) {
      throw this.mapError(error, href, signal, exchange.timedOut());
    }
  }

  private async discard(exchange: Exchange): Promise<void> {
    try {
      await (exchange.body.dump ? exchange.body.dump({ limit: 64 * 1024 }) : exchange.body.destroy());
    } catch {
      // a body we do not want cannot fail the request
    }
  }

  /** Send the request and follow redirects (each hop throttled and checked against robots.txt). */
  private async follow(start: URL, signal: AbortSignal | undefined, checkRobots: boolean): Promise<Exchange> {
    let url = start;
    for (let hop = 0; ; hop++) {
      if (hop > 0 && checkRobots) await this.assertAllowed(url, signal);
      const exchange = await this.exchange(url, signal);
      const location = exchange.headers.location;
      if (!REDIRECT_STATUSES.has(exchange.status) || !location) return exchange;
      await this.discard(exchange);
      exchange.done();
      if (hop >= this.maxRedirects) throw new TooManyRedirectsError(start.href, this.maxRedirects);
      try {
        url = new URL(location, url);
      } catch {
        throw new NetworkError(url.href, `redirect to an invalid location "${location}"`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new FetchError(`redirect to a non-HTTP URL: ${url.href}`, start.href, false);
      }
    }
  }

  /** One HTTP request/response, after the host's delay, with its own timeout. */
  private async exchange(url: URL, signal?: AbortSignal): Promise<Exchange> {
    const release = await this.throttle.wait(url, signal);
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), this.options.timeoutMillis);
    const signals = [timer.signal, this.lifetime.signal, ...(signal ? [signal] : [])];
    const combined = AbortSignal.any(signals);
    this.counters.requests++;
    try {
      const response = await request(url, {
        dispatcher: this.agent as Dispatcher,
        method: "GET",
        signal: combined,
        headers: {
          "user-agent": this.userAgent,
          accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          "accept-language": "vi-VN,vi;q=0.9,en;q=0.8",
          "accept-encoding": "gzip, deflate, br",
        },
      });
      return {
        status: response.statusCode,
        headers: flattenHeaders(response.headers),
        body: response.body,
        finalUrl: url,
        done: () => clearTimeout(timeout),
        timedOut: () => timer.signal.aborted,
      };
    } catch (error) {
      clearTimeout(timeout);
      throw this.mapError(error, url.href, signal, timer.signal.aborted);
    } finally {
      release(); // the answer has begun: the request surely reached the server
    }
  }

  /** Cancellation first, then our timeout, then what undici said. */
  private mapError(error: unknown, url: string, signal: AbortSignal | undefined, timedOut: boolean): Error {
    if (signal?.aborted || this.lifetime.signal.aborted) return new AbortedError(url);
    if (error instanceof FetchError || error instanceof AttemptFailure) return error;
    const code = (error as { code?: string }).code ?? "";
    if (timedOut || TIMEOUT_CODES.has(code)) return new TimeoutError(url, this.options.timeoutMillis);
    const message = error instanceof Error ? error.message : String(error);
    return new NetworkError(url, code ? `${code}: ${message}` : message, { cause: error });
  }

  /** robots.txt with retries but without a robots check; any status is an answer. */
  private async loadRobots(
    robotsUrl: string,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: string; truncated: boolean }> {
    const url = new URL(robotsUrl);
    const { value } = await withRetries(
      robotsUrl,
      this.policy,
      async () => {
        const exchange = await this.follow(url, signal, false);
        try {
          if (exchange.status === 429) {
            await this.discard(exchange);
            throw new AttemptFailure(
              new HttpStatusError(robotsUrl, 429),
              parseRetryAfter(exchange.headers["retry-after"]),
              true,
            );
          }
          if (exchange.status >= 500) {
            await this.discard(exchange);
            throw new AttemptFailure(
              new HttpStatusError(robotsUrl, exchange.status),
              parseRetryAfter(exchange.headers["retry-after"]),
            );
          }
          if (exchange.status < 200 || exchange.status >= 300) {
            await this.discard(exchange);
            return { status: exchange.status, body: "", truncated: false };
          }
          // RFC 9309 §2.5: the first 500 KiB are parsed; a bigger file is cut there, never a failure
          const received = await this.receive(exchange, signal, { truncateAt: ROBOTS_MAX_BYTES });
          const text = decodeBody(received.bytes, exchange.headers["content-type"]).text;
          // a cut file loses its last, partial line (a half rule could forbid more than the site meant)
          const body = received.truncated ? text.slice(0, Math.max(0, text.search(/[\r\n][^\r\n]*$/))) : text;
          return { status: exchange.status, body, truncated: received.truncated };
        } finally {
          exchange.done();
        }
      },
      { signal, onRetry: (info) => this.options.onRetry?.(info), counters: this.counters },
    );
    return value;
  }
}
