import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell } from "../../src/exports/csv";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { parseCsv } from "./csv-parse";

type Row = string[];
const section = (rows: Row[], name: string) => rows.filter((r) => r[0] === name);

describe.each(databaseKinds())("sync job export on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let firstId: string;
  let secondId: string;
  const exportOf = (jobId: string, query = "", headers: Record<string, string> = bearer(t.adminToken)) =>
    t.app.inject({ method: "GET", url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/export${query}`, headers });

  beforeAll(async () => {
    board = await startBoard({ seed: 21, pagesPerKeyword: 2 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Exp", board.url, { search_keywords: ["ke-toan"], max_pages: 2, fetch_details: false });
    firstId = (await startSync(t, "Exp")).json().job_id;
    await waitFinal(t, firstId);
    // three stored postings no longer match what the board serves: the next sync updates exactly those
    await t.db.database.db.execute(
      sql`UPDATE job_postings SET content_hash = 'stale' WHERE id IN (SELECT id FROM job_postings ORDER BY id LIMIT 3)`,
    );
    secondId = (await startSync(t, "Exp")).json().job_id;
    await waitFinal(t, secondId);
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("CSV: summary, steps, errors and every posting added, as a download", async () => {
    const res = await exportOf(firstId);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="sync-job-Exp-${firstId.slice(0, 8)}.csv"`);
    expect(res.body.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    const job = await waitFinal(t, firstId);
    const summary = new Map(section(rows, "summary").map((r) => [r[1], r[2]]));
    expect(summary.get("job_id")).toBe(firstId);
    expect(summary.get("status")).toBe("completed");
    expect(summary.get("stats.jobs_added")).toBe(String(job.stats.jobs_added));
    expect(summary.get("stats.duplicates_by_reason.same_url")).toBe(String(job.stats.duplicates_by_reason.same_url));
    // source health: the fill rates and cards per page of the sync job
    expect(summary.get("quality.fields.title")).toBe("1");
    expect(summary.get("quality.cards_per_page")).toBe(String(job.quality?.cards_per_page));
    expect(summary.get("quality.postings")).toBe(String(job.stats.jobs_processed));
    expect(section(rows, "step").map((r) => r[1])).toEqual(job.steps.map((s) => s.key));
    const postings = section(rows, "posting");
    expect(postings.length).toBe(job.stats.jobs_added);
    expect(postings.every((r) => r[1] === "added")).toBe(true);
    const header = rows.find((r) => r[0] === "section" && r[1] === "change")!;
    expect(header.slice(2, 6)).toEqual(["id", "site_name", "external_id", "title"]);
    expect(new Set(postings.map((r) => r[4])).size).toBe(postings.length);
  });

  it("JSON: the same report, and the second sync job lists exactly the postings it updated", async () => {
    const res = await exportOf(secondId, "?format=json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const report = res.json();
    expect(report).toMatchObject({ job_id: secondId, status: "completed", errors: [] });
    expect(report.steps).toHaveLength(9);
    expect(report.stats.jobs_updated).toBe(3);
    expect(report.postings).toHaveLength(3);
    expect(report.postings.every((p: { change: string }) => p.change === "updated")).toBe(true);
    // the first sync job still reports them as added by it
    const first = (await exportOf(firstId, "?format=json")).json();
    const ids = new Set(first.postings.map((p: { id: number }) => p.id));
    for (const p of report.postings) expect(ids.has(p.id)).toBe(true);
  });

  it("errors and hostile text are quoted; formulas are defused", async () => {
    await t.db.database.db.execute(
      sql`INSERT INTO sync_job_events (sync_job_id, level, step_key, message)
          VALUES (${secondId}, 'error', 'crawl_jobs', ${'page 2 failed: "HTTP 503", retried\nthen gave up'})`,
    );
    await t.db.database.db.execute(
      sql`UPDATE job_postings SET title = ${'=HYPERLINK("x"), "Kế toán"\r\nline'} WHERE id = (
            SELECT job_posting_id FROM sync_job_postings WHERE sync_job_id = ${secondId} ORDER BY job_posting_id LIMIT 1)`,
    );
    const rows = parseCsv((await exportOf(secondId)).body.slice(1));
    expect(section(rows, "error")).toEqual([
      ["error", expect.any(String), "error", "crawl_jobs", 'page 2 failed: "HTTP 503", retried\nthen gave up'],
    ]);
    expect(section(rows, "posting")[0]![5]).toBe(`'=HYPERLINK("x"), "Kế toán"\r\nline`);
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });

  it("a stream token as ?token= works for a browser download; bad input is named", async () => {
    const token = (
      await t.app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: bearer(t.adminToken) })
    ).json().token;
    const res = await exportOf(firstId, `?format=csv&token=${encodeURIComponent(token)}`, {});
    expect(res.statusCode).toBe(200);
    expect((await exportOf(firstId, "", {})).statusCode).toBe(401);
    // viewers read every page, the reports included
    expect((await exportOf(firstId, "", bearer(t.viewerToken))).statusCode).toBe(200);
    const format = await exportOf(firstId, "?format=xml");
    expect(format.statusCode).toBe(400);
    expect(format.json().error.message).toContain("format must be one of: csv, json");
    expect((await exportOf("00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await exportOf("nope")).json().error.message).toContain("job_id must be a UUID");
  });
});
