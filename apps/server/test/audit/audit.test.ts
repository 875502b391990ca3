import { API_PATHS, apiPath, MASKED } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startSync } from "../support/sync-helpers";
import { ADMIN, bearer, createTestApp, type TestApp, VIEWER } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

interface Entry {
  id: string;
  at: string;
  actor_email: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

describe.each(databaseKinds())("audit log on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: admin(), ...(payload ? { payload } : {}) });
  const audit = async (query = ""): Promise<{ items: Entry[]; next_cursor: string | null }> => {
    const res = await call("GET", `${API_PATHS.audit}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const rowsOf = async (action: string) => (await audit(`?action=${action}&limit=200`)).items;
  const count = async (table: string) =>
    Number(
      (await queryRows<{ n: number }>(t.db.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n,
    );

  it("records sign-ins that succeed and fail, with the IP", async () => {
    await t.app.inject({
      method: "POST",
      url: API_PATHS.login,
      payload: { email: "nobody@example.com", password: "whatever-1" },
      remoteAddress: "10.7.7.7",
    });
    const [failed] = await rowsOf("auth.login_failed");
    expect(failed).toMatchObject({
      actor_email: "nobody@example.com",
      object_type: "user",
      object_id: null,
      ip: "10.7.7.7",
      changes: { reason: "unknown e-mail" },
    });
    const logins = await rowsOf("auth.login");
    expect(logins.map((r) => r.actor_email)).toEqual(expect.arrayContaining([ADMIN.email, VIEWER.email]));
    expect(JSON.stringify(await audit("?limit=200"))).not.toContain("whatever-1");
  });

  it("records data source create, update (fields before and after), deactivate, activate and delete", async () => {
    const created = await createSource(t, "Audit-Board", "http://127.0.0.1:9/");
    const [create] = await rowsOf("data_source.create");
    expect(create).toMatchObject({ actor_email: ADMIN.email, object_type: "data_source", object_id: created.id });
    expect(create!.changes).toMatchObject({ site_name: { before: null, after: "Audit-Board" } });

    const url = apiPath(API_PATHS.dataSource, { site_name: "Audit-Board" });
    expect((await call("PATCH", url, { config: { max_pages: 5 } })).statusCode).toBe(200);
    expect((await rowsOf("data_source.update"))[0]!.changes).toEqual({ "config.max_pages": { before: 3, after: 5 } });
    // a PATCH that changes nothing records nothing
    expect((await call("PATCH", url, { config: { max_pages: 5 } })).statusCode).toBe(200);
    expect(await rowsOf("data_source.update")).toHaveLength(1);

    expect((await call("PATCH", url, { is_active: false })).statusCode).toBe(200);
    expect((await call("PATCH", url, { is_active: true })).statusCode).toBe(200);
    expect((await rowsOf("data_source.deactivate"))[0]!.changes).toEqual({
      is_active: { before: true, after: false },
    });
    expect(await rowsOf("data_source.activate")).toHaveLength(1);

    expect((await call("DELETE", url)).statusCode).toBe(204);
    const [removed] = await rowsOf("data_source.delete");
    expect(removed).toMatchObject({ object_id: created.id, changes: { base_url: { after: null } } });
  });

  it("writes no row for a change that fails (duplicate name, bad config, unknown source, a second sync start)", async () => {
    await createSource(t, "Audit-Once", "http://127.0.0.1:9/");
    const before = await count("audit_log");
    const again = await call("POST", API_PATHS.dataSources, {
      site_name: "Audit-Once",
      kind: "topcv",
      base_url: "http://127.0.0.1:9/",
    });
    expect(again.statusCode).toBe(409);
    const bad = await call("PATCH", apiPath(API_PATHS.dataSource, { site_name: "Audit-Once" }), {
      config: { max_pages: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await call("DELETE", apiPath(API_PATHS.dataSource, { site_name: "No-Such" }))).statusCode).toBe(404);
    expect((await startSync(t, "Audit-Once")).statusCode).toBe(202);
    const mid = await count("audit_log");
    expect(mid).toBe(before + 1);
    expect((await startSync(t, "Audit-Once")).statusCode).toBe(409);
    expect(await count("audit_log")).toBe(mid);
  });

  it("records sync start and cancel with the sync job's id; cancelling a final one records nothing", async () => {
    await createSource(t, "Audit-Sync", "http://127.0.0.1:9/");
    const started = await startSync(t, "Audit-Sync", { max_jobs: 7 });
    const jobId = started.json().job_id as string;
    const [start] = (await rowsOf("sync_job.start")).filter((r) => r.object_id === jobId);
    expect(start).toMatchObject({
      object_type: "sync_job",
      changes: { site_name: "Audit-Sync", trigger: "manual", max_jobs: 7 },
    });
    const cancel = await call("POST", apiPath(API_PATHS.cancelSyncJob, { job_id: jobId }));
    expect(cancel.statusCode).toBe(202);
    const again = await call("POST", apiPath(API_PATHS.cancelSyncJob, { job_id: jobId }));
    expect(again.statusCode).toBe(409);
    const cancels = (await rowsOf("sync_job.cancel")).filter((r) => r.object_id === jobId);
    expect(cancels).toHaveLength(1);
    expect(cancels[0]!.changes).toEqual({ site_name: "Audit-Sync", status: { before: "pending" } });
    // resuming a job that saved nothing is refused, unrecorded
    expect((await call("POST", apiPath(API_PATHS.resumeSyncJob, { job_id: jobId }))).statusCode).toBe(400);
    expect(await rowsOf("sync_job.resume")).toEqual([]);
  });

  it("records notification channel changes with the webhook secret masked", async () => {
    const secret = "a-very-secret-webhook-key-123";
    const res = await call("POST", API_PATHS.notificationChannels, {
      name: "Audit hook",
      type: "webhook",
      url: "http://127.0.0.1:9/hook",
      secret,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const channel = apiPath(API_PATHS.notificationChannel, { channel_id: id });
    expect((await call("PATCH", channel, { secret: `${secret}-2`, name: "Audit hook 2" })).statusCode).toBe(200);
    expect((await call("DELETE", channel)).statusCode).toBe(204);
    const [create] = await rowsOf("notification_channel.create");
    const [update] = await rowsOf("notification_channel.update");
    const [remove] = await rowsOf("notification_channel.delete");
    expect(create!.changes).toMatchObject({ secret: { before: null, after: MASKED } });
    expect(update!.changes).toEqual({
      name: { before: "Audit hook", after: "Audit hook 2" },
      secret: { before: MASKED, after: MASKED },
    });
    expect(remove!.object_id).toBe(id);
    const all = JSON.stringify(await audit("?limit=200"));
    expect(all).not.toContain(secret);
  });

  it("records an expiry sweep asked through the API, with its counts", async () => {
    const res = await call("POST", API_PATHS.expirePostings, { recheck_limit: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const [sweep] = await rowsOf("job_posting.expire");
    expect(sweep).toMatchObject({
      actor_email: ADMIN.email,
      object_type: "job_posting",
      changes: { closed_by_deadline: 0, closed_by_recheck: 0 },
    });
  });

  it("writes a change and its audit row atomically: when the row cannot be written, the change is not made", async () => {
    const db = t.db.database.db;
    await db.execute(sql`CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
    await db.execute(
      sql`CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_refuse()`,
    );
    try {
      const sources = await count("data_sources");
      const users = await count("users");
      const jobs = await count("sync_jobs");
      const source = await call("POST", API_PATHS.dataSources, {
        site_name: "Never-Saved",
        kind: "topcv",
        base_url: "http://127.0.0.1:9/",
      });
      expect(source.statusCode).toBe(500);
      const user = await call("POST", API_PATHS.users, { email: "never@example.com", role: "viewer" });
      expect(user.statusCode).toBe(500);
      const sync = await startSync(t, "Audit-Sync");
      expect(sync.statusCode).toBe(500);
      expect(await count("data_sources")).toBe(sources);
      expect(await count("users")).toBe(users);
      expect(await count("sync_jobs")).toBe(jobs);
    } finally {
      await db.execute(sql`DROP TRIGGER audit_refuse ON audit_log`);
      await db.execute(sql`DROP FUNCTION audit_refuse()`);
    }
  });

  it("filters by actor, action and object, and pages with next_cursor without gaps or repeats", async () => {
    const byViewer = await audit(`?actor=${encodeURIComponent("VIEWER@")}`);
    expect(byViewer.items.length).toBeGreaterThan(0);
    expect(byViewer.items.every((r) => r.actor_email === VIEWER.email)).toBe(true);
    const sources = await audit("?object_type=data_source&limit=200");
    expect(sources.items.every((r) => r.object_type === "data_source")).toBe(true);
    expect(sources.items.length).toBeGreaterThanOrEqual(6);

    const all = (await audit("?limit=200")).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; next_cursor: string | null } = await audit(
        `?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));
    expect(all.map((r) => Number(r.id))).toEqual([...all.map((r) => Number(r.id))].sort((a, b) => b - a));

    const future = await audit(`?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.items).toEqual([]);
  });

