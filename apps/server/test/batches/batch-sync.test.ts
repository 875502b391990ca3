import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("multi-site sync on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  const post = (payload: unknown, token = t.adminToken) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources/sync",
      headers: bearer(token),
      payload: payload as object,
    });
  const batch = (id: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/batches/${id}`,
      headers: bearer(t.adminToken),
    });

  beforeAll(async () => {
    board = await startBoard({ seed: 8, pagesPerKeyword: 1 });
    t = await createTestApp(kind, { syncConcurrency: 1 }, { worker: true });
    const config = { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false };
    await createSource(t, "A", board.url, config);
    await createSource(t, "B", board.url, { ...config, search_keywords: ["python-developer"] });
    await createSource(t, "Busy", board.url, config);
    await createSource(t, "Off", board.url, config);
    await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Off",
      headers: bearer(t.adminToken),
      payload: { is_active: false },
    });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("starts one batch, reports each source's outcome, and sums the batch when it is done", async () => {
    board.setFaults([{ type: "latency", ms: 300, kind: "listing" }]);
    const busy = (await startSync(t, "Busy")).json().job_id;
    const res = await post({ site_names: ["A", "b", "Busy", "Off", "Ghost"], max_jobs: 50 });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body.batch_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.results).toEqual([
      { site_name: "A", outcome: "started", job_id: expect.any(String), message: expect.stringContaining("up to 50") },
      { site_name: "B", outcome: "started", job_id: expect.any(String), message: expect.any(String) },
      { site_name: "Busy", outcome: "already_active", job_id: busy, message: expect.stringContaining(busy) },
      { site_name: "Off", outcome: "inactive", job_id: null, message: "data source Off is not active" },
      { site_name: "Ghost", outcome: "unknown", job_id: null, message: "data source Ghost not found" },
    ]);
    board.setFaults([]);

    // one worker slot: the batch's sync jobs queue behind each other under the global concurrency
    const running = await batch(body.batch_id);
    expect(running.statusCode).toBe(200);
    expect(running.json().jobs.map((j: { site_name: string }) => j.site_name)).toEqual(["A", "B"]);

    const done = await waitFor(async () => {
      const current = (await batch(body.batch_id)).json();
      return current.summary.finished ? current : null;
    }, 120_000);
    const jobs = await Promise.all(done.jobs.map((j: { job_id: string }) => waitFinal(t, j.job_id)));
    expect(jobs.every((j) => j.status === "completed" && j.trigger === "batch" && j.max_jobs === 50)).toBe(true);
    expect(done.summary).toMatchObject({
      total: 2,
      active: 0,
      finished: true,
      progress: 100,
      by_status: { completed: 2 },
    });
    expect(done.summary.stats.jobs_found).toBe(jobs[0]!.stats.jobs_found + jobs[1]!.stats.jobs_found);
    expect(done.summary.stats.jobs_added).toBe(jobs[0]!.stats.jobs_added + jobs[1]!.stats.jobs_added);
    await waitFinal(t, busy);
  });

  it("answers no batch when nothing started", async () => {
    const res = await post({ site_names: ["Off"] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      batch_id: null,
      results: [{ site_name: "Off", outcome: "inactive", job_id: null, message: "data source Off is not active" }],
    });
  });

  it("refuses bad bodies with a 400 naming the field", async () => {
    const cases: Array<[unknown, string, string]> = [
      [{}, "site_names", "site_names must be a list"],
      [{ site_names: [] }, "site_names", "at least one"],
      [{ site_names: ["A", "a"] }, "site_names", "twice"],
      [{ site_names: ["bad name"] }, "site_names.0", "site_name must be"],
      [{ site_names: ["A"], max_jobs: 0 }, "max_jobs", "max_jobs must be a whole number from 1 to 10000"],
      [{ site_names: ["A"], extra: 1 }, "extra", "not a known field"],
    ];
    for (const [payload, path, text] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details[0].path).toBe(path);
      expect(res.json().error.message).toContain(text);
    }
    expect((await post({ site_names: ["A"] }, t.viewerToken)).statusCode).toBe(403);
  });

  it("answers 400 for a bad batch id and 404 for an unknown one", async () => {
    expect((await batch("nope")).json().error.message).toContain("batch_id must be a UUID");
    const unknown = await batch("00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
  });
});
