import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchedCounters } from "../../src/rate-limit/batched-counters";
import { RateLimitRepository } from "../../src/rate-limit/rate-limit.repository";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("the public API's per-IP counters, batched into the database, on %s", (kind) => {
  let t: TestApp;
  let repository: RateLimitRepository;
  beforeAll(async () => {
    t = await createTestApp(kind);
    repository = new RateLimitRepository(t.db.database.db);
  }, 120_000);
  afterAll(() => t.close());

  const stored = async (key: string) => {
    const rows = (await t.db.database.db.execute(
      sql`SELECT hits FROM rate_limit_counters WHERE key = ${key}`,
    )) as unknown as { rows: Array<{ hits: number }> };
    return rows.rows[0] ? Number(rows.rows[0].hits) : 0;
  };

  it("counts every hit of this process at once, and writes them in one statement per flush", async () => {
    const counters = new BatchedCounters(repository, 60_000);
    const hits: number[] = [];
    for (let i = 0; i < 25; i++) hits.push((await counters.hit("search|10.0.0.1", 60_000)).hits);
    expect(hits).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // the window's first hit went to the database at once; the other 24 wait for the flush
    expect(await stored("search|10.0.0.1")).toBe(1);
    await counters.flush();
    expect(await stored("search|10.0.0.1")).toBe(25);
    expect((await counters.read("search|10.0.0.1")).hits).toBe(25);
    await counters.close();
  });

  it("adds up the hits of every process, each seeing the others' within a flush", async () => {
    const a = new BatchedCounters(repository, 60_000);
    const b = new BatchedCounters(repository, 60_000);
    for (let i = 0; i < 10; i++) await a.hit("search|10.0.0.2", 60_000);
    await a.flush();
    expect((await b.hit("search|10.0.0.2", 60_000)).hits).toBe(11); // its first hit reads the shared count
    for (let i = 0; i < 4; i++) await b.hit("search|10.0.0.2", 60_000);
    await a.hit("search|10.0.0.2", 60_000);
    await Promise.all([a.flush(), b.flush()]);
    expect(await stored("search|10.0.0.2")).toBe(16);
    // the next flush of either brings it the other's hits
    await a.hit("search|10.0.0.2", 60_000);
    await a.flush();
    expect((await a.read("search|10.0.0.2")).hits).toBe(17);
    await Promise.all([a.close(), b.close()]);
  });

  it("starts a new window when the last one ended, and flushes on its own", async () => {
    const counters = new BatchedCounters(repository, 20);
    await counters.hit("search|10.0.0.3", 300);
    expect((await counters.hit("search|10.0.0.3", 300)).hits).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await stored("search|10.0.0.3")).toBe(2); // flushed by its timer
    const next = await counters.hit("search|10.0.0.3", 300);
    expect(next.hits).toBe(1);
    expect(next.ttlMillis).toBeGreaterThan(0);
    await counters.close();
  });
});
