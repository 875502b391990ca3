import { API_PATHS } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { hostileQuery, hostileSegment, hostileString, hostileValue, mutatedBody } from "./hostile-values";

/**
 * Property-based: every API body, query and path parameter fed hostile values answers a 4xx with a message (or a
 * 2xx when the value happens to be valid), never a 5xx, and a refused request writes nothing.
 */
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 120);
const ADMIN_API = "/api/v1/admin/data-sources";
const VALID_SOURCE = {
  site_name: "Fresh",
  kind: "topcv",
  base_url: "http://127.0.0.1:9",
  is_active: false,
  config: { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 0, max_jobs: 10, fetcher: "http", timeout: 5 },
};

describe("hostile input never yields a 5xx or a partial write", () => {
  let t: TestApp;
  let requests = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await createTestApp("pglite", { loginMaxAttempts: 1_000_000 });
    const created = await send("POST", ADMIN_API, { ...VALID_SOURCE, site_name: "Parked" });
    expect(created.statusCode, `${created.body} ${t.logs.filter((l) => l.includes('"level":50')).join("\n")}`).toBe(
      201,
    );
  });
  afterAll(async () => {
    await t.close();
    // what was sent, for RELIABILITY.md
    console.info(`hostile input: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });

  /** Logout ends the admin's session whatever its body says: the requests after it would all be 401. */
  const endsSession = (route: { url: string }) => route.url === API_PATHS.logout;

  async function send(
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const raw = typeof payload === "string" && headers["content-type"] !== undefined;
    const json = payload !== undefined && !raw ? { "content-type": "application/json" } : {};
    const res = await t.app.inject({
      method: method as "GET",
      url,
      headers: { ...bearer(t.adminToken), ...json, ...headers },
      ...(payload === undefined ? {} : { payload: raw ? (payload as string) : JSON.stringify(payload) }),
    });
    requests++;
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    return res;
  }

  /** Everything a request could write. */
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        queryRows(
          t.db.database.db,
          sql`SELECT site_name, base_url, is_active, config, updated_at FROM data_sources ORDER BY id`,
        ),
        queryRows(t.db.database.db, sql`SELECT id, status, version FROM sync_jobs ORDER BY id`),
        queryRows(t.db.database.db, sql`SELECT count(*)::int AS n FROM job_postings`),
        queryRows(t.db.database.db, sql`SELECT email, role, password_hash FROM users ORDER BY id`),
      ]),
    );

  /** 4xx carries a message and changed nothing; 2xx is fine; 5xx fails the property. */
  async function checked(what: string, request: () => Promise<LightMyRequestResponse>) {
    const before = await snapshot();
    const res = await request();
    const where = `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, where).toBeLessThan(500);
    expect(res.statusCode, where).toBeGreaterThanOrEqual(200);
    // security headers on every answer, refusals included; CORS stays closed
    expect(res.headers["x-content-type-options"], `${where}: headers`).toBe("nosniff");
    expect(res.headers["access-control-allow-origin"], where).toBeUndefined();
    if (res.statusCode >= 400) {
      const message = res.json().error?.message;
      expect(typeof message === "string" && message.length > 0, where).toBe(true);
      expect(await snapshot(), `${where}: partial write`).toBe(before);
    }
    return res;
  }

  it("POST data-sources: mutated bodies", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody(VALID_SOURCE), fc.nat(1_000_000), async (body, n) => {
        const named = body && typeof body === "object" && !Array.isArray(body) ? { ...body } : body;
        if (named && typeof named === "object" && (named as { site_name?: unknown }).site_name === "Fresh") {
          (named as { site_name: string }).site_name = `Fresh-${n}`; // a valid body creates a new source each time
        }
        await checked(`POST ${JSON.stringify(named).slice(0, 200)}`, () => send("POST", ADMIN_API, named));
      }),
      { numRuns: RUNS },
    );
  });

  it("POST data-sources: mutated config", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody(VALID_SOURCE.config), fc.nat(1_000_000), async (config, n) => {
        const body = { ...VALID_SOURCE, site_name: `Cfg-${n}`, config };
        await checked(`POST config ${JSON.stringify(config).slice(0, 200)}`, () => send("POST", ADMIN_API, body));
      }),
      { numRuns: RUNS },
    );
  });

  it("PATCH data-sources/{site_name}: mutated bodies and hostile names", async () => {
    const valid = { base_url: "http://127.0.0.1:9", is_active: false, config: { max_pages: 2 }, replace_config: false };
    await fc.assert(
      fc.asyncProperty(mutatedBody(valid), fc.option(hostileSegment, { nil: undefined }), async (body, segment) => {
        const url = `${ADMIN_API}/${segment ?? "Parked"}`;
        await checked(`PATCH ${url} ${JSON.stringify(body).slice(0, 200)}`, () => send("PATCH", url, body));
      }),
      { numRuns: RUNS },
    );
  });

  it("GET and DELETE data-sources/{site_name} and POST .../sync with hostile names and bodies", async () => {
    await fc.assert(
      fc.asyncProperty(hostileSegment, mutatedBody({ max_jobs: 10 }), async (segment, body) => {
        await checked(`GET ${segment}`, () => send("GET", `${ADMIN_API}/${segment}`));
        await checked(`DELETE ${segment}`, () => send("DELETE", `${ADMIN_API}/${segment}`));
        await checked(`POST ${segment}/sync`, () => send("POST", `${ADMIN_API}/${segment}/sync`, body));
        // the inactive source: body validated first (400) or 409, never a sync job
        const parked = await checked(`POST Parked/sync ${JSON.stringify(body)}`, () =>
          send("POST", `${ADMIN_API}/Parked/sync`, body),
        );
        expect([400, 409]).toContain(parked.statusCode);
      }),
      { numRuns: RUNS },
    );
  });

  it("sync job list, progress and cancel with hostile queries and ids", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileQuery(["status", "site_name", "limit", "cursor"]),
        hostileSegment,
        async (query, segment) => {
          await checked(`GET jobs?${query}`, () => send("GET", `${ADMIN_API}/sync/jobs?${query}`));
          await checked(`GET jobs/${segment}`, () => send("GET", `${ADMIN_API}/sync/jobs/${segment}`));
          await checked(`POST jobs/${segment}/cancel`, () => send("POST", `${ADMIN_API}/sync/jobs/${segment}/cancel`));
          await checked(`GET jobs/${segment}/events`, () => send("GET", `${ADMIN_API}/sync/jobs/${segment}/events`));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("job search and posting detail with hostile queries and ids", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileQuery(["q", "location", "source", "salary_min", "status", "page", "page_size"]),
        hostileSegment,
        async (query, segment) => {
          const search = await checked(`GET /jobs?${query}`, () => send("GET", `/api/v1/jobs?${query}`));
          if (search.statusCode === 200) expect(Array.isArray(search.json().items)).toBe(true);
          await checked(`GET /jobs/${segment}`, () => send("GET", `/api/v1/jobs/${segment}`));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("login with hostile bodies", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody({ email: "admin@example.com", password: "wrong-password-1" }), async (body) => {
        const res = await checked(`login ${JSON.stringify(body).slice(0, 200)}`, () =>
          send("POST", "/api/v1/auth/login", body),
        );
        expect(res.statusCode).not.toBe(200);
      }),
      { numRuns: RUNS },
    );
  });

  it("a NUL character anywhere is a 400 naming the field (found by the property: it was a 500)", async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ["GET", "/api/v1/jobs?source=%00", undefined, "source"],
      ["GET", "/api/v1/jobs?q=ke%00toan", undefined, "q"],
      ["GET", "/api/v1/jobs?location=H%C3%A0%00N%E1%BB%99i", undefined, "location"],
      ["POST", "/api/v1/auth/login", { email: "admin@example.com\u0000", password: "x" }, "email"],
      ["POST", ADMIN_API, { ...VALID_SOURCE, site_name: "Nul", config: { "max_\u0000pages": 1 } }, "config"],
      ["PATCH", `${ADMIN_API}/Parked`, { config: { search_keywords: ["a\u0000b"] } }, "config.search_keywords.0"],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await checked(`${method} ${url} NUL`, () => send(method, url, body));
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });

  it("fractional and tiny salary_min values search instead of failing (found by the property: 5e-324 was a 500)", async () => {
    for (const value of ["5e-324", "0.5", "1e-7", "9999999999.9", "1e10"]) {
      const res = await checked(`salary_min=${value}`, () => send("GET", `/api/v1/jobs?salary_min=${value}`));
      expect(res.statusCode, `${value}: ${res.body}`).toBe(200);
    }
  });

  it("every registered route with hostile path parameters, queries and bodies", async () => {
    const routes = t.app.registeredRoutes.filter((r) => !["HEAD", "OPTIONS"].includes(r.method) && !endsSession(r));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        hostileSegment,
        hostileQuery(["limit", "page", "status", "q", "cursor", "token"]),
        hostileValue,
        async (route, segment, query, body) => {
          const url = `${route.url.replace(/:[a-z_]+|\*/g, segment)}?${query}`;
          const payload = route.method === "GET" || route.method === "DELETE" ? undefined : body;
          await checked(`${route.method} ${url}`, () => send(route.method, url, payload));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("invalid JSON, wrong content types, 2 MB bodies and deep nesting on every body route", async () => {
    const bodyRoutes = t.app.registeredRoutes.filter(
      (r) => ["POST", "PATCH", "PUT"].includes(r.method) && !endsSession(r),
    );
    const bigJson = JSON.stringify({ ...VALID_SOURCE, site_name: "Big", pad: "x".repeat(2 * 1024 * 1024) });
    const deep = `${'{"config":'.repeat(20_000)}{}${"}".repeat(20_000)}`;
    const deepArray = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    const fixed: Array<[string, string]> = [
      [bigJson, "application/json"],
      ["x".repeat(2 * 1024 * 1024), "text/plain"],
      [deep, "application/json"],
      [deepArray, "application/json"],
      ['{"site_name": "a",', "application/json"],
      ["", "application/json"],
      ["\u0000\u0001\u0002", "application/json"],
      ['{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}', "application/json"],
      ["site_name=x", "application/x-www-form-urlencoded"],
      ["<xml/>", "application/xml"],
      ["{}", "application/json; charset=utf-16"],
      ["{}", "multipart/form-data; boundary=x"],
    ];
    for (const route of bodyRoutes) {
      const url = route.url.replace(/:[a-z_]+/g, route.url.includes("jobs/:job_id") ? "x" : "Parked");
      for (const [payload, contentType] of fixed) {
        await checked(`${route.method} ${url} ${contentType} ${payload.length} bytes`, () =>
          send(route.method, url, payload, { "content-type": contentType }),
        );
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyRoutes), hostileString, async (route, text) => {
        const url = route.url.replace(/:[a-z_]+/g, "Parked");
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const res = await checked(`${route.method} ${url} raw ${JSON.stringify(text).slice(0, 100)}`, () =>
          send(route.method, url, text, { "content-type": "application/json" }),
        );
        if (!valid && text.trim() !== "") expect(res.statusCode).toBe(400);
      }),
      { numRuns: RUNS },
    );
  });
});
