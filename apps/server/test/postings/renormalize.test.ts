import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDraft } from "@jobsync/crawler";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";
import type { Db } from "../../src/db/database";
import { migrate } from "../../src/db/migrate";
import { openPglite } from "../../src/db/pglite";
import { queryRows } from "../../src/db/query-rows";
import { PostingWriteRepository } from "../../src/postings/posting-write.repository";
import { renormalizeAll } from "../../src/postings/renormalize";
import { RenormalizeRepository } from "../../src/postings/renormalize.repository";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

/** A posting as the code before issue 17 stored it: numbers, provinces and experience as that code read them. */
interface OldPosting {
  kind: "topcv" | "itviec" | "greenhouse";
  salary_raw: string | null;
  salary: [min: number | null, max: number | null, currency: string | null, period: string | null, negotiable: boolean];
  locations: string[];
  provinces: string[];
  experience: string | null;
}

const OLD: OldPosting[] = [
  // 0: read as nothing before
  {
    kind: "topcv",
    salary_raw: "24 k - 25 k /giờ",
    salary: [null, null, null, null, false],
    locations: ["Hà Nội"],
    provinces: ["Hà Nội"],
    experience: "Dưới 1 năm",
  },
  // 1: read as a monthly 150,000 before
  {
    kind: "topcv",
    salary_raw: "Tới 150 k /sp",
    salary: [null, 150_000, "VND", "month", false],
    locations: ["Hồ Chí Minh"],
    provinces: ["Hồ Chí Minh"],
    experience: "Không yêu cầu",
  },
  // 2: the maximum was lost
  {
    kind: "topcv",
    salary_raw: "0.0 - 15 triệu",
    salary: [null, null, null, null, false],
    locations: ["Đà Nẵng"],
    provinces: ["Đà Nẵng"],
    experience: "Trên 5 năm",
  },
  // 3: an ITviec job in two cities had no province
  {
    kind: "itviec",
    salary_raw: "You'll love it",
    salary: [null, null, null, null, true],
    locations: ["Ho Chi Minh - Ha Noi"],
    provinces: [],
    experience: "3+ years of experience in Java",
  },
  // 4: an API salary: its numbers stay; nothing else to read
  {
    kind: "greenhouse",
    salary_raw: "100000 - 150000 USD per year",
    salary: [100_000, 150_000, "USD", "year", false],
    locations: ["Ho Chi Minh City"],
    provinces: ["Hồ Chí Minh"],
    experience: null,
  },
  // 5: a 10,000-character salary text, stored before there were limits
  {
    kind: "topcv",
    salary_raw: `10 - 12 triệu ${"x".repeat(10_000)}`,
    salary: [10_000_000, 12_000_000, "VND", "month", false],
    locations: ["Huế"],
    provinces: ["Huế"],
    experience: "1 năm",
  },
];

