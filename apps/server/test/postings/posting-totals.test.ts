import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostingTotals } from "../../src/postings/posting-totals";
import { createBulkSource, insertPostings } from "../support/posting-rows";
import { waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

/** Any key: the search service keys a list's total by its filter, the Data Sources page its counts by "sources". */
const key = (name: string | null) => `list:${name ?? "all"}`;

describe("PostingTotals", () => {
  it("keeps a total while no change is heard, and only while every change is heard", () => {
    const changes = { epoch: 1, complete: true };
    let now = 0;
    const totals = new PostingTotals(changes, 10, 1_000, () => now);
    totals.remember(key(null), 42, totals.epoch);
    expect(totals.get(key(null))).toBe(42);
    expect(totals.get(key("TopCV"))).toBeNull();
    changes.epoch = 2; // a write committed somewhere
    expect(totals.get(key(null))).toBeNull();
    expect(totals.size).toBe(0);
    // a change heard while counting: the count may predate it
    const began = totals.epoch;
    changes.epoch = 3;
    totals.remember(key(null), 43, began);
    expect(totals.get(key(null))).toBeNull();
    // not listening (the LISTEN connection is down): nothing is kept, nothing kept is used
    totals.remember(key(null), 44, totals.epoch);
    changes.complete = false;
    expect(totals.get(key(null))).toBeNull();
    totals.remember(key(null), 45, totals.epoch);
    changes.complete = true;
    expect(totals.get(key(null))).toBeNull();
    // the safety net: counted again after its time
    totals.remember(key(null), 46, totals.epoch);
    now = 999;
    expect(totals.get(key(null))).toBe(46);
    now = 1_000;
    expect(totals.get(key(null))).toBeNull();
  });

  it("forgets the least recently used total past its size", () => {
    const totals = new PostingTotals({ epoch: 0, complete: true }, 2);
    totals.remember(key("A"), 1, 0);
    totals.remember(key("B"), 2, 0);
    expect(totals.get(key("A"))).toBe(1);
    totals.remember(key("C"), 3, 0);
    expect(totals.get(key("B"))).toBeNull();
    expect([totals.get(key("A")), totals.get(key("C"))]).toEqual([1, 3]);
  });
});

describe.each(databaseKinds())("a list's total kept until job postings change, on %s", (kind) => {
  let t: TestApp;
  let sourceId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    sourceId = await createBulkSource(t, "Totals");
    await insertPostings(
      t,
      sourceId,
      Array.from({ length: 12 }, (_, i) => ({ title: `Kế toán tổng hợp ${i}`, provinces: ["Huế"] })),
    );
  }, 120_000);
  afterAll(() => t.close());

  const total = async (query: string): Promise<number> => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${query}&page_size=5` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total_is_estimate).toBe(false);
    return res.json().total;
  };
  const exec = (query: ReturnType<typeof sql>) => t.db.database.db.execute(query);
  const sourceCount = async (): Promise<number> => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/admin/data-sources", headers: bearer(t.adminToken) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ site_name: string; postings_count: number }>).find(
      (s) => s.site_name === "Totals",
    )!.postings_count;
  };

  it("answers from the kept count, and counts again after any write to job postings, from any connection", async () => {
    for (const query of ["location=Huế", "q=ke toan&location=Huế"]) {
      await waitFor(async () => (await total(query)) === 12);
    }
    await waitFor(async () => (await sourceCount()) === 12);
    // what proves the count is kept: a write that announces nothing (its trigger off) leaves the total as it was
    await exec(sql`ALTER TABLE job_postings DISABLE TRIGGER job_postings_changed`);
    try {
      await insertPostings(t, sourceId, [{ title: "Kế toán kho", provinces: ["Huế"] }]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await total("location=Huế")).toBe(12);
      expect(await total("q=ke toan&location=Huế")).toBe(12);
      expect(await sourceCount()).toBe(12); // the Data Sources page's count too
    } finally {
      await exec(sql`ALTER TABLE job_postings ENABLE TRIGGER job_postings_changed`);
    }
    // an insert, a closing, a deletion: each heard, each total counted again
    await insertPostings(t, sourceId, [{ title: "Kế toán trưởng", provinces: ["Huế"] }]);
    await waitFor(async () => (await total("location=Huế")) === 14);
    await waitFor(async () => (await total("q=ke toan&location=Huế")) === 14);
    await waitFor(async () => (await sourceCount()) === 14);
    await exec(sql`UPDATE job_postings SET status = 'closed' WHERE title = 'Kế toán kho'`);
    await waitFor(async () => (await total("location=Huế")) === 13);
    await exec(sql`DELETE FROM job_postings WHERE title = 'Kế toán trưởng'`);
    await waitFor(async () => (await total("q=ke toan&location=Huế")) === 12);
  });
});
