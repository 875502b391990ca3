import { sleep } from "./backoff";

/**
 * The minimum delay between two requests to the same host (the data source's `request_delay`). Each caller reserves
 * the next free slot for the host before it waits, so the spacing holds however many requests run concurrently.
 * Spacing is measured between request starts.
 */
export class HostThrottle {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly delayMillis: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when a request to `url`'s host may start; rejects with AbortedError when `signal` aborts first. */
  async wait(url: URL, signal?: AbortSignal): Promise<void> {
    if (this.delayMillis <= 0) {
      await sleep(0, url.href, signal);
      return;
    }
    const host = url.host;
    const now = this.now();
    const start = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, start + this.delayMillis);
    await sleep(start - now, url.href, signal);
  }
}
