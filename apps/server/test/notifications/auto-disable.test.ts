import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthAfter } from "../../src/data-sources/source-health";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

describe("health after failed sync jobs in a row", () => {
  it.each([
    [0, 5, "ok"],
    [4, 5, "ok"],
    [5, 5, "degraded"],
    [9, 5, "degraded"],
    [10, 5, "deactivated"],
    [2, 1, "deactivated"],
  ] as const)("%i failures with N=%i → %s", (failures, threshold, health) => {
    expect(healthAfter(failures, threshold)).toBe(health);
  });
});

describe.each(databaseKinds())("auto-disable on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let receiver: WebhookReceiver;
  const source = async () =>
    (
      await t.app.inject({
        method: "GET",
        url: "/api/v1/admin/data-sources/Flaky",
        headers: bearer(t.adminToken),
      })
    ).json();
  const patch = (payload: object) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Flaky",
      headers: bearer(t.adminToken),
      payload,
    });
  let failures = 0;
  const failOnce = async () => {
    const res = await startSync(t, "Flaky");
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitFinal(t, res.json().job_id);
    expect(job.status).toBe("failed");
    // the source's health is written by the end handler from the sync job's outbox row, moments after it ends
    failures++;
    await waitFor(async () => (await source()).consecutive_failures >= failures);
    return job;
  };

  beforeAll(async () => {
    board = await startBoard({ seed: 3, pagesPerKeyword: 1 });
    receiver = await startWebhookReceiver();
    t = await createTestApp(kind, { notificationRetryDelaySecs: 1 }, { worker: true });
    // nothing listens on port 9 of loopback: every sync job fails at Check Availability
    await createSource(t, "Flaky", "http://127.0.0.1:9", {
      search_keywords: ["python-developer"],
      max_pages: 1,
      timeout: 2,
      auto_disable_after_failures: 2,
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/notifications/channels",
      headers: bearer(t.adminToken),
      payload: {
        name: "Health",
        type: "webhook",
        url: receiver.url,
        site_name: "Flaky",
        events: ["data_source.degraded", "data_source.deactivated"],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    await receiver.close();
  });

  it("marks the source degraded after N failures, deactivates it after 2N, and notifies each change once", async () => {
    expect(await source()).toMatchObject({ auto_disable: "ok", consecutive_failures: 0 });
    await failOnce();
    expect(await source()).toMatchObject({ auto_disable: "ok", consecutive_failures: 1, is_active: true });
    await failOnce();
    expect(await source()).toMatchObject({ auto_disable: "degraded", consecutive_failures: 2, is_active: true });
    await failOnce();
    expect(await source()).toMatchObject({ auto_disable: "degraded", consecutive_failures: 3 });
    await failOnce();
    expect(await source()).toMatchObject({ auto_disable: "deactivated", consecutive_failures: 4, is_active: false });
    expect((await source()).health).toEqual({
      status: "failing",
      reason: "auto-disabled after 4 failed sync jobs in a row",
    });

    const refused = await startSync(t, "Flaky");
    expect(refused.statusCode).toBe(409);

    const events = await waitFor(async () => {
      const got = receiver.received.map((r) => JSON.parse(r.body).event as string);
      return got.length >= 2 ? got : null;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(events);
    expect(events).toEqual(["data_source.degraded", "data_source.deactivated"]);
    const last = JSON.parse(receiver.received.at(-1)!.body);
    expect(last.data_source).toEqual({ site_name: "Flaky", health: "deactivated", consecutive_failures: 4 });
    expect(last.message).toContain("deactivated after 4 failed sync jobs");
  });

  it("switching the source on again clears its health, and a completed sync job resets the count", async () => {
    const res = await patch({ is_active: true, base_url: board.url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ auto_disable: "ok", consecutive_failures: 0, is_active: true });
    const job = await waitFinal(t, (await startSync(t, "Flaky")).json().job_id);
    expect(job.status).toBe("completed");
    expect(await source()).toMatchObject({ auto_disable: "ok", consecutive_failures: 0 });
  });
});
