import { API_PATHS, apiPath, MASKED } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createPendingSyncJob, createSource } from "../support/sync-helpers";
import { ADMIN, bearer, createTestApp, type TestApp, VIEWER } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("users, roles and sessions on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { loginMaxAttempts: 50 });
  });
  afterAll(() => t.close());

  const as = (token: string) => bearer(token);
  const login = (email: string, password: string) =>
    t.app.inject({ method: "POST", url: API_PATHS.login, payload: { email, password } });
  const tokenOf = async (email: string, password: string) => {
    const res = await login(email, password);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().access_token as string;
  };
  const me = (token: string) => t.app.inject({ method: "GET", url: API_PATHS.me, headers: as(token) });
  const createUser = (payload: object, token = t.adminToken) =>
    t.app.inject({ method: "POST", url: API_PATHS.users, headers: as(token), payload });
  const patchUser = (id: string, payload: object, token = t.adminToken) =>
    t.app.inject({ method: "PATCH", url: apiPath(API_PATHS.user, { id }), headers: as(token), payload });
  const userId = async (email: string) => (await t.services.users.findByEmail(email))!.id;
  const auditRows = (action: string, objectId?: string) =>
    queryRows<{ actor_email: string | null; object_id: string | null; changes: Record<string, unknown>; ip: string }>(
      t.db.database.db,
      sql`SELECT actor_email, object_id, changes, ip FROM audit_log WHERE action = ${action}
            ${objectId ? sql`AND object_id = ${objectId}` : sql``} ORDER BY id`,
    );
  const userCount = async () =>
    Number((await queryRows<{ n: number }>(t.db.database.db, sql`SELECT count(*)::int AS n FROM users`))[0]!.n);

  it("creates a user with a generated password shown once, lists users, and audits the creation", async () => {
    const res = await createUser({ email: "Colleague@Example.com", role: "viewer" });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      email: "colleague@example.com",
      role: "viewer",
      active: true,
      last_login_at: null,
    });
    expect(created.password).toMatch(/^\S{16,}$/);
    await tokenOf("colleague@example.com", created.password);

    const list = await t.app.inject({ method: "GET", url: API_PATHS.users, headers: as(t.adminToken) });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((u: { email: string }) => u.email === "colleague@example.com");
    expect(listed.password).toBeUndefined();
    expect(Date.parse(listed.last_login_at)).toBeGreaterThan(Date.now() - 60_000);

    const [row] = await auditRows("user.create", created.id);
    expect(row).toMatchObject({ actor_email: ADMIN.email, changes: { role: { before: null, after: "viewer" } } });
    expect(JSON.stringify(await auditRows("user.create"))).not.toContain(created.password);
  });

  it("takes a typed password, and never answers it back", async () => {
    const res = await createUser({ email: "typed@example.com", role: "admin", password: "typed-password-1" });
    expect(res.statusCode).toBe(201);
    expect(res.json().password).toBeUndefined();
    await tokenOf("typed@example.com", "typed-password-1");
    await patchUser(res.json().id, { active: false });
  });

  it.each([
    [{ email: "x@example.com", role: "root" }, "role must be admin or viewer"],
    [{ email: "x@example.com", role: "viewer", password: "short" }, "password must be 8-1024 characters"],
    [{ email: "not-an-email", role: "viewer" }, "email must be a valid e-mail address"],
    [{ email: "x@example.com", role: "viewer", extra: 1 }, "extra"],
    [{ role: "viewer" }, "email"],
  ])("refuses %j with a 400 naming the field and writes nothing", async (payload, fragment) => {
    const before = await userCount();
    const res = await createUser(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(fragment);
    expect(await userCount()).toBe(before);
  });

  it("answers 409 for a taken e-mail, with no audit row", async () => {
    const before = (await auditRows("user.create")).length;
    const res = await createUser({ email: VIEWER.email.toUpperCase(), role: "viewer" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("already exists");
    expect((await auditRows("user.create")).length).toBe(before);
  });

  it("answers 404 for an unknown user and 400 for a bad id or empty change", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await patchUser(unknown, { role: "viewer" })).statusCode).toBe(404);
    expect((await patchUser("nope", { role: "viewer" })).json().error.message).toContain("id must be a UUID");
    const empty = await patchUser(await userId(VIEWER.email), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("give role or active");
    const reset = await t.app.inject({
      method: "POST",
      url: apiPath(API_PATHS.resetUserPassword, { id: unknown }),
      headers: as(t.adminToken),
      payload: {},
    });
    expect(reset.statusCode).toBe(404);
  });

  it("never demotes or deactivates the last active admin (409 with the reason), and allows it with another admin", async () => {
    const adminId = await userId(ADMIN.email);
    for (const change of [{ role: "viewer" }, { active: false }]) {
      const res = await patchUser(adminId, change);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ code: "conflict", details: { reason: "last_admin" } });
      expect(res.json().error.message).toContain("last active admin");
    }
    expect((await t.services.users.findById(adminId))!.role).toBe("admin");
    expect(await auditRows("user.update", adminId)).toEqual([]);
    expect((await me(t.adminToken)).statusCode).toBe(200);

    // two admins demoting each other at the same moment: one wins; the other is refused (409, or 401 when the
    // winner's change ended its session first) — an active admin always remains
    const second = (
      await createUser({ email: "second-admin@example.com", role: "admin", password: "second-pass-1" })
    ).json().id as string;
    const secondToken = await tokenOf("second-admin@example.com", "second-pass-1");
    const [a, b] = await Promise.all([
      patchUser(second, { role: "viewer" }, t.adminToken),
      patchUser(adminId, { role: "viewer" }, secondToken),
    ]);
    const codes = [a.statusCode, b.statusCode];
    expect(
      codes.filter((c) => c === 200),
      codes.join(),
    ).toHaveLength(1);
    expect([401, 409]).toContain(codes.find((c) => c !== 200));
    const admins = await t.services.users.lockActiveAdmins(t.db.database.db);
    expect(admins).toHaveLength(1);
    // back to one admin (ADMIN) for the next tests
    await t.services.users.update(adminId, { role: "admin", active: true });
    await t.services.users.update(second, { role: "viewer", active: false });
    t.adminToken = await tokenOf(ADMIN.email, ADMIN.password);
  });

  it("a role change or deactivation ends that user's sessions at once; a deactivated user cannot sign in", async () => {
    const created = (
      await createUser({ email: "demoted@example.com", role: "admin", password: "demoted-pass-1" })
    ).json();
    const token = await tokenOf("demoted@example.com", "demoted-pass-1");
    expect((await me(token)).statusCode).toBe(200);
    const demoted = await patchUser(created.id, { role: "viewer" });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json()).toMatchObject({ role: "viewer", active: true });
    const refused = await me(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain("session has ended");

    const viewerToken = await tokenOf("demoted@example.com", "demoted-pass-1");
    const list = await t.app.inject({ method: "GET", url: API_PATHS.users, headers: as(viewerToken) });
    expect(list.statusCode).toBe(403);
    expect((await patchUser(created.id, { active: false })).json().active).toBe(false);
    expect((await me(viewerToken)).statusCode).toBe(401);
    const denied = await login("demoted@example.com", "demoted-pass-1");
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.message).toBe("this account is deactivated");
    expect((await login("demoted@example.com", "wrong-password")).json().error.message).toBe(
      "invalid e-mail or password",
    );

    expect((await patchUser(created.id, { active: true })).statusCode).toBe(200);
    await tokenOf("demoted@example.com", "demoted-pass-1");

    const updates = await auditRows("user.update", created.id);
    expect(updates.map((r) => r.changes)).toEqual([
      { role: { before: "admin", after: "viewer" }, sessions_ended: 1 },
      { active: { before: true, after: false }, sessions_ended: 1 },
      { active: { before: false, after: true }, sessions_ended: 0 },
    ]);
    expect(updates.every((r) => r.actor_email === ADMIN.email && typeof r.ip === "string")).toBe(true);
    const failed = await auditRows("auth.login_failed", created.id);
    expect(failed.map((r) => r.changes.reason)).toEqual(["account deactivated", "wrong password"]);
  });

  it("resets a password (generated, shown once): the old password and the user's sessions stop working", async () => {
    const created = (await createUser({ email: "reset@example.com", role: "viewer", password: "reset-pass-1" })).json();
    const token = await tokenOf("reset@example.com", "reset-pass-1");
    const res = await t.app.inject({
      method: "POST",
      url: apiPath(API_PATHS.resetUserPassword, { id: created.id }),
      headers: as(t.adminToken),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { password } = res.json();
    expect(password).toMatch(/^\S{16,}$/);
    expect((await me(token)).statusCode).toBe(401);
    expect((await login("reset@example.com", "reset-pass-1")).statusCode).toBe(401);
    await tokenOf("reset@example.com", password);
    const [row] = await auditRows("user.reset_password", created.id);
    expect(row!.changes).toEqual({ password: MASKED, sessions_ended: 1 });
    expect(JSON.stringify(row)).not.toContain(password);
  });

  it("changes one's own password with the current one; the other sessions end, this one stays", async () => {
    await createUser({ email: "self@example.com", role: "viewer", password: "self-pass-1" });
    const here = await tokenOf("self@example.com", "self-pass-1");
    const elsewhere = await tokenOf("self@example.com", "self-pass-1");
    const change = (payload: object) =>
      t.app.inject({ method: "POST", url: API_PATHS.changePassword, headers: as(here), payload });

    const wrong = await change({ current_password: "not-it-at-all", new_password: "self-pass-2" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain("current_password is not your current password");
    expect((await change({ current_password: "self-pass-1", new_password: "short" })).json().error.message).toContain(
      "new_password must be 8-1024 characters",
    );
    expect((await change({ current_password: "self-pass-1", new_password: "self-pass-1" })).statusCode).toBe(400);
    expect((await me(elsewhere)).statusCode).toBe(200);

    const ok = await change({ current_password: "self-pass-1", new_password: "self-pass-2" });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login("self@example.com", "self-pass-1")).statusCode).toBe(401);
    await tokenOf("self@example.com", "self-pass-2");
    const rows = await auditRows("auth.change_password");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_email: "self@example.com", changes: { password: MASKED } });
    const anonymous = await t.app.inject({ method: "POST", url: API_PATHS.changePassword, payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });

  it("logout ends the session server-side: the token and its stream tokens are refused after", async () => {
    const token = await tokenOf(VIEWER.email, VIEWER.password);
    const stream = (await t.app.inject({ method: "POST", url: API_PATHS.streamToken, headers: as(token) })).json()
      .token as string;
    const out = await t.app.inject({ method: "POST", url: API_PATHS.logout, headers: as(token) });
    expect(out.statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
    const events = await t.app.inject({
      method: "GET",
      url: `${apiPath(API_PATHS.syncJobEvents, { job_id: "00000000-0000-4000-8000-000000000000" })}?token=${stream}`,
    });
    expect(events.statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: API_PATHS.logout, headers: as(token) })).statusCode).toBe(401);
    expect((await auditRows("auth.logout")).map((r) => r.actor_email)).toEqual([VIEWER.email]);
    expect((await auditRows("auth.login")).length).toBeGreaterThan(5);
  });

  it("ends an open events stream once its session ends", async () => {
    const board = "http://127.0.0.1:9/";
    await createSource(t, "Stream-Session", board);
    const jobId = await createPendingSyncJob(t, "Stream-Session");
    const token = await tokenOf(ADMIN.email, ADMIN.password);
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const response = await fetch(`${address}${apiPath(API_PATHS.syncJobEvents, { job_id: jobId })}`, {
      headers: as(token),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const first = await reader.read();
    text += decoder.decode(first.value);
    await t.app.inject({ method: "POST", url: API_PATHS.logout, headers: as(token) });
    const startedAt = Date.now();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain("event: unauthorized");
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});
