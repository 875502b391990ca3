import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPendingSyncJob, createSource, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

describe.each(databaseKinds())("a sync job failed by the reaper (on its last attempt) on %s", (kind) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let channelId = "";
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp(kind, { syncStaleSecs: 5, notificationRetryDelaySecs: 1 }, { worker: true });
    await createSource(t, "Orphan", "http://127.0.0.1:9");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/notifications/channels",
      headers: bearer(t.adminToken),
      payload: { name: "Failures", type: "webhook", url: receiver.url, events: ["sync_job.failed"] },
    });
    expect(res.statusCode, res.body).toBe(201);
    channelId = res.json().id;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it("is notified once and counted for auto-disable, like a sync job its runner failed", async () => {
    const jobId = await createPendingSyncJob(t, "Orphan", 1);
    // a worker in another process claimed it on its last attempt, then died without a word
    expect(await t.services.syncJobTransitions.claim(jobId, "dead-worker")).not.toBeNull();
    await t.db.database.db.execute(
      sql`UPDATE sync_jobs SET heartbeat_at = now() - interval '1 minute' WHERE id = ${jobId}`,
    );
    const delivery = await waitFor(async () => receiver.received.find((r) => r.body.includes(jobId)) ?? null, 30_000);
    const payload = JSON.parse(delivery.body);
    expect(payload).toMatchObject({ event: "sync_job.failed", sync_job: { job_id: jobId, status: "failed" } });
    expect(payload.sync_job.error).toContain("interrupted");
    expect(payload.data_source).toMatchObject({ site_name: "Orphan", consecutive_failures: 1 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(receiver.received.filter((r) => r.body.includes(jobId))).toHaveLength(1);
  });

  it("a pending sync job cancelled before any worker took it is notified as cancelled", async () => {
    await t.app.inject({
      method: "PATCH",
      url: `/api/v1/admin/notifications/channels/${channelId}`,
      headers: bearer(t.adminToken),
      payload: { events: ["sync_job.cancelled"] },
    });
    const jobId = await createPendingSyncJob(t, "Orphan", 3);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe("cancelled");
    const delivery = await waitFor(async () => receiver.received.find((r) => r.body.includes(jobId)) ?? null, 30_000);
    expect(JSON.parse(delivery.body)).toMatchObject({ event: "sync_job.cancelled", sync_job: { status: "cancelled" } });
  });
});
