import { AbortedError } from "./errors";

/**
 * A few reusable browser pages: `acquire` hands out a free one (creating up to `size`) or waits for one;
 * `release(page, false)` throws a page away (after an abort or a crash) so the next caller gets a fresh one.
 */
export class PagePool<P extends { close(): Promise<void> }> {
  private readonly idle: P[] = [];
  private readonly all = new Set<P>();
  private creating = 0;
  private readonly waiters: Array<{ resolve: (page: P) => void; reject: (error: Error) => void }> = [];
  private closed = false;

  constructor(
    private readonly create: () => Promise<P>,
    private readonly size: number,
  ) {}

  async acquire(url: string, signal?: AbortSignal): Promise<P> {
    if (this.closed) throw new AbortedError(url);
    if (signal?.aborted) throw new AbortedError(url);
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.all.size + this.creating < this.size) {
      this.creating++;
      try {
        const page = await this.create();
        this.all.add(page);
        return page;
      } finally {
        this.creating--;
      }
    }
    return new Promise<P>((resolve, reject) => {
      const waiter = {
        resolve: (page: P) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(page);
        },
        reject,
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new AbortedError(url));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(page: P, healthy: boolean): void {
    if (!healthy || this.closed) {
      this.all.delete(page);
      page.close().catch(() => {});
      if (!this.closed) this.replaceForWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(page);
    else this.idle.push(page);
  }

  private replaceForWaiter(): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.creating++;
    this.create()
      .then((page) => {
        this.all.add(page);
        waiter.resolve(page);
      }, waiter.reject)
      .finally(() => {
        this.creating--;
      });
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new AbortedError("browser closed"));
    const pages = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(pages.map((page) => page.close().catch(() => {})));
  }
}
