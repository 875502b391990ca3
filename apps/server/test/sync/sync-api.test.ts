import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, getJob, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("sync job API on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 3, pagesPerKeyword: 2 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Slow", board.url, { search_keywords: ["python-developer"], max_pages: 2 });
    await createSource(t, "Fast", board.url, { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });
  const get = (url: string, token = t.adminToken) =>
    t.app.inject({ method: "GET", url: `/api/v1/admin/data-sources/sync${url}`, headers: bearer(token) });

  it("answers 404 for an unknown source and 409 for an inactive one", async () => {
    const unknown = await startSync(t, "Nope");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("data source Nope not found");
    await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Fast",
      headers: bearer(t.adminToken),
      payload: { is_active: false },
    });
    const inactive = await startSync(t, "Fast");
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().error).toMatchObject({
      code: "data_source_inactive",
      message: "data source Fast is not active",
    });
    await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Fast",
      headers: bearer(t.adminToken),
      payload: { is_active: true },
    });
  });

  it.each([
    [{ max_jobs: 0 }, "max_jobs must be a whole number from 1 to 10000"],
    [{ max_jobs: 10001 }, "max_jobs must be a whole number from 1 to 10000"],
    [{ max_jobs: "5" }, "max_jobs must be a whole number from 1 to 10000"],
    [{ max_jobs: 1.5 }, "max_jobs must be a whole number from 1 to 10000"],
    [{ max_jobs: 5, extra: true }, "extra"],
  ])("refuses the body %j with 400 naming the field, creating nothing", async (body, message) => {
    const before = (await get("/jobs?status=all")).json().items.length;
    const res = await startSync(t, "Fast", body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(message);
    expect((await get("/jobs?status=all")).json().items.length).toBe(before);
  });

  it("answers 400 for a malformed job id and 404 for an unknown one", async () => {
    expect((await get("/jobs/not-a-uuid")).statusCode).toBe(400);
    expect((await get("/jobs/not-a-uuid")).json().error.message).toContain("job_id must be a UUID");
    const missing = await get("/jobs/00000000-0000-4000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
  });

  it("answers 409 with the active sync job's id to a second start; exactly one of two parallel starts wins", async () => {
    board.setFaults([{ type: "latency", ms: 300, kind: "listing" }]);
    const [a, b] = await Promise.all([startSync(t, "Slow"), startSync(t, "Slow")]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([202, 409]);
    const winner = a.statusCode === 202 ? a.json() : b.json();
    const loser = a.statusCode === 409 ? a.json() : b.json();
    expect(loser.error.code).toBe("sync_job_active");
    expect(loser.error.details).toMatchObject({ job_id: winner.job_id, site_name: "Slow" });
    const active = (await get("/jobs")).json().items;
    expect(active.map((j: { job_id: string }) => j.job_id)).toContain(winner.job_id);
    board.setFaults([]);
    await waitFinal(t, winner.job_id);
  });

  it("honours max_jobs from the request", async () => {
    const res = await startSync(t, "Fast", { max_jobs: 7 });
    const job = await waitFinal(t, res.json().job_id);
    expect(job.status).toBe("completed");
    expect(job.max_jobs).toBe(7);
    expect(job.stats.jobs_found).toBe(7);
    expect(job.stats.pages_fetched).toBe(1);
  });

  it("lists history with filters and cursor paging", async () => {
    for (let i = 0; i < 3; i++) await waitFinal(t, (await startSync(t, "Fast")).json().job_id);
    const all = (await get("/jobs?status=all&site_name=Fast&limit=100")).json().items;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ job_id: string; site_name: string }>; next_cursor: string | null } = (
        await get(`/jobs?status=completed&site_name=Fast&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) {
        expect(item.site_name).toBe("Fast");
        seen.push(item.job_id);
      }
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all.filter((j: { status: string }) => j.status === "completed").length);
    for (const bad of ["?status=done", "?limit=0", "?limit=101", "?cursor=%%%", "?cursor=bm9wZQ", "?foo=1"]) {
      const res = await get(`/jobs${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it("cancels a pending or running sync job; a finished one answers 409", async () => {
    board.setFaults([{ type: "latency", ms: 400, kind: "listing" }]);
    const started = (await startSync(t, "Slow")).json();
    const cancel = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${started.job_id}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(cancel.statusCode).toBe(202);
    expect(["cancelling", "cancelled"]).toContain(cancel.json().status);
    const job = await waitFinal(t, started.job_id);
    board.setFaults([]);
    expect(job.status).toBe("cancelled");
    expect(job.cancelled_by?.email).toBe("admin@example.com");
    const cleanup = job.steps.find((s) => s.key === "cleanup")!;
    if (job.started_at) expect(cleanup.status).toBe("completed");
    const again = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${started.job_id}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(again.statusCode).toBe(409);
    expect((await getJob(t, started.job_id)).status).toBe("cancelled");
  });

  it("cancels mid-crawl: cancelled, the rest skipped, cleanup completed, no socket left open", async () => {
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;
    const baseline = sockets();
    board.setFaults([{ type: "latency", ms: 250, kind: "listing" }]);
    const started = (await startSync(t, "Slow")).json();
    await waitFor(async () => {
      const job = await getJob(t, started.job_id);
      return job.current_step === "crawl_jobs" && job.stats.pages_fetched >= 1;
    });
    const cancel = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${started.job_id}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(cancel.json().status).toBe("cancelling");
    const job = await waitFinal(t, started.job_id);
    board.setFaults([]);
    expect(job.status).toBe("cancelled");
    const status = Object.fromEntries(job.steps.map((s) => [s.key, s.status]));
    expect(status).toMatchObject({
      initialize: "completed",
      crawl_jobs: "skipped",
      process_jobs: "skipped",
      save_jobs: "skipped",
      cleanup: "completed",
    });
    expect(job.summary?.outcome).toBe("cancelled");
    await waitFor(async () => sockets() <= baseline);
  });

  it("accepts a stream token as ?token= on the events stream only", async () => {
    const { token } = (
      await t.app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: bearer(t.adminToken) })
    ).json();
    const last = (await get("/jobs?status=completed&limit=1")).json().items[0];
    const stream = await t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${last.job_id}/events?token=${token}`,
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers["content-type"]).toContain("text/event-stream");
    expect(stream.body).toContain("event: end");
    const elsewhere = await t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${last.job_id}?token=${token}`,
    });
    expect(elsewhere.statusCode).toBe(401);
    const viewer = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/stream-token",
      headers: bearer(t.viewerToken),
    });
    const viewerStream = await t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${last.job_id}/events?token=${viewer.json().token}`,
    });
    // viewers see every page read-only, the live progress included
    expect(viewerStream.statusCode).toBe(200);
  });
});
