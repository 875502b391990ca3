import { foldText } from "@jobsync/crawler";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("advanced filtering in Process Jobs on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 5, pagesPerKeyword: 2 });
    t = await createTestApp(kind, {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("counts filtered postings with their reasons and does not save them", async () => {
    await createSource(t, "Filtered", board.url, {
      search_keywords: ["python-developer", "ke-toan"],
      max_pages: 2,
      provinces: ["Hà Nội", "Hồ Chí Minh"],
      exclude_keywords: ["senior"],
      max_experience_years: 3,
    });
    const started = (await startSync(t, "Filtered")).json();
    const job = await waitFinal(t, started.job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.stats.jobs_filtered).toBeGreaterThan(0);
    expect(job.stats.jobs_added).toBeGreaterThan(0);
    const step = job.steps.find((s) => s.key === "process_jobs")!;
    expect(step.details.some((d) => /^\d+ filtered: /.test(d))).toBe(true);
    expect(step.message).toContain("filtered");

    const rows = await queryRows<{
      title: string;
      provinces: string[];
      experience_min_years: number | null;
      tags: string[];
    }>(
      t.db.database.db,
      sql`SELECT p.title, p.provinces, p.experience_min_years, p.tags FROM job_postings p
        JOIN data_sources ds ON ds.id = p.data_source_id WHERE ds.site_name = 'Filtered'`,
    );
    expect(rows.length).toBe(job.stats.jobs_added);
    for (const row of rows) {
      expect(
        row.provinces.some((p) => p === "Hà Nội" || p === "Hồ Chí Minh"),
        row.title,
      ).toBe(true);
      expect([row.title, ...row.tags].map(foldText).join(" ")).not.toContain("senior");
      expect(row.experience_min_years ?? 0).toBeLessThanOrEqual(3);
    }
    // everything processed is either kept (saved or a duplicate) or filtered
    expect(job.stats.jobs_processed).toBe(job.stats.jobs_filtered + job.stats.jobs_added + job.stats.duplicates);
  });

  it("refuses bad filter values with a 400 naming the field", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Filtered",
      headers: bearer(t.adminToken),
      payload: { config: { provinces: ["Atlantis"], min_salary: "lots" } },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["config.provinces.0", "config.min_salary"]));
  });
});
