import type { CoveredPage, CrawlBatch, CrawlItem } from "./crawl-events";

/** A listing page the prefix reached: its kept items wait here for their detail pages, then go out in order. */
export interface PendingPage {
  covered: CoveredPage;
  /** Restored from a checkpoint: nothing to hand on, nothing to record again. */
  restored: boolean;
  items: CrawlItem[];
  /** Items whose detail page is still to be handed to a fetch task. */
  needDetail: CrawlItem[];
  /** Detail pages not finished yet; the page goes out when this reaches 0. */
  detailsLeft: number;
  detailUrls: string[];
  detailsFetched: number;
  detailsFailed: number;
}

/** Detail pages of this many pages (from the head) are fetched ahead: what a crawl holds in memory at most. */
const DETAIL_WINDOW_PAGES = 3;

/**
 * Turns prefix pages into batches, strictly in order: the head page goes out (split into `batchSize` chunks) once
 * all its detail pages are done. `onBatch` is awaited before the next batch (back-pressure); a failure stops the
 * crawl and is kept in `error`. Pages with nothing to hand on (failed, all duplicates) ride on the next batch as
 * covered pages, so the checkpoint still records them.
 */
export class BatchAssembler {
  private readonly pages: PendingPage[] = [];
  private readonly covered: CoveredPage[] = [];
  private seq = 0;
  private emitting: Promise<void> | null = null;
  itemsEmitted = 0;
  error: unknown = null;
  onFailure: () => void = () => {};

  constructor(
    private readonly batchSize: number,
    private readonly onBatch: (batch: CrawlBatch) => Promise<void>,
    private readonly wake: () => void,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
    }
  }

  add(page: Omit<PendingPage, "detailsLeft" | "detailUrls" | "detailsFetched" | "detailsFailed">): void {
    this.pages.push({
      ...page,
      needDetail: [...page.needDetail],
      detailsLeft: page.needDetail.length,
      detailUrls: [],
      detailsFetched: 0,
      detailsFailed: 0,
    });
  }

  /** Pages reached by the prefix and not yet handed on. */
  get pendingPages(): number {
    return this.pages.length;
  }

  /** Nothing waits to go out and nothing is going out. */
  get idle(): boolean {
    return this.pages.length === 0 && this.emitting === null;
  }

  /** The next detail page to fetch, from the pages nearest the head. */
  nextDetail(): { page: PendingPage; item: CrawlItem } | undefined {
    const window = Math.min(this.pages.length, DETAIL_WINDOW_PAGES);
    for (let i = 0; i < window; i++) {
      const page = this.pages[i] as PendingPage;
      const item = page.needDetail.shift();
      if (item) return { page, item };
    }
    return undefined;
  }

  /** Hand on what is complete at the head (if nothing is going out already). */
  pump(): void {
    if (this.emitting || this.error || !this.headComplete()) return;
    this.emitting = this.drain().finally(() => {
      this.emitting = null;
      this.wake();
      this.pump();
    });
  }

  /** At the end (or after a stop): wait for what is going out, hand on what is complete, then the covered pages. */
  async finish(): Promise<void> {
    while (this.emitting) await this.emitting;
    if (this.error) return;
    await this.drain();
    if (!this.error && this.covered.length > 0) await this.send([], this.covered.splice(0), []);
  }

  private headComplete(): boolean {
    const head = this.pages[0];
    return head !== undefined && head.detailsLeft === 0 && head.needDetail.length === 0;
  }

  private async drain(): Promise<void> {
    while (!this.error && this.headComplete()) {
      const page = this.pages.shift() as PendingPage;
      if (page.restored) continue;
      if (page.items.length === 0) {
        this.covered.push(page.covered);
        continue;
      }
      const fetched = new Set(page.detailUrls);
      for (let start = 0; start < page.items.length; start += this.batchSize) {
        const items = page.items.slice(start, start + this.batchSize);
        const last = start + this.batchSize >= page.items.length;
        const pages = [...this.covered.splice(0), ...(last ? [page.covered] : [])];
        const detailUrls = items.map((i) => i.card.url).filter((url) => fetched.has(url));
        if (!(await this.send(items, pages, detailUrls))) return;
      }
    }
  }

  private async send(items: CrawlItem[], pages: CoveredPage[], detailUrls: string[]): Promise<boolean> {
    const urls = new Set(detailUrls);
    const batch: CrawlBatch = {
      seq: this.seq++,
      items,
      pages,
      detailUrls,
      detailsFetched: items.filter((i) => urls.has(i.card.url) && i.detail !== null).length,
      detailsFailed: items.filter((i) => urls.has(i.card.url) && i.detail === null && !i.gone).length,
    };
    try {
      await this.onBatch(batch);
      this.itemsEmitted += items.length;
      return true;
    } catch (error) {
      this.error = error;
      this.onFailure();
      return false;
    }
  }
}
