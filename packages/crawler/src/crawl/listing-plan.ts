import type { ListingCard, ListingPage, ListingTarget } from "../adapters/adapter";
import type { CrawlErrorKind } from "./error-kind";

/** A page a checkpoint says was already handled: restored instead of fetched again. */
export interface RestoredPage {
  totalPages: number | null;
  /** The page ended its target (last page, or a page without cards). */
  last: boolean;
  /** The page could not be read then (it is not tried again: the checkpoint counted it failed). */
  failed: boolean;
  /** The cards this page contributed to the crawl, in order. */
  keptIds: readonly string[];
}

type PageOutcome =
  | { kind: "fetched"; cards: ListingCard[] | null; cardCount: number; last: boolean }
  | { kind: "failed"; failedKind: CrawlErrorKind }
  | { kind: "restored"; keptIds: readonly string[]; last: boolean };

interface TargetState {
  target: ListingTarget;
  /** Board's page count from page 1 (null: unknown). */
  totalPages: number | null;
  /** Pages to fetch: 1 until page 1 is read, then min(maxPages, total). */
  planned: number;
  /** Last page worth reading: lowered by a page marked last or showing no cards. */
  end: number;
  settled: Map<number, PageOutcome>;
  /** Settled pages the prefix has handed out (or passed, when the target ended before them). */
  consumed: number;
}

/** A listing page the settled prefix has reached, in (target, page) order, with the cards it contributes. */
export interface PrefixPage {
  targetIndex: number;
  page: number;
  outcome: "fetched" | "failed" | "restored";
  /** New unique cards of this page within `maxJobs` (empty for failed and restored pages). */
  kept: ListingCard[];
  /** Ids this page contributes (restored pages: from the checkpoint). */
  keptIds: string[];
  /** The page ended its target. */
  last: boolean;
  totalPages: number | null;
}

/**
 * Which listing pages a crawl reads, and which cards it keeps. The kept cards are the first `maxJobs` unique ones in
 * (target order, page order, card order) — a definition that does not depend on the order pages arrive in. The
 * settled prefix of that order is handed out page by page (`takeReady`) as soon as it is known, so the crawl can
 * stream its postings on and stop as soon as `maxJobs` is reached. A page's cards are dropped once handed out.
 */
export class ListingPlan {
  private readonly targets: TargetState[];
  private prefixTarget = 0;
  private prefixPage = 1;
  private readonly prefixSeen = new Set<string>();
  private readonly seenAnywhere = new Set<string>();
  private readonly ready: PrefixPage[] = [];
  /** Pages settled but not yet reached by the prefix (their cards are held). */
  private waiting = 0;

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
      consumed: 0,
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

