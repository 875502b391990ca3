import type { CounterHits, CounterState, RateLimitRepository } from "./rate-limit.repository";

/** How long hits wait in a process before they are added to the shared counters. */
export const FLUSH_EVERY_MILLIS = 250;
/** Counters a process keeps; past it, those whose window ended are forgotten. */
const KEPT_COUNTERS = 10_000;

interface Kept {
  /** The shared count as the database last said (every process's hits). */
  shared: number;
  /** Hits of this process not yet sent, and sent but not yet answered. */
  pending: number;
  sending: number;
  windowMillis: number;
  /** When the window ends, on this process's clock (from the database's answer). */
  endsAt: number;
}

/**
 * Per-IP counters of the public API, shared by every API process through `rate_limit_counters`, without one write
 * per request: a search answered at the database's pace would otherwise be one upsert of its IP's row, on the admin's
 * connections, per request — 500 a second of one client serialised on one row lock, ahead of the admin's reads. A
 * counter's first hit of a window is counted in the database (so a process knows the shared count); later hits are
 * counted here and added to the database every `FLUSH_EVERY_MILLIS` in one statement for every counter. A process
 * enforces its own hits exactly; the others' reach it within one flush.
 */
export class BatchedCounters {
  private readonly kept = new Map<string, Kept>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly counters: Pick<RateLimitRepository, "hit" | "read" | "add">,
    private readonly flushEveryMillis = FLUSH_EVERY_MILLIS,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, windowMillis: number): Promise<CounterState> {
    const kept = this.kept.get(key);
    if (kept && kept.endsAt > this.now()) {
      kept.pending += 1;
      this.schedule();
      return this.stateOf(kept);
    }
    const counted = await this.counters.hit(key, windowMillis);
    this.keep(key, {
      shared: counted.hits,
      pending: 0,
      sending: 0,
      windowMillis,
      endsAt: this.now() + counted.ttlMillis,
    });
    return counted;
  }

  async read(key: string): Promise<CounterState> {
    const kept = this.kept.get(key);
    if (kept && kept.endsAt > this.now()) return this.stateOf(kept);
    return this.counters.read(key);
  }

  /** Send every pending hit now (and wait for it). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(() => this.send());
    await this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private stateOf(kept: Kept): CounterState {
    return { hits: kept.shared + kept.sending + kept.pending, ttlMillis: Math.max(0, kept.endsAt - this.now()) };
  }

  private keep(key: string, kept: Kept): void {
    const before = this.kept.get(key);
    // two first hits at once: both were counted, the later answer holds both
    if (before && before.endsAt > this.now()) {
      before.shared = Math.max(before.shared, kept.shared);
      return;
    }
    this.kept.set(key, kept);
    if (this.kept.size <= KEPT_COUNTERS) return;
    const now = this.now();
    for (const [k, v] of this.kept) if (v.endsAt <= now && v.pending === 0 && v.sending === 0) this.kept.delete(k);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.send());
    }, this.flushEveryMillis);
    this.timer.unref();
  }

  private async send(): Promise<void> {
    const batch: Array<CounterHits & { kept: Kept }> = [];
    for (const [key, kept] of this.kept) {
      if (kept.pending === 0) continue;
      batch.push({ key, hits: kept.pending, windowMillis: kept.windowMillis, kept });
      kept.sending += kept.pending;
      kept.pending = 0;
    }
    if (batch.length === 0) return;
    let answered: Map<string, CounterState> | null = null;
    try {
      answered = await this.counters.add(batch.map(({ key, hits, windowMillis }) => ({ key, hits, windowMillis })));
    } catch {
      // the database is away: the hits stay pending, and this process goes on counting them itself
    }
    for (const { key, hits, kept } of batch) {
      kept.sending -= hits;
      const state = answered?.get(key);
      if (!state) {
        kept.pending += hits;
        continue;
      }
      kept.shared = state.hits;
      kept.endsAt = this.now() + state.ttlMillis;
    }
    if (!answered) this.schedule();
  }
}
