import { abortable } from "./backoff";
import { AbortedError, FetchError, HttpStatusError, TooManyRedirectsError } from "./errors";
import { RobotsTxt } from "./robots";

/** What loading a robots.txt gave: a status and body, or a thrown FetchError (network, timeout, 5xx after retries). */
export type RobotsLoader = (robotsUrl: string, signal?: AbortSignal) => Promise<{ status: number; body: string }>;

/** How long an unreachable robots.txt is remembered before it is tried again. */
const UNREACHABLE_TTL_MILLIS = 60_000;

type Entry = { robots: RobotsTxt } | { unreachable: FetchError; at: number };

/**
 * robots.txt, fetched once per origin and kept for the fetcher's life (one sync job). RFC 9309 §2.3.1:
 * 2xx → its rules; 4xx ("unavailable") → everything allowed; 5xx → everything disallowed; more than five redirects
 * → unavailable (allowed). Unreachable (network error or timeout, after retries) → everything disallowed too, but the
 * caller gets the network error itself ("connection refused" says more than "disallowed"); it is retried after 60 s.
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
  ) {}

  /** Whether `url` may be fetched; throws the robots.txt fetch error when the site could not be reached. */
  async isAllowed(url: URL, signal?: AbortSignal): Promise<boolean> {
    let entry = await abortable(this.robotsFor(url.origin), url.href, signal);
    if ("unreachable" in entry && performance.now() - entry.at > UNREACHABLE_TTL_MILLIS) {
      // an old "unreachable": read it again, the site may be back
      this.byOrigin.delete(url.origin);
      entry = await abortable(this.robotsFor(url.origin), url.href, signal);
    }
    if ("unreachable" in entry) throw entry.unreachable;
    return entry.robots.isAllowed(`${url.pathname}${url.search}`, this.token);
  }

  private robotsFor(origin: string): Promise<Entry> {
    let pending = this.byOrigin.get(origin);
    if (!pending) {
      pending = this.fetchRobots(`${origin}/robots.txt`, this.lifetime);
      this.byOrigin.set(origin, pending);
      // a cancelled load is not an answer: the next caller tries again
      pending.catch(() => this.byOrigin.delete(origin));
    }
    return pending;
  }

  private async fetchRobots(robotsUrl: string, signal?: AbortSignal): Promise<Entry> {
    try {
      const { status, body } = await this.load(robotsUrl, signal);
      if (status >= 200 && status < 300) return { robots: RobotsTxt.parse(body) };
      if (status >= 400 && status < 500) return { robots: RobotsTxt.allowAll() };
      return { robots: RobotsTxt.disallowAll() };
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      if (error instanceof TooManyRedirectsError) return { robots: RobotsTxt.allowAll() };
      if (error instanceof HttpStatusError) {
        return { robots: error.status < 500 ? RobotsTxt.allowAll() : RobotsTxt.disallowAll() };
      }
      if (error instanceof FetchError) return { unreachable: error, at: performance.now() };
      throw error;
    }
  }
}