  maxPages(targetIndex: number): number {
    return this.state(targetIndex).target.maxPages;
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

  /** Whether this page is the one the prefix waits for (always worth fetching, however full the buffer). */
  isPrefixHead(targetIndex: number, page: number): boolean {
    return targetIndex === this.prefixTarget && page === this.prefixPage;
  }

  /** Settled pages the prefix has not reached yet. */
  get waitingPages(): number {
    return this.waiting;
  }

  /** Record page 1: learn the page count; returns the further pages to fetch (2..n). */
  readFirstPage(targetIndex: number, parsed: ListingPage): number[] {
    const total = parsed.pagination?.total ?? null;
    return this.plan(targetIndex, total ?? (parsed.isLastPage || parsed.cards.length === 0 ? 1 : null));
  }

  private plan(targetIndex: number, totalPages: number | null): number[] {
    const s = this.state(targetIndex);
    s.totalPages = totalPages;
    s.planned = Math.max(1, Math.min(s.target.maxPages, s.totalPages ?? s.target.maxPages));
    const pages: number[] = [];
    for (let page = 2; page <= s.planned; page++) pages.push(page);
    return pages;
  }

  /** Record a fetched page. Returns how many of its cards were never seen before in this crawl. */
  settlePage(targetIndex: number, page: number, parsed: ListingPage): number {
    const s = this.state(targetIndex);
    const last = parsed.cards.length === 0 || parsed.isLastPage;
    if (last) s.end = Math.min(s.end, page);
    this.settle(s, page, { kind: "fetched", cards: parsed.cards, cardCount: parsed.cards.length, last });
    let fresh = 0;
    for (const card of parsed.cards) {
      if (this.seenAnywhere.has(card.external_id)) continue;
      this.seenAnywhere.add(card.external_id);
      fresh++;
    }
    this.advancePrefix();
    return fresh;
  }

  /**
   * A page handled by an earlier attempt (a checkpoint): it counts as read with the cards it kept then, and is not
   * fetched again. Page 1 restores the target's page count. Returns the further pages to fetch for page 1.
   */
  restorePage(targetIndex: number, page: number, restored: RestoredPage): number[] {
    const s = this.state(targetIndex);
    const more =
      page === 1 && !restored.failed ? this.plan(targetIndex, restored.totalPages ?? (restored.last ? 1 : null)) : [];
    if (restored.last) s.end = Math.min(s.end, page);
    this.settle(s, page, { kind: "restored", keptIds: restored.keptIds, last: restored.last });
    for (const id of restored.keptIds) this.seenAnywhere.add(id);
    this.advancePrefix();
    return more;
  }

  /** End a target at this page (incremental crawling: the pages after it hold nothing new). */
  endAt(targetIndex: number, page: number): void {
    const s = this.state(targetIndex);
    s.end = Math.min(s.end, Math.max(1, page));
    this.advancePrefix();
  }

  settleFailure(targetIndex: number, page: number, kind: CrawlErrorKind): void {
    this.settle(this.state(targetIndex), page, { kind: "failed", failedKind: kind });
    this.advancePrefix();
  }

  /** Pages of this target read so far (fetched, failed or restored). */
  pagesRead(targetIndex: number): number {
    return this.state(targetIndex).settled.size;
  }

  uniqueCards(): number {
    return this.seenAnywhere.size;
  }

  /** Cards kept so far (the settled prefix), at most `maxJobs`. */
  keptCount(): number {
    return this.prefixSeen.size;
  }

  /** Whether the first `maxJobs` unique cards are already known (no later page can change them). */
  maxJobsReached(): boolean {
    return this.prefixSeen.size >= this.maxJobs;
  }

  /** Whether the prefix has reached the end of every target (or maxJobs): nothing more will become ready. */
  prefixComplete(): boolean {
    return this.maxJobsReached() || this.prefixTarget >= this.targets.length;
  }

  /** Every target's page 1 has settled, and all of them as "blocked". */
  allFirstPagesBlocked(): boolean {
    return (
      this.targets.length > 0 &&
      this.targets.every((s) => {
        const first = s.settled.get(1);
        return first?.kind === "failed" && first.failedKind === "blocked";
      })
    );
  }

  /** The prefix pages reached since the last call, in order. */
  takeReady(): PrefixPage[] {
    return this.ready.splice(0);
  }

  private settle(s: TargetState, page: number, outcome: PageOutcome): void {
    if (!s.settled.has(page)) this.waiting++;
    s.settled.set(page, outcome);
  }

  private advancePrefix(): void {
    while (this.prefixTarget < this.targets.length && !this.maxJobsReached()) {
      if (this.prefixPage > this.plannedPages(this.prefixTarget)) {
        // the target ended before this page (a last page, an empty page, incremental stop): on to the next one; pages
        // read past its end are let go
        const ended = this.targets[this.prefixTarget] as TargetState;
        this.waiting -= ended.settled.size - ended.consumed;
        ended.consumed = ended.settled.size;
        this.prefixTarget++;
        this.prefixPage = 1;
        continue;
      }
      const s = this.targets[this.prefixTarget] as TargetState;
      const outcome = s.settled.get(this.prefixPage);
      if (!outcome) return;
      this.ready.push(this.consume(s, this.prefixPage, outcome));
      this.waiting--;
      s.consumed++;
      if (this.prefixPage >= this.plannedPages(this.prefixTarget)) {
        this.prefixTarget++;
        this.prefixPage = 1;
      } else {
        this.prefixPage++;
      }
    }
  }

  /** Hand out one prefix page: its new cards within maxJobs; its cards are released. */
  private consume(s: TargetState, page: number, outcome: PageOutcome): PrefixPage {
    const base = { targetIndex: this.prefixTarget, page, totalPages: s.totalPages };
    if (outcome.kind === "failed") return { ...base, outcome: "failed", kept: [], keptIds: [], last: false };
    if (outcome.kind === "restored") {
      for (const id of outcome.keptIds) this.prefixSeen.add(id);
      return { ...base, outcome: "restored", kept: [], keptIds: [...outcome.keptIds], last: outcome.last };
    }
    const kept: ListingCard[] = [];
    for (const card of outcome.cards ?? []) {
      if (this.maxJobsReached()) break;
      if (this.prefixSeen.has(card.external_id)) continue;
      this.prefixSeen.add(card.external_id);
      kept.push(card);
    }
    outcome.cards = null;
    return { ...base, outcome: "fetched", kept, keptIds: kept.map((c) => c.external_id), last: outcome.last };
  }

  private state(targetIndex: number): TargetState {
    const s = this.targets[targetIndex];
    if (!s) throw new RangeError(`no target #${targetIndex}`);
    return s;
  }
}
