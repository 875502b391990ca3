import type { ListingCard, ListingPage, ListingTarget } from "../adapters/adapter";
import type { CrawlErrorKind } from "./error-kind";

interface PageOutcome {
  cards: ListingCard[] | null;
  failedKind: CrawlErrorKind | null;
}

interface TargetState {
  target: ListingTarget;
  /** Board's page count from page 1 (null: unknown). */
  totalPages: number | null;
  /** Pages to fetch: 1 until page 1 is read, then min(maxPages, total). */
  planned: number;
  /** Last page worth reading: lowered by a page marked last or showing no cards. */
  end: number;
  settled: Map<number, PageOutcome>;
}

/** A card kept for the result, with where it was first seen. */
export interface KeptCard {
  card: ListingCard;
  targetIndex: number;
  page: number;
}

/**
 * Which listing pages a crawl reads, and which cards it keeps. The kept cards are the first `maxJobs` unique ones in
 * (target order, page order, card order) — a definition that does not depend on the order pages arrive in.
 * `prefixCount` follows the settled prefix of that order so the crawl can stop as soon as the answer is known.
 */
export class ListingPlan {
  private readonly targets: TargetState[];
  private prefixTarget = 0;
  private prefixPage = 1;
  private readonly prefixSeen = new Set<string>();
  private readonly seenAnywhere = new Set<string>();

  constructor(
    targets: readonly ListingTarget[],
    private readonly maxJobs: number,
  ) {
    this.targets = targets.map((target) => ({
      target,
      totalPages: null,
      planned: 1,
      end: Math.max(1, target.maxPages),
      settled: new Map(),
    }));
  }

  get targetCount(): number {
    return this.targets.length;
  }

  label(targetIndex: number): string {
    return this.state(targetIndex).target.label;
  }

  url(targetIndex: number, page: number): string {
    return this.state(targetIndex).target.pageUrl(page);
  }

  totalPages(targetIndex: number): number | null {
    return this.state(targetIndex).totalPages;
  }

  /** Pages that will be read for this target (known fully once page 1 is read). */
  plannedPages(targetIndex: number): number {
    const s = this.state(targetIndex);
    return Math.min(s.planned, s.end);
  }

  pagesPlanned(): number {
    return this.targets.reduce((sum, _s, i) => sum + this.plannedPages(i), 0);
  }

  /** Whether a page should still be fetched (not past the target's end). */
  wanted(targetIndex: number, page: number): boolean {
    return page <= this.plannedPages(targetIndex);
  }

  /** Record page 1: learn the page count; returns the further pages to fetch (2..n). */
  readFirstPage(targetIndex: number, parsed: ListingPage): number[] {
    const s = this.state(targetIndex);
    const total = parsed.pagination?.total ?? null;
    s.totalPages = total ?? (parsed.isLastPage || parsed.cards.length === 0 ? 1 : null);
    s.planned = Math.max(1, Math.min(s.target.maxPages, s.totalPages ?? s.target.maxPages));
    const pages: number[] = [];
    for (let page = 2; page <= s.planned; page++) pages.push(page);
    return pages;
  }

  /** Record a fetched page. Returns how many of its cards were never seen before in this crawl. */
  settlePage(targetIndex: number, page: number, parsed: ListingPage): number {
    const s = this.state(targetIndex);
    if (parsed.cards.length === 0) s.end = Math.min(s.end, page);
    else if (parsed.isLastPage) s.end = Math.min(s.end, page);
    s.settled.set(page, { cards: parsed.cards, failedKind: null });
    let fresh = 0;
    for (const card of parsed.cards) {
      if (this.seenAnywhere.has(card.external_id)) continue;
      this.seenAnywhere.add(card.external_id);
      fresh++;
    }
    this.advancePrefix();
    return fresh;
  }

  /** End a target at this page (incremental crawling: the pages after it hold nothing new). */
  endAt(targetIndex: number, page: number): void {
    const s = this.state(targetIndex);
    s.end = Math.min(s.end, Math.max(1, page));
    this.advancePrefix();
  }

  settleFailure(targetIndex: number, page: number, kind: CrawlErrorKind): void {
    this.state(targetIndex).settled.set(page, { cards: null, failedKind: kind });
    this.advancePrefix();
  }

  uniqueCards(): number {
    return this.seenAnywhere.size;
  }

  /** Whether the first `maxJobs` unique cards are already known (no later page can change them). */
  maxJobsReached(): boolean {
    return this.prefixSeen.size >= this.maxJobs;
  }

  /** Every target's page 1 has settled, and all of them as "blocked". */
  allFirstPagesBlocked(): boolean {
    return this.targets.length > 0 && this.targets.every((s) => s.settled.get(1)?.failedKind === "blocked");
  }

  /** The kept cards, from every page read so far, in the deterministic order. */
  kept(): KeptCard[] {
    const seen = new Set<string>();
    const out: KeptCard[] = [];
    this.targets.forEach((s, targetIndex) => {
      const last = this.plannedPages(targetIndex);
      for (let page = 1; page <= last; page++) {
        for (const card of s.settled.get(page)?.cards ?? []) {
          if (out.length >= this.maxJobs) return;
          if (seen.has(card.external_id)) continue;
          seen.add(card.external_id);
          out.push({ card, targetIndex, page });
        }
      }
    });
    return out;
  }

  private advancePrefix(): void {
    while (this.prefixTarget < this.targets.length && this.prefixSeen.size < this.maxJobs) {
      const s = this.targets[this.prefixTarget] as TargetState;
      const outcome = s.settled.get(this.prefixPage);
      if (!outcome) return;
      for (const card of outcome.cards ?? []) {
        this.prefixSeen.add(card.external_id);
        if (this.prefixSeen.size >= this.maxJobs) return;
      }
      if (this.prefixPage >= this.plannedPages(this.prefixTarget)) {
        this.prefixTarget++;
        this.prefixPage = 1;
      } else {
        this.prefixPage++;
      }
    }
  }

  private state(targetIndex: number): TargetState {
    const s = this.targets[targetIndex];
    if (!s) throw new RangeError(`no target #${targetIndex}`);
    return s;
  }
}
