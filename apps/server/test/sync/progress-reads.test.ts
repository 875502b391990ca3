import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../src/db/postgres";
import { ProgressSnapshots } from "../../src/sync/events/progress-snapshots";
import { initialProgressState } from "../../src/sync/progress/progress-state";
import { SyncJobTransitions } from "../../src/sync/sync-job-transitions";
import { terminateListeners } from "../support/postgres-admin";
import { createPendingSyncJob, createSource, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const JOBS = "/api/v1/admin/data-sources/sync/jobs";

describe.each(databaseKinds())("GET of a sync job from its progress snapshot on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await createSource(t, "Etag", "http://127.0.0.1:9/", { search_keywords: ["x"], max_pages: 1 });
  });
  afterAll(async () => {
    await t.close();
  });
  const get = (jobId: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: `${JOBS}/${jobId}`, headers: { ...bearer(t.adminToken), ...headers } });

  it("answers the progress with an ETag, 304 to If-None-Match while nothing changed, 200 once it changed", async () => {
    const jobId = await createPendingSyncJob(t, "Etag");
    const first = await get(jobId);
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    // the same body the service reads, serialised as the response schema does
    expect(first.json()).toEqual(JSON.parse(JSON.stringify(await t.services.syncJobs.get(jobId))));

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await get(jobId, { "if-none-match": header });
      expect(again.statusCode, header).toBe(304);
      expect(again.body).toBe("");
      expect(again.headers.etag).toBe(etag);
    }
    expect((await get(jobId, { "if-none-match": '"other"' })).statusCode).toBe(200);

    // a change made in this process is seen by the very next read
    const cancelled = await t.app.inject({
      method: "POST",
      url: `${JOBS}/${jobId}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(cancelled.statusCode).toBe(202);
    const after = await get(jobId, { "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.json().status).toBe("cancelled");
    expect(after.headers.etag).not.toBe(etag);
  });

  it("reads the row once per change, not once per poll", async () => {
    let reads = 0;
    const snapshots = new ProgressSnapshots(async (id) => {
      reads += 1;
      return t.services.syncJobRepository.findProgress(id);
    }, t.services.syncJobChanges);
    const jobId = await createPendingSyncJob(t, "Etag");
    const polls = await Promise.all(Array.from({ length: 50 }, () => snapshots.get(jobId)));
    expect(new Set(polls.map((s) => s?.etag)).size).toBe(1);
    for (let i = 0; i < 50; i++) await snapshots.get(jobId);
    expect(reads).toBe(1);
    const first = polls[0]!;
    await t.services.syncJobTransitions.requestCancel(jobId, null);
    expect((await snapshots.get(jobId))?.status).toBe("cancelled");
    // what follows the end (its expiry report) is one more change; NOTIFY echoes of changes already read read nothing
    await t.services.syncJobEnds.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 50; i++) await snapshots.get(jobId);
    const last = (await snapshots.get(jobId))!;
    expect(last.version).toBeGreaterThan(first.version);
    expect(reads).toBe(1 + last.version - first.version);
  });

  it("answers 404 once a sync job is deleted by retention", async () => {
    const jobId = await createPendingSyncJob(t, "Etag");
    await t.services.syncJobTransitions.requestCancel(jobId, null);
    expect((await get(jobId)).statusCode).toBe(200);
    await t.services.syncJobRepository.enforceRetention(0);
    await waitFor(async () => ((await get(jobId)).statusCode === 404 ? true : null), 5_000);
  });
});

describe.runIf(databaseKinds().includes("postgres"))("progress snapshots across processes (PostgreSQL)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("postgres");
    await createSource(t, "Other", "http://127.0.0.1:9/", { search_keywords: ["x"], max_pages: 1 });
  });
  afterAll(async () => {
    await t.close();
  });
  const get = (jobId: string) =>
    t.app.inject({ method: "GET", url: `${JOBS}/${jobId}`, headers: bearer(t.adminToken) });

  it("follows another process's writes by LISTEN/NOTIFY, and reads the row while LISTEN is down", async () => {
    // "another process": its own connection pool and lifecycle, which tells this process nothing directly
    const other = await openPostgres(t.db.url ?? "", 2);
    try {
      const otherTransitions = new SyncJobTransitions(other.db);
      const jobId = await createPendingSyncJob(t, "Other");
      expect((await get(jobId)).json().status).toBe("pending");
      expect(await otherTransitions.claim(jobId, "other-worker")).not.toBeNull();
      const running = await waitFor(async () => {
        const body = (await get(jobId)).json();
        return body.status === "running" ? body : null;
      }, 5_000);
      expect(running.status).toBe("running");

      // LISTEN's connection dies: until it is back, every read goes to the row
      expect(await terminateListeners(t.db.url ?? "")).toBe(1);
      await waitFor(async () => (t.services.syncJobChanges.complete ? null : true), 5_000);
      expect(await otherTransitions.requestCancel(jobId, null)).toBe("cancelling");
      expect((await get(jobId)).json().status).toBe("cancelling");
      // and it reconnects by itself
      await waitFor(async () => (t.services.syncJobChanges.complete ? true : null), 10_000);
      const state = { ...initialProgressState(), steps: running.steps, stats: running.stats };
      expect(await otherTransitions.handBack(jobId, "other-worker", state, [])).toBe("cancelled");
      await waitFor(async () => ((await get(jobId)).json().status === "cancelled" ? true : null), 5_000);
    } finally {
      await other.close();
    }
  });
});
