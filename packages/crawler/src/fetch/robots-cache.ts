import { abortable } from "./backoff";
import { AbortedError, FetchError, HttpStatusError, TooManyRedirectsError } from "./errors";
import { ROBOTS_MAX_BYTES, RobotsTxt } from "./robots";

/** What loading a robots.txt gave: a status and body, or a thrown FetchError (network, timeout, 5xx after retries). */
export type RobotsLoader = (
  robotsUrl: string,
  signal?: AbortSignal,
) => Promise<{ status: number; body: string; truncated?: boolean }>;

/** How long an unreachable robots.txt is remembered before it is tried again. */
const UNREACHABLE_TTL_MILLIS = 60_000;

/** How a site's robots.txt was read. */
export type RobotsOutcome = "rules" | "missing" | "server_error" | "unreachable" | "off";

/** What robots.txt says about one URL, with what was read, for a step's details. */
export interface RobotsVerdict {
  robotsUrl: string;
  outcome: RobotsOutcome;
  /** The final HTTP status of robots.txt, when it answered. */
  httpStatus: number | null;
  allowed: boolean;
  /** The Crawl-delay the file asks of us (seconds), or null. */
  crawlDelaySecs: number | null;
  /** Only the first 500 KiB of a larger file were read (RFC 9309 §2.5). */
  truncated: boolean;
  /** One line for people: "robots.txt answered HTTP 503: ..." */
  summary: string;
  /** Unreachable: the fetch error (a refused private address, connection refused...). */
  error: FetchError | null;
}

interface Loaded {
  robots: RobotsTxt;
  outcome: Exclude<RobotsOutcome, "unreachable" | "off">;
  httpStatus: number | null;
  truncated: boolean;
  /** Why everything is disallowed (a 5xx), shown in every refusal. */
  disallowReason: string | null;
}

type Entry = Loaded | { unreachable: FetchError; at: number };

