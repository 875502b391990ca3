import { monthlyEquivalentVnd, type Salary } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations } from "../../src/db/migrate";
import { queryRows } from "../../src/db/query-rows";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

/** The data part of migration 0005: the monthly equivalents of postings stored before it, in SQL. */
const migration = loadMigrations().find((m) => m.name.startsWith("0005_"));
const backfill = migration?.sql.slice(migration.sql.indexOf("UPDATE job_postings")) ?? "";

type Stored = Pick<Salary, "min" | "max" | "currency" | "period">;
const SALARIES: Stored[] = [
  { min: 10_000_000, max: 15_000_000, currency: "VND", period: "month" },
  { min: null, max: 20_000_000, currency: "VND", period: "month" },
  { min: 1_000, max: 2_500, currency: "USD", period: "month" },
  { min: 25_000, max: 30_000, currency: "VND", period: "hour" },
  { min: 20, max: 20, currency: "USD", period: "hour" },
  { min: 200_000, max: 200_000, currency: "VND", period: "day" },
  { min: 3_000_000, max: 4_000_000, currency: "VND", period: "week" },
  { min: 7_000_000, max: 7_000_000, currency: "VND", period: "week" },
  { min: 330_000_000, max: 380_000_000, currency: "VND", period: "year" },
  { min: 1_234_567, max: 9_999_999, currency: "VND", period: "year" },
  { min: null, max: null, currency: null, period: null },
];

describe.each(databaseKinds())("migration 0005 on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  it("fills the monthly equivalents of stored salaries exactly as the contracts compute them", async () => {
    expect(backfill).toMatch(/^UPDATE job_postings/);
    const [source] = await queryRows<{ id: string }>(
      db.database.db,
      sql`INSERT INTO data_sources (site_name, kind, base_url, config)
          VALUES ('Old', 'topcv', 'https://board.example', '{}'::jsonb) RETURNING id`,
    );
    for (const [i, s] of SALARIES.entries()) {
      await db.database.db.execute(
        sql`INSERT INTO job_postings (data_source_id, external_id, url, title, salary_min, salary_max, salary_currency,
              salary_period, locations, provinces, tags, content_hash, content_key)
            VALUES (${source!.id}::uuid, ${String(i)}, ${`https://board.example/${i}`}, 'Kế toán', ${s.min}, ${s.max},
              ${s.currency}, ${s.period}, '{}', '{}', '{}', 'h', 'k')`,
      );
    }
    await db.database.db.execute(sql.raw(backfill));
    const rows = await queryRows<{ external_id: string; min: string | number | null; max: string | number | null }>(
      db.database.db,
      sql`SELECT external_id, salary_monthly_min_vnd AS min, salary_monthly_max_vnd AS max FROM job_postings
          WHERE data_source_id = ${source!.id}::uuid ORDER BY external_id::int`,
    );
    const fromSql = rows.map((r) => (r.min === null && r.max === null ? null : { min: num(r.min), max: num(r.max) }));
    expect(fromSql).toEqual(SALARIES.map((s) => monthlyEquivalentVnd(s)));
  });
});

const num = (v: string | number | null) => (v === null ? null : Number(v));
