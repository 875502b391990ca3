import { LAYOUT_CHANGED_FAILURE } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const SOURCE = "Health";

/**
 * Source health over real HTTP against the fixture board: clean sync jobs build a baseline, then each `layout`
 * variant of the board produces the alarm or the failure that names what changed, with a downloadable snapshot.
 */
describe.each(databaseKinds())("source health on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    board = await startBoard({ seed: 13, pagesPerKeyword: 2, cardsPerPage: 6 });
    receiver = await startWebhookReceiver();
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, SOURCE, board.url, { search_keywords: ["python-developer", "ke-toan"], max_pages: 2 });
    const channel = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/notifications/channels",
      headers: bearer(t.adminToken),
      payload: { name: "Alarms", type: "webhook", url: receiver.url, events: ["sync_job.alarm"] },
    });
    expect(channel.statusCode, channel.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await board?.close();
    await receiver?.close();
  });
  /** The alarm webhooks the channel received for one sync job. */
  const alarmHooks = (jobId: string) =>
    waitFor(async () => {
      const hooks = receiver.received
        .map((r) => ({ event: r.headers["x-jobsync-event"], body: JSON.parse(r.body) }))
        .filter((h) => h.body.sync_job?.job_id === jobId);
      return hooks.length > 0 ? hooks : null;
    }, 30_000);

  const sync = async () => waitFinal(t, (await startSync(t, SOURCE)).json().job_id);
  const api = async (url: string) => t.app.inject({ method: "GET", url, headers: bearer(t.adminToken) });
  const snapshots = async (jobId: string) =>
    (await api(`/api/v1/admin/data-sources/sync/jobs/${jobId}/snapshots`)).json().items as Array<{
      n: number;
      kind: string;
      url: string;
    }>;

  const health = async () => (await api(`/api/v1/admin/data-sources/${SOURCE}`)).json().health;

  it("five clean sync jobs: fill rates and cards per page in `quality`, no alarm", async () => {
    expect(await health()).toEqual({ status: "never_synced", reason: "no sync job has completed or failed yet" });
    for (let i = 0; i < 5; i++) {
      const job = await sync();
      expect(job.status, job.error ?? "").toBe("completed");
      expect(job.alarms).toEqual([]);
      expect(job.quality).toMatchObject({ listing_pages: 4, postings: job.stats.jobs_processed });
      expect(job.quality?.cards_per_page).toBeGreaterThan(3);
      expect(job.quality?.fields.title).toBe(1);
      expect(job.quality?.fields.company).toBe(1);
      expect(job.quality?.fields.province).toBe(1);
      expect(job.quality?.fields.description).toBe(1);
      expect(job.quality?.fields.salary).toBeGreaterThan(0.3);
      expect(await snapshots(job.job_id)).toEqual([]);
    }
    expect(receiver.received).toEqual([]);
    expect(await health()).toEqual({ status: "healthy", reason: "the latest sync job completed with no alarm" });
    const page = (await api(`/api/v1/admin/data-sources/${SOURCE}/health`)).json();
    expect(page.sync_jobs).toHaveLength(5);
    expect(page.drift_tolerance).toBe(0.2);
    expect(page.baseline).toMatchObject({ sync_jobs: 5, fields: { title: 1 } });
    expect(page.baseline.cards_per_page).toBeGreaterThan(3);
  });

  it("no-salary: completes with a drift alarm naming salary, its baseline and actual, and a snapshot", async () => {
    board.setFaults([{ type: "layout", variant: "no-salary" }]);
    const job = await sync();
    board.setFaults([]);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.quality?.fields.salary).toBe(0);
    expect(job.alarms).toEqual([
      {
        kind: "drift",
        field: "salary",
        baseline: expect.any(Number),
        actual: 0,
        message: expect.stringMatching(/^salary filled in 0 % of postings, usually \d+ %/),
      },
    ]);
    expect(job.alarms[0]?.baseline).toBeGreaterThan(0.3);
    const [snapshot] = await snapshots(job.job_id);
    expect(snapshot).toMatchObject({ n: 1, kind: "drift", url: expect.stringContaining(board.url) });
    const download = await api(`/api/v1/admin/data-sources/sync/jobs/${job.job_id}/snapshots/1`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="snapshot-.*-1-drift\.html\.txt"$/);
    expect(download.headers["content-security-policy"]).toContain("sandbox");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.body).toContain("job-item-search-result");
    const [hook] = await alarmHooks(job.job_id);
    expect(hook?.event).toBe("sync_job.alarm");
    expect(hook?.body).toMatchObject({
      event: "sync_job.alarm",
      alarms: [{ kind: "drift", field: "salary", actual: 0 }],
    });
    expect(hook?.body.message).toMatch(/^Source health alarm on Health \(sync job completed\): salary filled in 0 %/);
    expect(await health()).toEqual({ status: "drifting", reason: job.alarms[0]?.message });
  });

  it.each(["renamed-classes", "empty-200"] as const)(
    "%s on page 1 of every search: Crawl Jobs fails saying the layout may have changed, with a layout_changed alarm and snapshot",
    async (variant) => {
      board.setFaults([{ kind: "listing", type: "layout", variant }]);
      const job = await sync();
      board.setFaults([]);
      expect(job.status).toBe("failed");
      expect(job.error).toBe(`Crawl Jobs: ${LAYOUT_CHANGED_FAILURE}`);
      expect(job.alarms).toEqual([
        expect.objectContaining({ kind: "layout_changed", field: "cards_per_page", actual: 0 }),
      ]);
      expect(job.alarms[0]?.message).toMatch(/page 1 answered 200 with no job cards/);
      expect(job.quality).toMatchObject({ listing_pages: 2, empty_pages: 2, postings: 0 });
      const list = await snapshots(job.job_id);
      expect(list.map((s) => s.kind)).toEqual(["layout_changed"]);
      const download = await api(`/api/v1/admin/data-sources/sync/jobs/${job.job_id}/snapshots/1`);
      expect(download.statusCode).toBe(200);
      expect(download.body).toContain("box-job-list");
      const [hook] = await alarmHooks(job.job_id);
      expect(hook?.body.alarms).toEqual([expect.objectContaining({ kind: "layout_changed" })]);
      expect(await health()).toEqual({
        status: "failing",
        reason: `the latest sync job failed: Crawl Jobs: ${LAYOUT_CHANGED_FAILURE}`,
      });
    },
  );

  it("a 0-card page in one search only: the sync job completes with the layout_changed alarm", async () => {
    const path = board.listingUrl("ke-toan", 1).replace(board.url, "").split("?")[0];
    board.setFaults([{ kind: "listing", path, type: "layout", variant: "empty-200" }]);
    const job = await sync();
    board.setFaults([]);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.alarms.map((a) => a.kind)).toContain("layout_changed");
    expect(job.steps.find((s) => s.key === "crawl_jobs")?.details.join("\n")).toMatch(/ke-toan page 1 answered 200/);
  });

  it("snapshots: bad and unknown numbers and sync jobs answer 4xx with the reason", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const bad = await api(`/api/v1/admin/data-sources/sync/jobs/${unknown}/snapshots/0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/n must be a snapshot number/);
    expect((await api(`/api/v1/admin/data-sources/sync/jobs/not-a-uuid/snapshots`)).statusCode).toBe(400);
    const missing = await api(`/api/v1/admin/data-sources/sync/jobs/${unknown}/snapshots`);
    expect(missing.statusCode).toBe(404);
    const job = await sync();
    const none = await api(`/api/v1/admin/data-sources/sync/jobs/${job.job_id}/snapshots/9`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe(`sync job ${job.job_id} has no snapshot 9`);
    expect((await api("/api/v1/admin/data-sources/Nope/health")).statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${job.job_id}/snapshots`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
