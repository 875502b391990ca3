import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportRepository } from "../../src/exports/export.repository";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { parseCsv } from "./csv-parse";

describe.each(databaseKinds())("job postings CSV export on %s", (kind) => {
  // 100,000 rows on PostgreSQL; the embedded database (WASM) takes a minute to insert them, so 10,000 there
  const ROWS = kind === "postgres" ? 100_000 : 10_000;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const source = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: bearer(t.adminToken),
      payload: { site_name: "Bulk", kind: "topcv", base_url: "https://bulk.example" },
    });
    const id = source.json().id;
    // every 10th posting is an accountant job in Hà Nội; every 1000th is closed
    await t.db.database.db.execute(sql`
      INSERT INTO job_postings (data_source_id, external_id, url, title, company, locations, provinces, tags,
        content_hash, content_key, status, salary_min, salary_max, salary_currency)
      SELECT ${id}::uuid, 'e' || n, 'https://bulk.example/job/' || n,
        CASE WHEN n % 10 = 0 THEN 'Kế toán tổng hợp ' || n ELSE 'Lập trình viên, "Senior" ' || n END,
        'Công ty ' || (n % 97), ARRAY[CASE WHEN n % 10 = 0 THEN 'Hà Nội' ELSE 'Hồ Chí Minh' END],
        ARRAY[CASE WHEN n % 10 = 0 THEN 'Hà Nội' ELSE 'Hồ Chí Minh' END], ARRAY['tag'],
        'h' || n, 'k' || n, CASE WHEN n % 1000 = 0 THEN 'closed'::posting_status ELSE 'open'::posting_status END,
        10000000, 20000000, 'VND'
      FROM generate_series(1, ${ROWS}) AS n`);
  }, 300_000);
  afterAll(() => t.close());

  it(`streams ${ROWS} rows in keyset batches of 1,000, never the whole result at once`, async () => {
    const repository = (t.services.exports as unknown as { exports: ExportRepository }).exports;
    const original = repository.searchPostings.bind(repository);
    const batchSizes: number[] = [];
    repository.searchPostings = async (filter, afterId, limit) => {
      const rows = await original(filter, afterId, limit);
      batchSizes.push(rows.length);
      return rows;
    };
    try {
      const res = await t.app.inject({ method: "GET", url: "/api/v1/jobs/export?format=csv&status=all" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="job-postings.csv"');
      const rows = parseCsv(res.body.slice(1));
      expect(rows[0]!.slice(0, 4)).toEqual(["id", "site_name", "external_id", "title"]);
      expect(rows.length - 1).toBe(ROWS);
      const ids = rows.slice(1).map((r) => Number(r[0]));
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
      expect(rows[2]![3]).toBe('Lập trình viên, "Senior" 2');
      expect(Math.max(...batchSizes)).toBe(1000);
      expect(batchSizes.length).toBe(ROWS / 1000 + 1);
    } finally {
      repository.searchPostings = original;
    }
  }, 300_000);

  it("applies the search filters of GET /jobs (accent-insensitive text, province, open only by default)", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/jobs/export?q=ke+toan&location=Ha+Noi" });
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.body.slice(1)).slice(1);
    // 10,000 accountant postings, less the 100 closed ones
    expect(rows).toHaveLength(ROWS / 10 - ROWS / 1000);
    expect(rows.every((r) => r[3]!.startsWith("Kế toán") && r[16] === "open")).toBe(true);
    const search = await t.app.inject({ method: "GET", url: "/api/v1/jobs?q=ke+toan&location=Ha+Noi" });
    expect(search.json().total).toBe(rows.length);
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    const cases: Array<[string, string]> = [
      ["format=json", "format must be csv"],
      ["salary_min=-1", "salary_min must be a number"],
      ["page=2", "page is not a known field"],
      ["status=gone", "status must be open, closed or all"],
    ];
    for (const [query, text] of cases) {
      const res = await t.app.inject({ method: "GET", url: `/api/v1/jobs/export?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toContain(text);
    }
  });
});
