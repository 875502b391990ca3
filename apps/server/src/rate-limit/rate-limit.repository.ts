import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";

/** A counter's state: hits in the current window and the milliseconds left of it (0: no window open). */
export interface CounterState {
  hits: number;
  ttlMillis: number;
}

/** Hits to add to one counter, whose window (when it opens now) lasts `windowMillis`. */
export interface CounterHits {
  key: string;
  hits: number;
  windowMillis: number;
}

interface CounterRow {
  hits: number | string;
  ttl_ms: number | string;
}

const state = (row: CounterRow | undefined): CounterState =>
  row ? { hits: Number(row.hits), ttlMillis: Math.max(0, Number(row.ttl_ms)) } : { hits: 0, ttlMillis: 0 };

/**
 * Fixed-window counters in the database (`rate_limit_counters`), so a limit holds across every API process: one
 * atomic upsert per hit, the window timed by the database's clock. Expired rows are pruned now and then.
 */
export class RateLimitRepository {
  private hitsSincePrune = 0;

  constructor(
    private readonly db: Db,
    private readonly pruneEvery = 1000,
  ) {}

  async hit(key: string, windowMillis: number): Promise<CounterState> {
    if (++this.hitsSincePrune >= this.pruneEvery) {
      this.hitsSincePrune = 0;
      await this.prune();
    }
    return (await this.add([{ key, hits: 1, windowMillis }])).get(key) ?? state(undefined);
  }

  /**
   * Several counters' hits at once, in one statement (keys in one order, so two processes adding the same keys never
   * deadlock): each counter's window opens with its first hits or goes on; returns every counter's state after.
   */
  async add(entries: readonly CounterHits[]): Promise<Map<string, CounterState>> {
    const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows = await queryRows<CounterRow & { key: string }>(
      this.db,
      sql`INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at)
          SELECT e.key, e.hits, now() + e.window_ms * interval '1 millisecond'
          FROM jsonb_to_recordset(${JSON.stringify(sorted.map((e) => ({ key: e.key, hits: e.hits, window_ms: e.windowMillis })))}::jsonb)
            AS e(key text, hits int, window_ms bigint)
          ORDER BY e.key
          ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN c.window_ends_at <= now() THEN excluded.hits ELSE c.hits + excluded.hits END,
            window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
          RETURNING c.key, c.hits, ceil(extract(epoch FROM (c.window_ends_at - now())) * 1000) AS ttl_ms`,
    );
    return new Map(rows.map((row) => [row.key, state(row)]));
  }

  async read(key: string): Promise<CounterState> {
    const rows = await queryRows<CounterRow>(
      this.db,
      sql`SELECT hits, ceil(extract(epoch FROM (window_ends_at - now())) * 1000) AS ttl_ms
          FROM rate_limit_counters WHERE key = ${key} AND window_ends_at > now()`,
    );
    return state(rows[0]);
  }

  async reset(key: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM rate_limit_counters WHERE key = ${key}`);
  }

  async prune(): Promise<void> {
    await this.db.execute(sql`DELETE FROM rate_limit_counters WHERE window_ends_at < now() - interval '1 minute'`);
  }
}
