import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app";

describe("health and OpenAPI", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  it("answers /healthz and /readyz, and 503 when a migration is missing", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ url: "/readyz" })).json()).toMatchObject({ status: "ready", database: "pglite" });
    await t.db.database.db.execute(sql`DELETE FROM jobsync_migrations`);
    const down = await t.app.inject({ url: "/readyz" });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.message).toContain("migrations not applied");
  });

  it("documents the guide's endpoints from the zod schemas", async () => {
    const spec = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/admin/data-sources/{site_name}/sync",
      "/api/v1/admin/data-sources/sync/jobs",
      "/api/v1/admin/data-sources/sync/jobs/{job_id}",
      "/api/v1/admin/data-sources/sync/jobs/{job_id}/events",
      "/api/v1/admin/data-sources/sync/jobs/{job_id}/cancel",
      "/api/v1/auth/login",
      "/api/v1/jobs",
    ]) {
      expect(Object.keys(spec.paths), path).toContain(path);
    }
    const body = spec.paths["/api/v1/admin/data-sources/{site_name}/sync"].post.requestBody;
    expect(JSON.stringify(body)).toContain("max_jobs");
    expect((await t.app.inject({ url: "/api/docs" })).statusCode).toBeLessThan(400);
  });

  it("sets security headers and a request id on every response, and keeps CORS closed", async () => {
    const res = await t.app.inject({ url: "/healthz", headers: { origin: "https://evil.example" } });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-request-id"]).toBeTruthy();
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    const missing = await t.app.inject({ url: "/api/v1/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
  });
});
