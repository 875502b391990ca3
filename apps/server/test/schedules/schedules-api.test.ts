import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { SCHEDULE_QUEUE_PREFIX, scheduleQueueName } from "../../src/schedules/sync-scheduler";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("schedules API on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  const api = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1/admin/data-sources${url}`,
      headers: bearer(t.adminToken),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  // the data sources' schedules (other features keep pg-boss schedules of their own)
  const pgBossSchedules = async () =>
    queryRows<{ name: string; cron: string; timezone: string }>(
      t.db.database.db,
      sql`SELECT name, cron, timezone FROM pgboss.schedule WHERE starts_with(name, ${SCHEDULE_QUEUE_PREFIX})
          ORDER BY name`,
    );

  beforeAll(async () => {
    board = await startBoard({ seed: 5, pagesPerKeyword: 1 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Sched", board.url, { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  it("refuses a bad cron or time zone with a 400 naming the field", async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ schedule_cron: "61 * * * *" }, "schedule_cron", "got value 61 expected range 0-59"],
      [{ schedule_cron: "* * * *" }, "schedule_cron", "5 fields"],
      [{ schedule_cron: "*/5 * * * * *" }, "schedule_cron", "5 fields"],
      [{ schedule_cron: 5 }, "schedule_cron", "cron expression"],
      [{ schedule_cron: "0 6 * * *", schedule_timezone: "Mars/Olympus" }, "schedule_timezone", "IANA time zone"],
    ];
    for (const [body, field, text] of cases) {
      const res = await api("PATCH", "/Sched", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe("validation_failed");
      expect(error.details[0].path).toBe(field);
      expect(error.message).toContain(text);
    }
    const created = await api("POST", "", {
      site_name: "BadCron",
      kind: "topcv",
      base_url: board.url,
      schedule_cron: "0 25 * * *",
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0].path).toBe("schedule_cron");
    expect((await api("GET", "/BadCron")).statusCode).toBe(404);
  });

  it("keeps one pg-boss schedule per source in step with the row, and shows the next run", async () => {
    const set = await api("PATCH", "/Sched", { schedule_cron: "30 6 * * 1-5", schedule_timezone: "Asia/Ho_Chi_Minh" });
    expect(set.statusCode, set.body).toBe(200);
    const source = set.json();
    expect(source).toMatchObject({ schedule_cron: "30 6 * * 1-5", schedule_timezone: "Asia/Ho_Chi_Minh" });
    // 06:30 in Ho Chi Minh City (UTC+7) is 23:30 UTC of the day before, on a weekday there
    const next = new Date(source.next_run_at);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getUTCHours()).toBe(23);
    expect(next.getUTCMinutes()).toBe(30);
    expect(await pgBossSchedules()).toEqual([
      { name: scheduleQueueName(source.id), cron: "30 6 * * 1-5", timezone: "Asia/Ho_Chi_Minh" },
    ]);

    const inactive = await api("PATCH", "/Sched", { is_active: false });
    expect(inactive.json().next_run_at).toBeNull();
    expect(await pgBossSchedules()).toEqual([]);
    await api("PATCH", "/Sched", { is_active: true });
    expect(await pgBossSchedules()).toHaveLength(1);

    const removed = await api("PATCH", "/Sched", { schedule_cron: null });
    expect(removed.json()).toMatchObject({ schedule_cron: null, next_run_at: null });
    expect(await pgBossSchedules()).toEqual([]);
  });

  it("a fire starts a sync job with trigger 'schedule'; the same tick never fires twice; an active job skips", async () => {
    const source = (await api("PATCH", "/Sched", { schedule_cron: "*/10 * * * *" })).json();
    const tick = new Date("2030-01-01T10:20:00Z");
    const first = await t.services.scheduler.fire(source.id, new Date(tick.getTime() + 3_000));
    expect(first).toMatchObject({ outcome: "started", scheduledFor: tick.toISOString() });
    // a second process taking the same tick's message gets nothing
    expect(await t.services.scheduler.fire(source.id, new Date(tick.getTime() + 4_000))).toBeNull();
    const job = await waitFinal(t, first!.jobId!);
    expect(job).toMatchObject({ status: "completed", trigger: "schedule" });

    const manual = (await startSync(t, "Sched")).json().job_id;
    const next = new Date("2030-01-01T10:30:00Z");
    const skipped = await t.services.scheduler.fire(source.id, next);
    expect(skipped).toEqual({ outcome: "skipped_active", jobId: manual, scheduledFor: next.toISOString() });
    await waitFinal(t, manual);

    await api("PATCH", "/Sched", { is_active: false });
    const off = await t.services.scheduler.fire(source.id, new Date("2030-01-01T10:40:30Z"));
    expect(off).toMatchObject({ outcome: "skipped_inactive", jobId: null });
    await api("PATCH", "/Sched", { is_active: true });

    const runs = await api("GET", "/Sched/schedule-runs?limit=10");
    expect(runs.statusCode).toBe(200);
    expect(runs.json().items.map((r: { outcome: string; job_id: string | null; scheduled_for: string }) => r)).toEqual([
      expect.objectContaining({ outcome: "skipped_inactive", job_id: null, scheduled_for: "2030-01-01T10:40:00.000Z" }),
      expect.objectContaining({ outcome: "skipped_active", job_id: manual, message: expect.stringContaining(manual) }),
      expect.objectContaining({ outcome: "started", job_id: first!.jobId, site_name: "Sched" }),
    ]);
  });

  it("answers 400 for a bad limit, 404 for an unknown source, 401 anonymous; viewers read it too", async () => {
    expect((await api("GET", "/Sched/schedule-runs?limit=0")).json().error.message).toContain("limit");
    expect((await api("GET", "/Nope/schedule-runs")).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/admin/data-sources/Sched/schedule-runs" });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await t.app.inject({
      method: "GET",
      url: "/api/v1/admin/data-sources/Sched/schedule-runs",
      headers: bearer(t.viewerToken),
    });
    expect(viewer.statusCode).toBe(200);
  });
});