async function seedOld(db: Db): Promise<void> {
  for (const kind of ["topcv", "itviec", "greenhouse"]) {
    await db.execute(
      sql`INSERT INTO data_sources (site_name, kind, base_url, config)
          VALUES (${`Old-${kind}`}, ${kind}, 'https://board.example', '{}'::jsonb)`,
    );
  }
  for (const [i, p] of OLD.entries()) {
    const [min, max, currency, period, negotiable] = p.salary;
    await db.execute(
      sql`INSERT INTO job_postings (data_source_id, external_id, url, title, company, salary_raw, salary_min,
            salary_max, salary_currency, salary_period, salary_negotiable, locations, provinces, experience, tags,
            content_hash, content_key)
          SELECT id, ${`old-${i}`}, ${`https://board.example/old-${i}`}, 'Kế toán', 'ACME', ${p.salary_raw}, ${min},
            ${max}, ${currency}, ${period}, ${negotiable},
            ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(p.locations)}::jsonb)),
            ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(p.provinces)}::jsonb)), ${p.experience}, '{}',
            'h', 'k'
          FROM data_sources WHERE site_name = ${`Old-${p.kind}`}`,
    );
  }
}

interface Row {
  external_id: string;
  salary_raw: string | null;
  salary_min: string | number | null;
  salary_max: string | number | null;
  salary_period: string | null;
  salary_monthly_min_vnd: string | number | null;
  salary_monthly_max_vnd: string | number | null;
  provinces: string[];
  experience_min_years: number | null;
  experience_max_years: number | null;
  content_key: string;
}

const readRows = (db: Db) =>
  queryRows<Row>(
    db,
    sql`SELECT external_id, salary_raw, salary_min, salary_max, salary_period, salary_monthly_min_vnd,
          salary_monthly_max_vnd, provinces, experience_min_years, experience_max_years, content_key
        FROM job_postings ORDER BY id`,
  );
const n = (v: string | number | null) => (v === null ? null : Number(v));

describe.each(databaseKinds())("re-normalising stored postings on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await seedOld(db.database.db);
  });
  afterAll(() => db.close());

  it("a dry run counts and writes nothing", async () => {
    const before = await readRows(db.database.db);
    const summary = await renormalizeAll(new RenormalizeRepository(db.database.db), { dryRun: true });
    expect(summary).toMatchObject({ read: 6, changed: 6 });
    expect(await readRows(db.database.db)).toEqual(before);
  });

  it("fills the new fields from the stored raw values, without a re-crawl", async () => {
    const summary = await renormalizeAll(new RenormalizeRepository(db.database.db), { dryRun: false, batchSize: 4 });
    expect(summary).toMatchObject({ read: 6, changed: 6, parts: { salary: 5, provinces: 1, experience: 5 } });
    const rows = await readRows(db.database.db);
    expect(
      rows.map((r) => [
        r.salary_period,
        n(r.salary_min),
        n(r.salary_max),
        n(r.salary_monthly_min_vnd),
        n(r.salary_monthly_max_vnd),
        r.provinces,
        r.experience_min_years,
        r.experience_max_years,
      ]),
    ).toEqual([
      ["hour", 24_000, 25_000, 4_992_000, 5_200_000, ["Hà Nội"], 0, 1],
      ["piece", null, 150_000, null, null, ["Hồ Chí Minh"], 0, null],
      ["month", null, 15_000_000, null, 15_000_000, ["Đà Nẵng"], 5, null],
      [null, null, null, null, null, ["Hồ Chí Minh", "Hà Nội"], 3, null],
      ["year", 100_000, 150_000, 208_333_333, 312_500_000, ["Hồ Chí Minh"], null, null],
      ["month", 10_000_000, 12_000_000, 10_000_000, 12_000_000, ["Huế"], 1, 1],
    ]);
    expect(rows[3]?.content_key).toBe("ke toan|acme|ho chi minh");
    expect(rows[5]?.salary_raw).toHaveLength(200);
  });

  it("is idempotent, and leaves a posting saved by today's code as it is", async () => {
    const [source] = await queryRows<{ id: string }>(
      db.database.db,
      sql`SELECT id FROM data_sources WHERE site_name = 'Old-topcv'`,
    );
    const [job] = await queryRows<{ id: string }>(
      db.database.db,
      sql`INSERT INTO sync_jobs (data_source_id, site_name, max_jobs, steps, stats)
          VALUES (${source!.id}::uuid, 'Old-topcv', 10, '[]'::jsonb, '{}'::jsonb) RETURNING id`,
    );
    const card = {
      external_id: "new-1",
      url: "https://board.example/new-1",
      title: "Kế toán",
      company: "ACME",
      company_url: null,
      salary_text: "Từ 24 k /giờ",
      location_text: "Ha Noi - Others",
      experience: "1 - 3 năm",
      tags: [],
      logo_url: null,
      updated_label: null,
    };
    const draft = buildDraft(card, null, { crawledAt: new Date() });
    await new PostingWriteRepository(db.database.db).upsertBatch(source!.id, job!.id, [draft]);
    const again = await renormalizeAll(new RenormalizeRepository(db.database.db), { dryRun: false });
    expect(again).toMatchObject({ read: 7, changed: 0 });
  });
});

describe("npm run cli -- renormalize", () => {
  it("refuses an unknown flag", async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (line: string) => err.push(line), stdin: process.stdin } as never;
    expect(await runCli(["renormalize", "--force"], io)).toBe(1);
    expect(err[0]).toMatch(/renormalize: .*--force/);
  });

  it("re-normalises the configured database and says what it changed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jobsync-renormalize-"));
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    try {
      const database = await openPglite({ dataDir });
      await migrate(database);
      await seedOld(database.db);
      await database.close();
      process.env.DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      const out: string[] = [];
      const io = { stdout: (line: string) => out.push(line), stderr: () => {}, stdin: process.stdin } as never;
      expect(await runCli(["renormalize", "--dry-run"], io)).toBe(0);
      expect(out[0]).toBe("read 6 job postings; would re-normalise 6");
      out.length = 0;
      expect(await runCli(["renormalize"], io)).toBe(0);
      expect(out.slice(0, 2)).toEqual([
        "read 6 job postings; re-normalised 6",
        "  salary 5, provinces 1, experience 5",
      ]);
      out.length = 0;
      expect(await runCli(["renormalize"], io)).toBe(0);
      expect(out[0]).toBe("read 6 job postings; re-normalised 0");
    } finally {
      process.env.DATA_DIR = saved.DATA_DIR;
      if (saved.DATABASE_URL !== undefined) process.env.DATABASE_URL = saved.DATABASE_URL;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
