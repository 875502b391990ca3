import { buildDraft, type ListingCard, type PostingDraft } from "@jobsync/crawler";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseErrorMessage, isDataError } from "../../src/db/database-error";
import { queryRows } from "../../src/db/query-rows";
import { PostingSaveError, PostingWriteRepository } from "../../src/postings/posting-write.repository";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

const crawledAt = new Date("2026-04-13T00:00:00Z");
const card = (i: number): ListingCard => ({
  external_id: `r${i}`,
  url: `https://board.example/viec-lam/r${i}.html`,
  title: `Kế toán ${i}`,
  company: `Công ty ${i}`,
  company_url: null,
  salary_text: "10 - 15 triệu",
  location_text: "Hà Nội",
  experience: "1 năm",
  tags: [],
  logo_url: null,
  updated_label: null,
});
const drafts = (n: number): PostingDraft[] =>
  Array.from({ length: n }, (_v, i) => buildDraft(card(i), null, { crawledAt }));

/**
 * Postings the database refuses. The draft builder strips what PostgreSQL cannot store from crawled text, so these
 * drafts are spoiled after it, as a draft from any other path could be: each refused posting is returned with its
 * field and the database's reason (never SQL text), and every other posting of its batch is saved.
 */
describe.each(databaseKinds())("postings the database refuses on %s", (kind) => {
  let db: TestDatabase;
  let repo: PostingWriteRepository;
  let sourceId = "";
  let jobId = "";
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    repo = new PostingWriteRepository(db.database.db);
    const [source] = await queryRows<{ id: string }>(
      db.database.db,
      sql`INSERT INTO data_sources (site_name, kind, base_url, config)
          VALUES ('Refusals', 'topcv', 'https://board.example', '{}'::jsonb) RETURNING id`,
    );
    sourceId = source!.id;
    const [job] = await queryRows<{ id: string }>(
      db.database.db,
      sql`INSERT INTO sync_jobs (data_source_id, site_name, max_jobs, steps, stats)
          VALUES (${sourceId}::uuid, 'Refusals', 100, '[]'::jsonb, '{}'::jsonb) RETURNING id`,
    );
    jobId = job!.id;
  });
  afterAll(() => db.close());

  const stored = async () =>
    (
      await queryRows<{ external_id: string }>(
        db.database.db,
        sql`SELECT external_id FROM job_postings WHERE data_source_id = ${sourceId}::uuid ORDER BY external_id`,
      )
    ).map((r) => r.external_id);

  it("saves the rest of the batch and returns each refused posting with its field and reason", async () => {
    const batch = drafts(7);
    batch[2] = { ...batch[2]!, title: "Kế toán\u0000 2" };
    batch[5] = { ...batch[5]!, company: "Công ty \ud800 5" };
    const counts = await repo.upsertBatch(sourceId, jobId, batch);
    expect(counts.added).toBe(5);
    expect(counts.refused.map((r) => [r.external_id, r.url, r.field])).toEqual([
      ["r2", "https://board.example/viec-lam/r2.html", "title"],
      ["r5", "https://board.example/viec-lam/r5.html", "company"],
    ]);
    for (const r of counts.refused) {
      expect(r.reason.length).toBeGreaterThan(0);
      expect(r.reason).not.toMatch(/Failed query|INSERT|SELECT|jsonb_to_recordset|job_postings/i);
    }
    expect(await stored()).toEqual(["r0", "r1", "r3", "r4", "r6"]);
  });

  it("a number the column cannot hold is refused the same way", async () => {
    const [good, bad] = drafts(9).slice(7);
    const huge = { ...bad!, salary: { ...bad!.salary, min: 1e25, max: 1e25 } };
    const counts = await repo.upsertBatch(sourceId, jobId, [good!, huge]);
    expect(counts.added).toBe(1);
    expect(counts.refused).toHaveLength(1);
    expect(counts.refused[0]).toMatchObject({ external_id: "r8", field: "salary_min" });
    expect(counts.refused[0]?.reason).not.toMatch(/Failed query/);
  });

  it("saving the same batch again refuses the same postings and changes nothing else", async () => {
    const batch = drafts(7);
    batch[2] = { ...batch[2]!, title: "Kế toán\u0000 2" };
    const counts = await repo.upsertBatch(sourceId, jobId, batch);
    expect(counts).toMatchObject({ added: 1, updated: 0 }); // r5, whose company is clean this time
    expect(counts.refused.map((r) => r.external_id)).toEqual(["r2"]);
  });

  it("a real Drizzle error is told apart and put in the database's words, without the statement", async () => {
    const error = await db.database.db.execute(sql`SELECT * FROM no_such_table`).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/Failed query/); // what must never be shown
    expect(databaseErrorMessage(error)).toMatch(/relation "no_such_table" does not exist/);
    expect(databaseErrorMessage(error)).not.toMatch(/Failed query|SELECT/);
    expect(isDataError(error)).toBe(false);
    const nul = await db.database.db.execute(sql`SELECT ${"a\u0000b"}::text`).catch((e: unknown) => e);
    expect(isDataError(nul)).toBe(true);
  });

  it("a failure of the database itself throws a message without SQL", async () => {
    const other = await openTestDatabase(kind);
    const closedRepo = new PostingWriteRepository(other.database.db);
    await other.close();
    const error = await closedRepo.upsertBatch(sourceId, jobId, drafts(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostingSaveError);
    expect((error as Error).message).toMatch(/^could not save job postings: /);
    expect((error as Error).message).not.toMatch(/Failed query|INSERT|jsonb_to_recordset/);
  });
});
