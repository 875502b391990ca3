import { API_PATHS, apiPath } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveSessions } from "../../src/auth/live-sessions";
import { SessionRepository } from "../../src/auth/session.repository";
import type { SessionChange } from "../../src/auth/session-changes";
import { openPostgres } from "../../src/db/postgres";
import { terminateListeners } from "../support/postgres-admin";
import { createPendingSyncJob, createSource, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, startTestInstance, type TestApp, type TestInstance } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const PASSWORD = "session-cache-password-1";

/** Sign in as a new user of that role through `app`; its token and id. */
async function newUser(t: TestApp, email: string, role: "admin" | "viewer") {
  const user = await t.services.auth.createUser(email, PASSWORD, role);
  const res = await t.app.inject({ method: "POST", url: API_PATHS.login, payload: { email, password: PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return { id: user.id, token: res.json().access_token as string };
}

const me = (app: TestInstance["app"], token: string) =>
  app.inject({ method: "GET", url: API_PATHS.me, headers: bearer(token) });
const users = (app: TestInstance["app"], token: string) =>
  app.inject({ method: "GET", url: API_PATHS.users, headers: bearer(token) });

describe.each(databaseKinds())("sessions held in memory on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { loginMaxAttempts: 50 });
  });
  afterAll(() => t.close());

  it("reads a session once for 100 requests, not once per request", async () => {
    let reads = 0;
    const sessions = new SessionRepository(t.db.database.db);
    const live = new LiveSessions(async (id) => {
      reads += 1;
      return sessions.live(id);
    }, t.services.sessionChanges);
    const { id, token } = await newUser(t, "reads@example.com", "viewer");
    const sid = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sid as string;
    const together = await Promise.all(Array.from({ length: 50 }, () => live.get(sid)));
    for (let i = 0; i < 50; i++) expect((await live.get(sid))?.id).toBe(id);
    expect(new Set(together.map((user) => user?.id))).toEqual(new Set([id]));
    expect(reads).toBe(1);
    // an ended session is forgotten and read again: refused
    await t.app.inject({ method: "POST", url: API_PATHS.logout, headers: bearer(token) });
    await waitFor(async () => (live.size === 0 ? true : null), 5_000);
    expect(await live.get(sid)).toBeNull();
    expect(reads).toBe(2);
  });

  it("answers 100 authenticated polls of a sync job without reading user_sessions", async () => {
    await createSource(t, "Polled", "http://127.0.0.1:9/", { search_keywords: ["x"], max_pages: 1 });
    const jobId = await createPendingSyncJob(t, "Polled");
    const { token } = await newUser(t, "poller@example.com", "viewer");
    const poll = () =>
      t.app.inject({ method: "GET", url: apiPath(API_PATHS.syncJob, { job_id: jobId }), headers: bearer(token) });
    expect((await poll()).statusCode).toBe(200);
    // with the table out of the way, any session query fails the request
    await t.db.database.db.execute(sql`ALTER TABLE user_sessions RENAME TO user_sessions_away`);
    try {
      const codes = await Promise.all(Array.from({ length: 100 }, poll).map(async (r) => (await r).statusCode));
      expect(codes).toEqual(Array(100).fill(200));
    } finally {
      await t.db.database.db.execute(sql`ALTER TABLE user_sessions_away RENAME TO user_sessions`);
    }
    // and the table is really read when a session is not held: a new sign-in is checked against it
    const other = await newUser(t, "poller-2@example.com", "viewer");
    await t.db.database.db.execute(sql`ALTER TABLE user_sessions RENAME TO user_sessions_away`);
    try {
      expect((await me(t.app, other.token)).statusCode).toBe(500);
    } finally {
      await t.db.database.db.execute(sql`ALTER TABLE user_sessions_away RENAME TO user_sessions`);
    }
  });

  it("refuses a held session on the very next request after a logout or a deactivation made here", async () => {
    const admin = await newUser(t, "here-admin@example.com", "admin");
    const viewer = await newUser(t, "here-viewer@example.com", "viewer");
    expect((await me(t.app, viewer.token)).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: "POST", url: API_PATHS.logout, headers: bearer(viewer.token) })).statusCode,
    ).toBe(204);
    expect((await me(t.app, viewer.token)).statusCode).toBe(401);

    const again = await t.app.inject({
      method: "POST",
      url: API_PATHS.login,
      payload: { email: "here-viewer@example.com", password: PASSWORD },
    });
    const token = again.json().access_token as string;
    expect((await me(t.app, token)).statusCode).toBe(200);
    const patched = await t.app.inject({
      method: "PATCH",
      url: apiPath(API_PATHS.user, { id: viewer.id }),
      headers: bearer(admin.token),
      payload: { active: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await me(t.app, token)).statusCode).toBe(401);
  });

  it("sees a role changed straight in the database (no session ended) on the next request", async () => {
    const { id, token } = await newUser(t, "demoted@example.com", "admin");
    expect((await users(t.app, token)).statusCode).toBe(200);
    await t.db.database.db.execute(sql`UPDATE users SET role = 'viewer' WHERE id = ${id}`);
    if (kind === "postgres")
      await waitFor(async () => ((await users(t.app, token)).statusCode === 403 ? true : null), 5_000);
    expect((await users(t.app, token)).statusCode).toBe(403);
    expect((await me(t.app, token)).json().role).toBe("viewer");
  });
});

