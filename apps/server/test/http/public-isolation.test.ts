import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopServices } from "../../src/app/service-lifecycle";
import { DEFAULT_SERVICE_OPTIONS } from "../../src/app/service-options";
import { createServices } from "../../src/app/services";
import { openPostgres } from "../../src/db/postgres";
import { queryRows } from "../../src/db/query-rows";
import { buildApp } from "../../src/http/app";
import { createLogger } from "../../src/http/logger";
import { createBulkSource, insertPostings } from "../support/posting-rows";
import { ADMIN, bearer, createTestApp, TEST_JWT_SECRET, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("public API limits on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { publicLimits: { searchPerMinute: 3, exportPerHour: 1, publicExport: true } });
    await insertPostings(t, await createBulkSource(t, "Limits"), [{ title: "Kế toán tổng hợp" }]);
  });
  afterAll(() => t.close());

  const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, remoteAddress, headers });

  it("answers 429 with Retry-After past the per-IP limit of the search, other IPs unaffected", async () => {
    for (let i = 0; i < 3; i++) expect((await get("/api/v1/jobs?q=ke%20toan", "10.3.0.1")).statusCode).toBe(200);
    const limited = await get("/api/v1/jobs", "10.3.0.1");
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(limited.json().error).toMatchObject({ code: "rate_limited" });
    expect(limited.json().error.message).toMatch(/too many requests; try again in \d+ s/);
    expect((await get("/api/v1/jobs", "10.3.0.2")).statusCode).toBe(200);
    // one posting is not a search: it is not counted
    const id = (await get("/api/v1/jobs", "10.3.0.3")).json().items[0].id;
    expect((await get(`/api/v1/jobs/${id}`, "10.3.0.1")).statusCode).toBe(200);
  });

  it("limits the export per IP separately from the search", async () => {
    expect((await get("/api/v1/jobs/export", "10.4.0.1")).statusCode).toBe(200);
    const limited = await get("/api/v1/jobs/export", "10.4.0.1");
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(60);
    expect((await get("/api/v1/jobs", "10.4.0.1")).statusCode).toBe(200);
  });
});

describe.each(databaseKinds())("PUBLIC_EXPORT=0 on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { publicLimits: { searchPerMinute: 100, exportPerHour: 100, publicExport: false } });
  });
  afterAll(() => t.close());

  it("exports only for a user: Bearer or a stream token; anonymous 401", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/jobs/export" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("unauthorized");
    const viewer = await t.app.inject({ method: "GET", url: "/api/v1/jobs/export", headers: bearer(t.viewerToken) });
    expect(viewer.statusCode).toBe(200);
    const stream = (
      await t.app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: bearer(t.viewerToken) })
    ).json().token as string;
    expect((await t.app.inject({ method: "GET", url: `/api/v1/jobs/export?token=${stream}` })).statusCode).toBe(200);
    // the search itself stays public
    expect((await t.app.inject({ method: "GET", url: "/api/v1/jobs" })).statusCode).toBe(200);
  });
});

describe.runIf(databaseKinds().includes("postgres"))("public read lane on postgres", () => {
  let t: TestApp;
  let locker: pg.Client;
  beforeAll(async () => {
    t = await createTestApp("postgres", {
      publicReads: { size: 2, statementTimeoutMillis: 1500, queueTimeoutMillis: 1500 },
    });
    await insertPostings(t, await createBulkSource(t, "Lane"), [{ title: "Kế toán tổng hợp" }]);
    locker = new pg.Client({ connectionString: t.db.url ?? "" });
    await locker.connect();
  });
  afterAll(async () => {
    await locker.end();
    await t.close();
  });

  /** Hold a lock every read of job_postings waits for: the public query then runs "for ever". */
  const holdPostings = async () => {
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE job_postings IN ACCESS EXCLUSIVE MODE");
  };
  const release = () => locker.query("ROLLBACK");
  // read on the admin's pool: the locker's open transaction would see one frozen snapshot of pg_stat_activity
  const publicQueries = async () =>
    (
      await queryRows<{ n: number }>(
        t.db.database.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'jobsync-public' AND state = 'active' AND datname = current_database()`,
      )
    )[0]!.n;

  it("stops a public read at the statement timeout with 503, while the admin's reads go on", async () => {
    await holdPostings();
    try {
      const started = Date.now();
      const res = await t.app.inject({ method: "GET", url: "/api/v1/jobs?q=ke%20toan" });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().error.code).toBe("service_unavailable");
      expect(res.json().error.message).toContain("took too long");
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await t.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
      expect(await publicQueries()).toBe(0);
    } finally {
      await release();
    }
  });

  it("cancels the query when the client disconnects: it is gone from pg_stat_activity", async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await holdPostings();
    try {
      const client = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}/api/v1/jobs?q=lap%20trinh`, { signal: client.signal }).catch(
        (error: Error) => error,
      );
      for (let i = 0; i < 50 && (await publicQueries()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await publicQueries()).toBe(1);
      client.abort();
      expect(await request).toBeInstanceOf(Error);
      const left = Date.now();
      while ((await publicQueries()) > 0 && Date.now() - left < 1000) await new Promise((r) => setTimeout(r, 20));
      // gone well before the 1.5 s statement timeout would have ended it
      expect(await publicQueries()).toBe(0);
      expect(Date.now() - left).toBeLessThan(1000);
    } finally {
      await release();
    }
  });
});

describe.runIf(databaseKinds().includes("postgres"))("login rate limit across API processes on postgres", () => {
  let t: TestApp;
  let second: { app: Awaited<ReturnType<typeof buildApp>>; close(): Promise<void> };
  beforeAll(async () => {
    t = await createTestApp("postgres");
    // a second API process: its own services and pool over the same database
    const database = await openPostgres(t.db.url ?? "", 3);
    const services = createServices(
      database,
      {
        ...DEFAULT_SERVICE_OPTIONS,
        jwtSecret: TEST_JWT_SECRET,
        jwtExpiresSecs: 3600,
        loginMaxAttempts: 5,
        loginWindowSecs: 900,
        allowPrivateHosts: true,
        allowPrivateWebhooks: true,
      },
      createLogger("silent"),
    );
    const app = await buildApp(services, { webDistDir: "/nonexistent" });
    second = {
      app,
      async close() {
        await app.close();
        await stopServices(services);
        await database.close();
      },
    };
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it("counts failures made on either process, and a success on either clears them", async () => {
    const attempt = (app: typeof second.app, password: string, remoteAddress = "10.7.0.1") =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: ADMIN.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 3; i++) expect((await attempt(t.app, "wrong-password")).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await attempt(second.app, "wrong-password")).statusCode).toBe(401);
    const limited = await attempt(second.app, ADMIN.password);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800);
    expect((await attempt(t.app, ADMIN.password)).statusCode).toBe(429);
    // another IP logs in on either; its success clears only its own counter
    expect((await attempt(t.app, "wrong-password", "10.7.0.2")).statusCode).toBe(401);
    expect((await attempt(second.app, ADMIN.password, "10.7.0.2")).statusCode).toBe(200);
    const rows = await t.db.database.db.execute(sql`SELECT key FROM rate_limit_counters WHERE key LIKE 'login|%'`);
    expect((rows as unknown as { rows: Array<{ key: string }> }).rows.map((r) => r.key)).toEqual([
      `login|10.7.0.1|${ADMIN.email}`,
    ]);
  });
});
