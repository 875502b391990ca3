import { API_PATHS } from "@jobsync/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PREFIX } from "../../src/http/auth-hook";
import { bearer, createTestApp, type TestApp } from "../support/test-app";

/**
 * Walks every route the server registered, so a new admin route cannot slip through: anonymous → 401, viewer → 403
 * on every /api/v1/admin route; anonymous → 401 on every "user" route.
 */
describe("route access matrix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  const sample = (url: string) =>
    url
      .replace(":site_name", "TopCV")
      .replace(":job_id", "00000000-0000-4000-8000-000000000000")
      .replace(":id", "1")
      .replace("*", "x");

  it("has admin routes at all (the guide's endpoints): every change is admin-only, reads are for viewers too", () => {
    const admin = t.app.registeredRoutes.filter((r) => r.url.startsWith(ADMIN_PREFIX));
    expect(admin.length).toBeGreaterThanOrEqual(5);
    const writes = admin.filter((r) => !["GET", "HEAD"].includes(r.method));
    expect(writes.length).toBeGreaterThanOrEqual(10);
    expect(writes.filter((r) => r.access !== "admin")).toEqual([]);
    const adminReads = admin.filter((r) => r.method === "GET" && r.access === "admin").map((r) => r.url);
    expect(adminReads.sort()).toEqual([API_PATHS.audit, API_PATHS.users].sort());
  });

  it.each([
    ["GET", API_PATHS.users, "admin"],
    ["POST", API_PATHS.users, "admin"],
    ["PATCH", API_PATHS.user, "admin"],
    ["POST", API_PATHS.resetUserPassword, "admin"],
    ["GET", API_PATHS.audit, "admin"],
    ["POST", API_PATHS.changePassword, "user"],
    ["POST", API_PATHS.logout, "user"],
  ])("registers %s %s for the %s role", (method, url, access) => {
    expect(t.app.registeredRoutes).toContainEqual({ method, url, access });
  });

  it("registers every API route from the one list of paths in the contracts", () => {
    const paths = new Set<string>(Object.values(API_PATHS));
    const api = t.app.registeredRoutes.filter((r) => r.url.startsWith("/api/v1/"));
    expect(api.filter((r) => !paths.has(r.url)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const registered = new Set(api.map((r) => r.url));
    expect([...paths].filter((p) => !registered.has(p))).toEqual([]);
  });

  it("answers 401 to anonymous and 403 to a viewer on every admin route", async () => {
    const admin = t.app.registeredRoutes.filter((r) => r.access === "admin" && r.method !== "HEAD");
    for (const route of admin) {
      const url = sample(route.url);
      const method = route.method as "GET";
      const anonymous = await t.app.inject({ method, url });
      expect(anonymous.statusCode, `${route.method} ${route.url} anonymous`).toBe(401);
      expect(anonymous.json().error.code).toBe("unauthorized");
      const viewer = await t.app.inject({ method, url, headers: bearer(t.viewerToken) });
      expect(viewer.statusCode, `${route.method} ${route.url} viewer`).toBe(403);
      expect(viewer.json().error.code).toBe("forbidden");
    }
  });

  it("answers 401 to anonymous on every signed-in route outside admin", async () => {
    const user = t.app.registeredRoutes.filter((r) => r.access === "user");
    expect(user.length).toBeGreaterThan(0);
    for (const route of user) {
      const res = await t.app.inject({ method: route.method as "GET", url: sample(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