describe.runIf(databaseKinds().includes("postgres"))("sessions held by another API process (PostgreSQL)", () => {
  let t: TestApp;
  let other: TestInstance;
  let otherDatabase: Awaited<ReturnType<typeof openPostgres>>;
  beforeAll(async () => {
    t = await createTestApp("postgres", { loginMaxAttempts: 50 });
    // "another process": its own connection pool, LISTEN connection, services and app over the same database
    otherDatabase = await openPostgres(t.db.url ?? "", 3);
    other = await startTestInstance(otherDatabase);
  });
  afterAll(async () => {
    await other?.close();
    await otherDatabase?.close();
    await t?.close();
  });

  const sidOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sid as string;
  /** Resolves once the other process hears (by NOTIFY) a change matching `match`. */
  const heard = (match: (change: SessionChange) => boolean) =>
    new Promise<void>((resolve) => {
      const off = other.services.sessionChanges.on((change) => {
        if (!match(change)) return;
        off();
        resolve();
      });
    });
  const ofSession = (token: string) => (change: SessionChange) =>
    change.kind === "session" && change.id === sidOf(token);
  const ofUser = (id: string) => (change: SessionChange) => change.kind === "user" && change.id === id;

  it("refuses a session it holds once a logout made here reaches it", async () => {
    const viewer = await newUser(t, "logout@example.com", "viewer");
    expect((await me(other.app, viewer.token)).statusCode).toBe(200);
    expect((await me(other.app, viewer.token)).statusCode).toBe(200);
    const notified = heard(ofSession(viewer.token));
    expect(
      (await t.app.inject({ method: "POST", url: API_PATHS.logout, headers: bearer(viewer.token) })).statusCode,
    ).toBe(204);
    await notified;
    expect((await me(other.app, viewer.token)).statusCode).toBe(401);
  });

  it("refuses a session it holds once its user is deactivated, or its role or password changes, here", async () => {
    const patch = (id: string, payload: object) =>
      t.app.inject({ method: "PATCH", url: apiPath(API_PATHS.user, { id }), headers: bearer(t.adminToken), payload });

    const disabled = await newUser(t, "disabled@example.com", "viewer");
    expect((await me(other.app, disabled.token)).statusCode).toBe(200);
    let notified = heard(ofUser(disabled.id));
    expect((await patch(disabled.id, { active: false })).statusCode).toBe(200);
    await notified;
    expect((await me(other.app, disabled.token)).statusCode).toBe(401);

    const promoted = await newUser(t, "promoted@example.com", "viewer");
    expect((await users(other.app, promoted.token)).statusCode).toBe(403);
    notified = heard(ofUser(promoted.id));
    expect((await patch(promoted.id, { role: "admin" })).statusCode).toBe(200);
    await notified;
    expect((await users(other.app, promoted.token)).statusCode).toBe(401);

    const reset = await newUser(t, "reset@example.com", "viewer");
    expect((await me(other.app, reset.token)).statusCode).toBe(200);
    notified = heard(ofSession(reset.token));
    const res = await t.app.inject({
      method: "POST",
      url: apiPath(API_PATHS.resetUserPassword, { id: reset.id }),
      headers: bearer(t.adminToken),
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    await notified;
    expect((await me(other.app, reset.token)).statusCode).toBe(401);

    // a role changed with no session ended (straight in the database) still reaches the held session
    const demoted = await newUser(t, "demoted-elsewhere@example.com", "admin");
    expect((await users(other.app, demoted.token)).statusCode).toBe(200);
    notified = heard(ofUser(demoted.id));
    await t.db.database.db.execute(sql`UPDATE users SET role = 'viewer' WHERE id = ${demoted.id}`);
    await notified;
    expect((await users(other.app, demoted.token)).statusCode).toBe(403);
  });

  it("holds nothing while its LISTEN connection is down, and holds sessions again once it is back", async () => {
    const held = await newUser(t, "held@example.com", "viewer");
    const live = await newUser(t, "live@example.com", "viewer");
    expect((await me(other.app, held.token)).statusCode).toBe(200);
    expect(other.services.liveSessions.size).toBeGreaterThan(0);

    expect(await terminateListeners(t.db.url ?? "")).toBe(2); // this process's and the other's
    await waitFor(async () => (other.services.sessionChanges.complete ? null : true), 5_000);
    // what was held is gone, and nothing read now is kept
    expect((await me(other.app, live.token)).statusCode).toBe(200);
    expect(other.services.sessionChanges.complete).toBe(false);
    expect(other.services.liveSessions.size).toBe(0);
    // a session ended meanwhile (its NOTIFY reaches nobody) is refused: it is read
    await t.db.database.db.execute(sql`UPDATE user_sessions SET ended_at = now() WHERE id = ${sidOf(held.token)}`);
    expect((await me(other.app, held.token)).statusCode).toBe(401);

    // it reconnects by itself, and holds sessions again
    await waitFor(async () => (other.services.sessionChanges.complete ? true : null), 10_000);
    expect((await me(other.app, live.token)).statusCode).toBe(200);
    expect(other.services.liveSessions.size).toBe(1);
    const notified = heard(ofSession(live.token));
    await t.db.database.db.execute(sql`UPDATE user_sessions SET ended_at = now() WHERE id = ${sidOf(live.token)}`);
    await notified;
    expect((await me(other.app, live.token)).statusCode).toBe(401);
  });
});
