/**
 * Incremental crawling: per target, which listing pages held no posting we did not already have. Pages settle out of
 * order (several are fetched at once), so the run of "nothing new" pages is counted over the contiguous settled
 * prefix from page 1: the target stops after the K-th such page in a row, whatever order the answers came in.
 */
export class KnownPagesTracker {
  private readonly pages = new Map<number, Map<number, boolean>>();

  constructor(private readonly stopAfter: number) {
    if (!Number.isInteger(stopAfter) || stopAfter < 1) {
      throw new RangeError(`stopAfterKnownPages must be an integer >= 1, got ${stopAfter}`);
    }
  }

  /**
   * Record whether a page had a new posting (null: the page failed, which breaks a run). Returns the page the target
   * should end at, or null to go on.
   */
  record(targetIndex: number, page: number, hadNew: boolean | null): number | null {
    let pages = this.pages.get(targetIndex);
    if (!pages) {
      pages = new Map();
      this.pages.set(targetIndex, pages);
    }
    pages.set(page, hadNew ?? true);
    let run = 0;
    for (let p = 1; pages.has(p); p++) {
      run = pages.get(p) ? 0 : run + 1;
      if (run >= this.stopAfter) return p;
    }
    return null;
  }
}
