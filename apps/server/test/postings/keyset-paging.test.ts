import { SEARCH_EXACT_TOTAL_LIMIT } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBulkSource, insertPostings } from "../support/posting-rows";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

interface Page {
  items: Array<{ id: number; title: string; last_seen_at: string }>;
  total: number;
  total_is_estimate: boolean;
  next_cursor: string | null;
}

describe.each(databaseKinds())("job postings keyset paging on %s", (kind) => {
  let t: TestApp;
  let sourceId: string;
  let initial: number[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    sourceId = await createBulkSource(t, "Keyset");
    // 95 postings, in groups of five seen at the very same moment: the id breaks the ties
    initial = await insertPostings(
      t,
      sourceId,
      Array.from({ length: 95 }, (_, i) => ({ title: `Nhân viên kho ${i}`, seenSecsAgo: 1000 + Math.floor(i / 5) })),
    );
    await t.db.database.db.execute(
      sql`UPDATE job_postings SET last_seen_at = date_trunc('second', last_seen_at) WHERE data_source_id = ${sourceId}::uuid`,
    );
  }, 120_000);
  afterAll(() => t.close());

  const list = async (query: string): Promise<Page> => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("pages through every posting exactly once, newest first, while new postings arrive between pages", async () => {
    const seen: number[] = [];
    let page = await list("q=kho&page_size=10");
    expect(page.total).toBe(95);
    expect(page.total_is_estimate).toBe(false);
    let arrivals = 0;
    for (;;) {
      seen.push(...page.items.map((i) => i.id));
      expect(page.total).toBe(95);
      if (!page.next_cursor) break;
      // a sync saves newer postings (and one seen again) between two pages
      await insertPostings(t, sourceId, [{ title: `Nhân viên kho mới ${++arrivals}` }]);
      page = await list(`q=kho&page_size=10&cursor=${page.next_cursor}`);
    }
    expect(arrivals).toBe(9);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual([...initial].sort((a, b) => a - b));

    // without a search text: newest first, ties by id descending, the same under the same inserts
    const plain: Page["items"] = [];
    let cursor: string | null = null;
    do {
      const res: Page = await list(`source=Keyset&page_size=7${cursor ? `&cursor=${cursor}` : ""}`);
      plain.push(...res.items);
      await insertPostings(t, sourceId, [{ title: "Nhân viên kho mới nhất" }]);
      cursor = res.next_cursor;
    } while (cursor);
    expect(plain.length).toBe(95 + arrivals);
    for (let i = 1; i < plain.length; i++) {
      const [a, b] = [plain[i - 1]!, plain[i]!];
      const order = Date.parse(a.last_seen_at) - Date.parse(b.last_seen_at) || a.id - b.id;
      expect(order, `${a.id} before ${b.id}`).toBeGreaterThan(0);
    }
  });

  it("keeps page= working for the first 10,000 results and answers 400 to bad or foreign cursors", async () => {
    const first = await list("source=Keyset&page_size=5&page=1");
    const second = await list("source=Keyset&page_size=5&page=2");
    const viaCursor = await list(`source=Keyset&page_size=5&cursor=${first.next_cursor}`);
    expect(second.items.map((i) => i.id)).toEqual(viaCursor.items.map((i) => i.id));
    const bad = async (query: string, fragment: string) => {
      const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toContain(fragment);
    };
    await bad(`page=2&cursor=${first.next_cursor}`, "page cannot be combined with cursor");
    await bad("page=501&page_size=20", "follow next_cursor");
    await bad("cursor=abc", "cursor is not a next_cursor");
    await bad("cursor=a%2Fb", "cursor must be a next_cursor");
    await bad(`cursor=${Buffer.from('[1,"x",1,1,0,"f"]').toString("base64url")}`, "cursor is not a next_cursor");
    await bad(`source=Other&page_size=5&cursor=${first.next_cursor}`, "cursor belongs to another search");
  });

  it("walks page=1, 2, 3 … without repeating or skipping a posting while new ones arrive, from the remembered starts", async () => {
    const existing: number[] = [];
    for (let cursor: string | null = ""; cursor !== null; ) {
      const page: Page = await list(`source=Keyset&page_size=100${cursor ? `&cursor=${cursor}` : ""}`);
      existing.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    }
    const walked: number[] = [];
    const arrived: number[] = [];
    for (let n = 1; ; n++) {
      const page = await list(`source=Keyset&page_size=9&page=${n}`);
      walked.push(...page.items.map((i) => i.id));
      if (!page.next_cursor) break;
      // a sync saves a newer posting between two pages: OFFSET paging would show the page's last posting again
      arrived.push(...(await insertPostings(t, sourceId, [{ title: `Nhân viên kho trang ${n}` }])));
    }
    expect(new Set(walked).size).toBe(walked.length);
    expect(arrived).not.toHaveLength(0);
    expect(walked.sort((a, b) => a - b)).toEqual(existing.sort((a, b) => a - b));
    // a deep page asked for directly is read from its start looked up on the index, then remembered
    const deep = await list("source=Keyset&page_size=9&page=4");
    const again = await list("source=Keyset&page_size=9&page=4");
    expect(again.items.map((i) => i.id)).toEqual(deep.items.map((i) => i.id));
    expect(deep.items).toHaveLength(9);
    const beyond = await list("source=Keyset&page_size=9&page=400");
    expect(beyond.items).toEqual([]);
  });

  it(`counts exactly up to ${SEARCH_EXACT_TOTAL_LIMIT} and says "estimate" past it`, async () => {
    await t.db.database.db.execute(sql`
      INSERT INTO job_postings (data_source_id, external_id, url, title, locations, provinces, tags, content_hash, content_key)
      SELECT ${sourceId}::uuid, 'many-' || n, 'https://bulk.example/many/' || n, 'Công nhân', '{}', '{}', '{}', 'h', 'k'
      FROM generate_series(1, ${SEARCH_EXACT_TOTAL_LIMIT + 5}) AS n`);
    const page = await list("q=cong%20nhan&page_size=3");
    expect(page.total).toBe(SEARCH_EXACT_TOTAL_LIMIT);
    expect(page.total_is_estimate).toBe(true);
    const next = await list(`q=cong%20nhan&page_size=3&cursor=${page.next_cursor}`);
    expect(next.total_is_estimate).toBe(true);
    expect(next.items.map((i) => i.id)).not.toContain(page.items[0]!.id);
  }, 120_000);
});