/**
 * robots.txt, fetched once per origin and kept for the fetcher's life (one sync job). RFC 9309 §2.3.1:
 * 2xx → its rules (the first 500 KiB); 4xx ("unavailable") → everything allowed; 5xx → everything disallowed; more
 * than five redirects → unavailable (allowed). Unreachable (network error, timeout or a refused address, after
 * retries) → everything disallowed too, but the caller gets the error itself ("connection refused" says more than
 * "disallowed"); it is retried after 60 s. `onLoaded` hears each file's Crawl-delay.
 */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Entry>>();

  /**
   * @param lifetime aborts the shared loads (the fetcher closes); one caller's own signal only stops its waiting,
   *   never a load other requests share.
   */
  constructor(
    private readonly load: RobotsLoader,
    private readonly token: string,
    private readonly lifetime?: AbortSignal,
    private readonly onLoaded?: (origin: string, crawlDelaySecs: number | null) => void,
  ) {}

  /**
   * Whether `url` may be fetched, and why not when a whole site is off limits (a 5xx robots.txt); throws the
   * robots.txt fetch error when the site could not be reached.
   */
  async check(url: URL, signal?: AbortSignal): Promise<{ allowed: boolean; reason: string | null }> {
    const entry = await this.entry(url, signal);
    if ("unreachable" in entry) throw entry.unreachable;
    const allowed = entry.robots.isAllowed(`${url.pathname}${url.search}`, this.token);
    return { allowed, reason: allowed ? null : entry.disallowReason };
  }

  /** Whether `url` may be fetched; throws the robots.txt fetch error when the site could not be reached. */
  async isAllowed(url: URL, signal?: AbortSignal): Promise<boolean> {
    return (await this.check(url, signal)).allowed;
  }

  /** Everything known about `url`'s robots.txt (read now if it was not yet); never throws a fetch error. */
  async verdict(url: URL, signal?: AbortSignal): Promise<RobotsVerdict> {
    const robotsUrl = `${url.origin}/robots.txt`;
    const entry = await this.entry(url, signal);
    if ("unreachable" in entry) {
      return {
        robotsUrl,
        outcome: "unreachable",
        httpStatus: null,
        allowed: false,
        crawlDelaySecs: null,
        truncated: false,
        summary: `robots.txt could not be read, so nothing may be crawled: ${entry.unreachable.message}`,
        error: entry.unreachable,
      };
    }
    const allowed = entry.robots.isAllowed(`${url.pathname}${url.search}`, this.token);
    const crawlDelaySecs = entry.robots.crawlDelayFor(this.token);
    return {
      robotsUrl,
      outcome: entry.outcome,
      httpStatus: entry.httpStatus,
      allowed,
      crawlDelaySecs,
      truncated: entry.truncated,
      summary: summarize(entry, crawlDelaySecs),
      error: null,
    };
  }

  private async entry(url: URL, signal?: AbortSignal): Promise<Entry> {
    let entry = await abortable(this.robotsFor(url.origin), url.href, signal);
    if ("unreachable" in entry && performance.now() - entry.at > UNREACHABLE_TTL_MILLIS) {
      // an old "unreachable": read it again, the site may be back
      this.byOrigin.delete(url.origin);
      entry = await abortable(this.robotsFor(url.origin), url.href, signal);
    }
    return entry;
  }

  private robotsFor(origin: string): Promise<Entry> {
    let pending = this.byOrigin.get(origin);
    if (!pending) {
      pending = this.fetchRobots(`${origin}/robots.txt`, this.lifetime);
      this.byOrigin.set(origin, pending);
      // a cancelled load is not an answer: the next caller tries again
      pending.catch(() => this.byOrigin.delete(origin));
      pending.then(
        (entry) => {
          if ("robots" in entry) this.onLoaded?.(origin, entry.robots.crawlDelayFor(this.token));
        },
        () => {},
      );
    }
    return pending;
  }

  private async fetchRobots(robotsUrl: string, signal?: AbortSignal): Promise<Entry> {
    try {
      const { status, body, truncated = false } = await this.load(robotsUrl, signal);
      if (status >= 200 && status < 300) {
        return { robots: RobotsTxt.parse(body), outcome: "rules", httpStatus: status, truncated, disallowReason: null };
      }
      if (status >= 400 && status < 500) return missing(status);
      return serverError(status);
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      if (error instanceof TooManyRedirectsError) return missing(null);
      if (error instanceof HttpStatusError)
        return error.status < 500 ? missing(error.status) : serverError(error.status);
      if (error instanceof FetchError) return { unreachable: error, at: performance.now() };
      throw error;
    }
  }
}

function missing(status: number | null): Loaded {
  return {
    robots: RobotsTxt.allowAll(),
    outcome: "missing",
    httpStatus: status,
    truncated: false,
    disallowReason: null,
  };
}

function serverError(status: number): Loaded {
  return {
    robots: RobotsTxt.disallowAll(),
    outcome: "server_error",
    httpStatus: status,
    truncated: false,
    disallowReason: `robots.txt answered HTTP ${status}, so nothing may be crawled (RFC 9309)`,
  };
}

function summarize(entry: Loaded, crawlDelaySecs: number | null): string {
  if (entry.disallowReason) return entry.disallowReason;
  if (entry.outcome === "missing") {
    return entry.httpStatus === null
      ? "robots.txt redirects too often: treated as absent, everything allowed"
      : `robots.txt answered HTTP ${entry.httpStatus}: everything allowed`;
  }
  const parts = [`robots.txt read (HTTP ${entry.httpStatus})`];
  if (entry.truncated) parts.push(`only its first ${ROBOTS_MAX_BYTES / 1024} KiB, as RFC 9309 allows`);
  if (crawlDelaySecs !== null) parts.push(`Crawl-delay ${crawlDelaySecs} s`);
  return parts.join("; ");
}
