import { Writable } from "node:stream";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServices, stopServices } from "../../src/app/service-lifecycle";
import { DEFAULT_SERVICE_OPTIONS } from "../../src/app/service-options";
import { createServices } from "../../src/app/services";
import { buildApp } from "../../src/http/app";
import { createLogger } from "../../src/http/logger";
import { startBoard, waitFinal } from "../support/sync-helpers";
import { openTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * A full login and sync cycle with the most verbose log level: no password (right or wrong), no token (access or
 * stream, in a header or in a query) and not the JWT secret appear anywhere in the log output.
 */
const JWT_SECRET = "jwt-secret-Zq81vB0x-never-in-logs-0123456789";
const ADMIN = { email: "secret-admin@example.com", password: "Adm1n-Pa55word-never-logged" };
const WRONG = "Wr0ng-Pa55word-never-logged";

describe("secrets never reach the log", () => {
  let db: TestDatabase;
  let board: FixtureBoard;
  const logs: string[] = [];
  let services: ReturnType<typeof createServices>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    board = await startBoard({ seed: 3, pagesPerKeyword: 1, cardsPerPage: 5, pageWeightBytes: 0 });
    db = await openTestDatabase("pglite");
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    services = createServices(
      db.database,
      {
        ...DEFAULT_SERVICE_OPTIONS,
        jwtSecret: JWT_SECRET,
        jwtExpiresSecs: 3600,
        loginMaxAttempts: 5,
        loginWindowSecs: 900,
        allowPrivateHosts: true,
      },
      createLogger("trace", stream),
    );
    await startServices(services, true);
    app = await buildApp(services, { webDistDir: "/nonexistent" });
    await services.auth.createUser(ADMIN.email, ADMIN.password, "admin");
  });
  afterAll(async () => {
    await app.close();
    await stopServices(services);
    await db.close();
    await board.close();
  });

  it("scans every log line of login, a sync, the event stream and failures", async () => {
    const secrets: string[] = [JWT_SECRET, ADMIN.password, WRONG];
    // failed logins, a good one, a refresh of identity, a stream token
    for (let i = 0; i < 2; i++) {
      await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ADMIN.email, password: WRONG } });
    }
    const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: ADMIN });
    expect(login.statusCode).toBe(200);
    const token = login.json().access_token as string;
    secrets.push(token, token.split(".")[2]!);
    const auth = { authorization: `Bearer ${token}` };
    const stream = (await app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: auth })).json()
      .token as string;
    secrets.push(stream, stream.split(".")[2]!);

    // a sync job, followed over the event stream with the stream token in the query, and read back
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: auth,
      payload: {
        site_name: "Secretive",
        kind: "topcv",
        base_url: board.url,
        config: { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 0, fetcher: "http", timeout: 5 },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const started = await app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources/Secretive/sync",
      headers: auth,
      payload: {},
    });
    const jobId = started.json().job_id as string;
    const t = { app, adminToken: token } as Parameters<typeof waitFinal>[0];
    expect((await waitFinal(t, jobId)).status).toBe("completed");
    const events = await app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/events?token=${stream}`,
    });
    expect(events.statusCode).toBe(200);
    // refused requests carrying secrets: a bad token, a password in a query, a token in a wrong place
    await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}x` } });
    await app.inject({
      method: "GET",
      url: `/api/v1/jobs?password=${encodeURIComponent(WRONG)}&access_token=${token}`,
    });
    await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: `{"password": "${WRONG}"` });
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: ADMIN.email, password: WRONG, extra: token }),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const all = logs.join("");
    expect(logs.length).toBeGreaterThan(10);
    expect(all).toContain(jobId); // the log does describe the sync job
    for (const secret of secrets) {
      const line = logs.find((l) => l.includes(secret));
      expect(line, `secret ${secret.slice(0, 6)}… in the log`).toBeUndefined();
    }
    // no password hash either
    expect(all).not.toMatch(/\$argon2|\$2[aby]\$|scrypt\$/);
    console.info(`secrets scan: ${logs.length} log lines, ${all.length} bytes, ${secrets.length} secrets, 0 found`);
  });
});
