import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createBulkSource } from "../support/posting-rows";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

interface Page {
  items: Array<{ id: number; title: string; rank: number | null }>;
  next_cursor: string | null;
}

/**
 * A search tier is first looked for among the newest 1,000 postings of the list, then after them: a page whose matches
 * lie on both sides of that stretch, or only past it, holds exactly the newest matches, in order, each once.
 */
describe.each(databaseKinds())("search tiers past the newest-first walk on %s", (kind) => {
  let t: TestApp;
  let expected: number[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const sourceId = await createBulkSource(t, "Walk");
    // 2,500 postings, newest first by n; every 150th is an accountant ("Kế toán"): 16 of them, 6 among the newest
    // 1,000; two electricians ("Thợ điện"), both far past the newest 1,000
    await t.db.database.db.execute(sql`
      INSERT INTO job_postings (data_source_id, external_id, url, title, locations, provinces, tags, content_hash,
        content_key, last_seen_at)
      SELECT ${sourceId}::uuid, 'w' || n, 'https://bulk.example/w/' || n,
        CASE WHEN n % 150 = 0 THEN 'Kế toán ' || n WHEN n IN (2210, 2420) THEN 'Thợ điện ' || n
          ELSE 'Nhân viên kho ' || n END, '{}', '{}', '{}', 'h', 'k',
        now() - n * interval '1 second'
      FROM generate_series(1, 2500) AS n`);
    const rows = await queryRows<{ id: number }>(
      t.db.database.db,
      sql`SELECT id FROM job_postings WHERE data_source_id = ${sourceId}::uuid AND title LIKE 'Kế toán%'
          ORDER BY last_seen_at DESC, id DESC`,
    );
    expected = rows.map((r) => Number(r.id));
    expect(expected).toHaveLength(16);
  }, 120_000);
  afterAll(() => t.close());

  const list = async (query: string): Promise<Page> => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("fills a page from both sides of the walked stretch, then pages on past it", async () => {
    const first = await list("q=ke%20toan&page_size=10");
    expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 10));
    expect(first.items.every((i) => i.rank === 3)).toBe(true);
    const second = await list(`q=ke%20toan&page_size=10&cursor=${first.next_cursor}`);
    expect(second.items.map((i) => i.id)).toEqual(expected.slice(10));
    expect(second.next_cursor).toBeNull();
  });

  it("finds matches that lie only past the walked stretch", async () => {
    const page = await list("q=tho%20dien&page_size=5");
    expect(page.items.map((i) => i.title)).toEqual(["Thợ điện 2210", "Thợ điện 2420"]);
    expect(page.next_cursor).toBeNull();
  });
});
