/**
 * How far the crawl is, by work: listing pages (the planned total is refined as each search tells its page count)
 * plus detail pages (one per kept posting, estimated from the postings kept per page so far). Restored pages count as
 * done at once. Once max_jobs is reached no further listing page is read, so only the known details remain.
 */
export class CrawlProgress {
  pagesPlanned: number;
  pagesDone = 0;
  kept = 0;
  detailsDone = 0;
  private listingClosed = false;

  constructor(
    initialPlanned: number,
    private readonly maxJobs: number,
    private readonly fetchDetails: boolean,
  ) {
    this.pagesPlanned = initialPlanned;
  }

  /** No more listing pages will be read (max_jobs reached). */
  closeListing(): void {
    this.listingClosed = true;
  }

  private expectedDetails(): number {
    if (!this.fetchDetails) return 0;
    if (this.listingClosed || this.pagesDone >= this.pagesPlanned) return this.kept;
    const perPage = this.pagesDone === 0 ? 0 : this.kept / this.pagesDone;
    return Math.min(this.maxJobs, Math.max(this.kept, Math.round(perPage * this.pagesPlanned)));
  }

  percent(): number {
    const pages = this.listingClosed ? this.pagesDone : Math.max(this.pagesPlanned, this.pagesDone);
    const total = pages + this.expectedDetails();
    return total === 0 ? 0 : Math.min(99, ((this.pagesDone + this.detailsDone) / total) * 100);
  }
}
