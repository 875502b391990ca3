import { MASKED, WEBHOOK_HEADERS } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../src/notifications/webhook-signature";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const BASE = "/api/v1/admin/notifications";

describe.each(databaseKinds())("notifications on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let receiver: WebhookReceiver;
  let slack: WebhookReceiver;
  let smtp: TestSmtpServer;
  const api = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url: `${BASE}${url}`, headers: bearer(t.adminToken), ...(payload ? { payload } : {}) });
  const deliveries = async (query = "") =>
    (await api("GET", `/deliveries${query}`)).json().items as Array<Record<string, unknown>>;

  beforeAll(async () => {
    board = await startBoard({ seed: 11, pagesPerKeyword: 1 });
    receiver = await startWebhookReceiver();
    slack = await startWebhookReceiver();
    smtp = await startSmtpServer();
    t = await createTestApp(
      kind,
      { notificationRetryDelaySecs: 1, notificationMaxAttempts: 3, smtpUrl: smtp.url, smtpFrom: "jobsync@test.local" },
      { worker: true },
    );
    await createSource(t, "Board", board.url, { search_keywords: ["python-developer"], max_pages: 1 });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    await receiver.close();
    await slack.close();
    await smtp.close();
  });

  it("answers bad channel input with a 400 naming the field", async () => {
    const cases: Array<[object, string]> = [
      [{ name: "x", type: "webhook" }, "url"],
      [{ name: "x", type: "pager", url: receiver.url }, "type"],
      [{ name: "x", type: "webhook", url: "ftp://host/x" }, "url"],
      [{ name: "x", type: "webhook", url: receiver.url, events: ["sync_job.exploded"] }, "events.0"],
      [{ name: "x", type: "webhook", url: receiver.url, events: [] }, "events"],
      [{ name: "x", type: "email" }, "email_to"],
      [{ name: "x", type: "email", email_to: ["not-an-address"] }, "email_to.0"],
      [{ name: "x", type: "webhook", url: receiver.url, site_name: "Nope" }, "site_name"],
      [{ name: "x", type: "webhook", url: receiver.url, secret: "short" }, "secret"],
      [{ name: "", type: "webhook", url: receiver.url }, "name"],
      [{ name: "x", type: "webhook", url: receiver.url, colour: "red" }, "colour"],
    ];
    for (const [body, field] of cases) {
      const res = await api("POST", "/channels", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const paths = (res.json().error.details as Array<{ path: string }>).map((d) => d.path);
      expect(paths, JSON.stringify(body)).toContain(field);
    }
    expect((await api("GET", "/channels/not-a-uuid")).statusCode).toBe(400);
    expect((await api("GET", "/channels/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await api("GET", "/deliveries?limit=0")).statusCode).toBe(400);
    expect((await api("GET", "/deliveries?status=lost")).statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: "GET", url: `${BASE}/channels` });
    expect(anonymous.statusCode).toBe(401);
    // viewers read the channels, never a webhook's secret
    const viewer = await t.app.inject({ method: "GET", url: `${BASE}/channels`, headers: bearer(t.viewerToken) });
    expect(viewer.statusCode).toBe(200);
    const hooks = viewer.json().items.filter((c: { type: string }) => c.type === "webhook");
    expect(hooks.every((c: { secret: string }) => c.secret === MASKED)).toBe(true);
    const create = await t.app.inject({
      method: "POST",
      url: `${BASE}/channels`,
      headers: bearer(t.viewerToken),
      payload: { name: "nope", type: "webhook", url: "http://127.0.0.1:9/" },
    });
    expect(create.statusCode).toBe(403);
  });

  it("documents every notification route in OpenAPI", async () => {
    const spec = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(spec.paths["/api/v1/admin/notifications/channels"])).toEqual(["get", "post"]);
    expect(Object.keys(spec.paths["/api/v1/admin/notifications/channels/{channel_id}"]).sort()).toEqual([
      "delete",
      "get",
      "patch",
    ]);
    expect(spec.paths["/api/v1/admin/notifications/deliveries"].get.security).toEqual([{ bearer: [] }]);
    const sync = spec.paths["/api/v1/admin/data-sources/{site_name}/sync"].post;
    expect(JSON.stringify(sync.requestBody)).toContain("full_refresh");
  });

  it("creates, reads, updates and deletes channels", async () => {
    const created = await api("POST", "/channels", { name: "Temp", type: "webhook", url: receiver.url });
    expect(created.statusCode, created.body).toBe(201);
    const channel = created.json();
    expect(channel).toMatchObject({ name: "Temp", type: "webhook", site_name: null, is_active: true });
    expect(channel.secret.length).toBeGreaterThanOrEqual(16);
    expect(channel.events).toContain("sync_job.completed");
    expect((await api("POST", "/channels", { name: "temp", type: "webhook", url: receiver.url })).statusCode).toBe(409);
    const patched = await api("PATCH", `/channels/${channel.id}`, { site_name: "board", events: ["sync_job.failed"] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ site_name: "Board", events: ["sync_job.failed"] });
    expect((await api("PATCH", `/channels/${channel.id}`, { url: null })).statusCode).toBe(400);
    expect((await api("DELETE", `/channels/${channel.id}`)).statusCode).toBe(204);
    expect((await api("DELETE", `/channels/${channel.id}`)).statusCode).toBe(404);
  });

  it("delivers one signed webhook per final sync job per channel, also after a receiver failure and retry", async () => {
    const hook = (
      await api("POST", "/channels", {
        name: "Ops hook",
        type: "webhook",
        url: receiver.url,
        secret: "s3cret-s3cret-s3cret",
      })
    ).json();
    await api("POST", "/channels", { name: "Slack", type: "slack", url: slack.url, site_name: "Board" });
    await api("POST", "/channels", { name: "Mail", type: "email", email_to: ["ops@test.local"] });
    receiver.answerNext(500);
    smtp.failNext(1);

    const started = (await startSync(t, "Board")).json();
    const job = await waitFinal(t, started.job_id);
    expect(job.status).toBe("completed");
    const log = await waitFor(async () => {
      const items = await deliveries();
      const mine = items.filter((d) => d.sync_job_id === started.job_id);
      return mine.length === 3 && mine.every((d) => d.status === "delivered") ? mine : null;
    }, 60_000);

    // the webhook: a 500, then the retry; both signed, same delivery id; exactly one accepted
    const attempts = receiver.received.filter((r) => JSON.parse(r.body).sync_job?.job_id === started.job_id);
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    for (const attempt of attempts) {
      const timestamp = String(attempt.headers[WEBHOOK_HEADERS.timestamp]);
      const signature = String(attempt.headers[WEBHOOK_HEADERS.signature]);
      expect(verifyWebhook(hook.secret, timestamp, attempt.body, signature)).toBe(true);
      expect(verifyWebhook("another-secret-value", timestamp, attempt.body, signature)).toBe(false);
      expect(attempt.headers[WEBHOOK_HEADERS.event]).toBe("sync_job.completed");
    }
    expect(new Set(attempts.map((r) => r.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
    const payload = JSON.parse(attempts[1]!.body);
    expect(payload).toMatchObject({
      event: "sync_job.completed",
      sync_job: { job_id: started.job_id, status: "completed" },
      data_source: { site_name: "Board", health: "ok" },
    });
    expect(payload.sync_job.stats.jobs_added).toBe(job.stats.jobs_added);
    const hookLog = log.find((d) => d.channel_name === "Ops hook")!;
    expect(hookLog).toMatchObject({
      status: "delivered",
      attempts: 2,
      response_code: 200,
      event: "sync_job.completed",
    });

    // Slack-compatible body
    const slackBody = JSON.parse(slack.received.at(-1)!.body);
    expect(slackBody.text).toContain("Sync job of Board completed");
    // e-mail: a 451 first, then delivered once
    const mails = smtp.mails.filter((m) => m.data.includes(started.job_id));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(["ops@test.local"]);
    expect(mails[0]!.data).toMatch(/^Subject: =\?UTF-8\?Q\?.*Sync_job_of_Board/m);
    expect(mails[0]!.data).toContain("\nSync job of Board completed");
    expect(log.find((d) => d.channel_name === "Mail")).toMatchObject({ status: "delivered", attempts: 2 });

    // the end handled twice (its outbox row handled again, as after a crash before the mark) adds no delivery
    const before = receiver.received.length;
    await t.db.database.db.execute(
      sql`UPDATE sync_job_outbox SET handled_at = null WHERE sync_job_id = ${started.job_id}`,
    );
    await t.services.syncJobEnds.drain();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.length).toBe(before);
    expect((await deliveries()).filter((d) => d.sync_job_id === started.job_id)).toHaveLength(3);
    expect(await deliveries(`?channel_id=${hook.id}&status=delivered`)).toHaveLength(1);
  });

  it("gives up after the last attempt and logs the failure", async () => {
    receiver.answerNext(503, 503, 503);
    const started = (await startSync(t, "Board")).json();
    await waitFinal(t, started.job_id);
    const failed = await waitFor(async () => {
      const items = await deliveries("?status=failed");
      return items.find((d) => d.sync_job_id === started.job_id) ?? null;
    }, 60_000);
    expect(failed).toMatchObject({ channel_name: "Ops hook", attempts: 3, response_code: 503 });
    expect(String(failed.error)).toContain("503");
  });
});
