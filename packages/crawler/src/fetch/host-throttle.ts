import { abortable, sleep } from "./backoff";

/** Free the host for the next request, `delay` from now (or from `at`). Idempotent; always call it, also on failure. */
export type ReleaseSlot = (at?: number) => void;

/**
 * The minimum delay between two requests to the same host (the data source's `request_delay`). Callers queue per
 * host: each waits until the previous request has released its slot, plus the delay. Fetchers release when the
 * answer starts (status line received): by then the request has surely reached the server, so the spacing holds as
 * the server sees it — whatever the network, Chromium's own latency before it sends, or how many requests run
 * concurrently. (The price: a request's round trip is added to the spacing.)
 */
export class HostThrottle {
  /** Per host: when the next request may be sent (resolves once the previous one reported). */
  private readonly next = new Map<string, Promise<number>>();
  /** Per host: a longer delay than the default (a robots.txt Crawl-delay). */
  private readonly floors = new Map<string, number>();

  constructor(
    private readonly delayMillis: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Space requests to `host` ("example.com:8080", as URL.host writes it) at least `millis` apart from now on. */
  raiseDelay(host: string, millis: number): void {
    if (millis > (this.floors.get(host) ?? 0)) this.floors.set(host, millis);
  }

  /** The delay between two requests to `host`. */
  delayFor(host: string): number {
    return Math.max(this.delayMillis, this.floors.get(host) ?? 0);
  }

  /**
   * Resolves when a request to `url`'s host may be sent, with the function that frees the slot; rejects with
   * AbortedError when `signal` aborts first.
   */
  async wait(url: URL, signal?: AbortSignal): Promise<ReleaseSlot> {
    const host = url.host;
    const delayMillis = this.delayFor(host);
    if (delayMillis <= 0) {
      await sleep(0, url.href, signal);
      return () => {};
    }
    const previous = this.next.get(host) ?? Promise.resolve(0);
    let report: (at: number) => void = () => {};
    const mine = new Promise<number>((resolve) => {
      report = resolve;
    });
    this.next.set(host, mine);
    let released = false;
    const release: ReleaseSlot = (at) => {
      if (released) return;
      released = true;
      report((at ?? this.now()) + delayMillis);
    };
    try {
      const earliest = await abortable(previous, url.href, signal);
      await sleep(Math.ceil(earliest - this.now()), url.href, signal);
      return release;
    } catch (error) {
      // cancelled while queued: pass the previous slot on unchanged, as if this request never existed
      previous.then((earliest) => {
        released = true;
        report(earliest);
      });
      throw error;
    }
  }
}