  it.each([
    ["?action=user.explode", "action must be one of"],
    ["?object_type=planet", "object_type must be one of"],
    ["?cursor=abc", "cursor must be a value returned as next_cursor"],
    ["?limit=0", "limit must be a whole number from 1 to 200"],
    ["?from=yesterday", "from must be a date-time"],
    ["?colour=red", "colour"],
  ])("answers 400 for %s", async (query, fragment) => {
    const res = await call("GET", `${API_PATHS.audit}${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(fragment);
  });

  it("prunes rows older than AUDIT_RETENTION_DAYS and keeps the rest", async () => {
    await t.db.database.db.execute(
      sql`INSERT INTO audit_log (at, actor_email, action, object_type) VALUES
            (now() - interval '400 days', 'old@example.com', 'user.create', 'user'),
            (now() - interval '300 days', 'recent@example.com', 'user.create', 'user')`,
    );
    const before = await count("audit_log");
    expect(await t.services.auditPrune.runOnce()).toBe(1);
    expect(await count("audit_log")).toBe(before - 1);
    expect((await audit("?actor=old@")).items).toEqual([]);
    expect((await audit("?actor=recent@")).items).toHaveLength(1);
  });

  it("is for admins only", async () => {
    const res = await t.app.inject({ method: "GET", url: API_PATHS.audit, headers: bearer(t.viewerToken) });
    expect(res.statusCode).toBe(403);
  });
});
