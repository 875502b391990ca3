import { API_PATHS } from "@jobsync/contracts";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PREFIX } from "../../src/http/auth-hook";
import { ADMIN, bearer, createTestApp, TEST_JWT_SECRET, type TestApp, VIEWER } from "../support/test-app";

/**
 * Every registered route × every kind of caller. Only a valid admin access token passes an admin route; only a valid
 * access token (admin or viewer) passes a signed-in route; forged, expired, unsigned and stream tokens never pass.
 */
const key = (secret: string) => new TextEncoder().encode(secret);
const FOREIGN_SECRET = "another-secret-another-secret-another-secret";
const UNKNOWN_JOB = "00000000-0000-4000-8000-000000000000";

type Caller = "anonymous" | "viewer" | "admin" | "expired" | "foreign" | "alg_none" | "tampered" | "stream" | "garbage";

describe("auth matrix: route × caller", () => {
  let t: TestApp;
  const headers: Record<Caller, Record<string, string>> = {} as never;

  beforeAll(async () => {
    t = await createTestApp("pglite", { loginMaxAttempts: 3 });
    const admin = (await t.services.users.findByEmail(ADMIN.email))!;
    const viewer = (await t.services.users.findByEmail(VIEWER.email))!;
    const signed = (sub: string, email: string, role: string, secret: string) =>
      new SignJWT({ email, role, use: "access" })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(sub)
        .setIssuer("jobsync")
        .setAudience("jobsync-api")
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) + (secret === "expired" ? -3600 : 3600))
        .sign(key(secret === "expired" ? TEST_JWT_SECRET : secret));
    const expired = await signed(admin.id, ADMIN.email, "admin", "expired");
    const foreign = await signed(admin.id, ADMIN.email, "admin", FOREIGN_SECRET);
    const none = [
      Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url"),
      Buffer.from(
        JSON.stringify({
          sub: admin.id,
          email: ADMIN.email,
          role: "admin",
          use: "access",
          iss: "jobsync",
          aud: "jobsync-api",
          exp: Math.floor(Date.now() / 1000) + 3600,
        }),
      ).toString("base64url"),
      "",
    ].join(".");
    // the viewer's real token with the role in the payload changed to admin (signature kept)
    const [h, p, s] = t.viewerToken.split(".");
    const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: "admin", sub: admin.id })).toString("base64url")}.${s}`;
    const stream = (
      await t.app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: bearer(t.adminToken) })
    ).json().token as string;
    expect(viewer.role).toBe("viewer");
    Object.assign(headers, {
      anonymous: {},
      viewer: bearer(t.viewerToken),
      admin: bearer(t.adminToken),
      expired: bearer(expired),
      foreign: bearer(foreign),
      alg_none: bearer(none),
      tampered: bearer(tampered),
      stream: bearer(stream),
      garbage: { authorization: "Bearer not.a.jwt" },
    });
  });
  afterAll(() => t.close());

  const sample = (url: string) =>
    url
      .replace(":site_name", "No-Such-Source")
      .replace(":job_id", UNKNOWN_JOB)
      .replace(":id", UNKNOWN_JOB)
      .replace("*", "x");

  const loginToken = async (who: typeof ADMIN) =>
    (await t.app.inject({ method: "POST", url: API_PATHS.login, payload: who })).json().access_token as string;

  const routes = () =>
    t.app.registeredRoutes.filter((r) => r.method !== "HEAD" && r.method !== "OPTIONS" && !r.url.includes("*"));

  it("walks every route: the matrix holds for each caller", async () => {
    const forged: Caller[] = ["anonymous", "expired", "foreign", "alg_none", "tampered", "stream", "garbage"];
    let cells = 0;
    for (const route of routes()) {
      const url = sample(route.url);
      const method = route.method as "GET";
      const payload = method === "GET" || method === "DELETE" ? undefined : {};
      // logout ends the session it is called with: it gets sessions of its own, not the ones the walk goes on with
      const ownSession = route.url === API_PATHS.logout;
      for (const caller of [...forged, "viewer", "admin"] as Caller[]) {
        const sent =
          ownSession && (caller === "viewer" || caller === "admin")
            ? bearer(await loginToken(caller === "admin" ? ADMIN : VIEWER))
            : headers[caller];
        // stream tokens are accepted as ?token= on the events stream only, never as a bearer token
        const res = await t.app.inject({ method, url, headers: sent, ...(payload ? { payload } : {}) });
        cells++;
        const where = `${route.method} ${route.url} as ${caller}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        expect(res.headers["x-content-type-options"], `${where}: security headers`).toBe("nosniff");
        expect(res.headers["access-control-allow-origin"], `${where}: CORS closed`).toBeUndefined();
        if (route.access === "public") {
          expect([401, 403], where).not.toContain(res.statusCode);
          continue;
        }
        if (forged.includes(caller)) {
          expect(res.statusCode, where).toBe(401);
          expect(res.json().error.code, where).toBe("unauthorized");
          expect(res.json().error.message, where).toBeTruthy();
        } else if (caller === "viewer" && route.access === "admin") {
          expect(res.statusCode, where).toBe(403);
          expect(res.json().error.code, where).toBe("forbidden");
        } else {
          expect([401, 403], where).not.toContain(res.statusCode);
        }
      }
    }
    const adminRoutes = routes().filter((r) => r.url.startsWith(ADMIN_PREFIX));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(8);
    expect(cells).toBeGreaterThanOrEqual(routes().length * 9);
  });

  it("the events stream takes a stream token as ?token= but no forged or access token there", async () => {
    const url = `/api/v1/admin/data-sources/sync/jobs/${UNKNOWN_JOB}/events`;
    const streamToken = headers.stream.authorization!.slice("Bearer ".length);
    const ok = await t.app.inject({ method: "GET", url: `${url}?token=${streamToken}` });
    expect(ok.statusCode).toBe(404);
    for (const caller of ["expired", "foreign", "alg_none", "tampered", "garbage"] as Caller[]) {
      const token = headers[caller].authorization!.slice("Bearer ".length);
      const res = await t.app.inject({ method: "GET", url: `${url}?token=${encodeURIComponent(token)}` });
      expect(res.statusCode, caller).toBe(401);
    }
    // a viewer reads every page, so a viewer's stream token opens the stream too
    const viewerStream = (
      await t.app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: headers.viewer })
    ).json().token as string;
    expect((await t.app.inject({ method: "GET", url: `${url}?token=${viewerStream}` })).statusCode).toBe(404);
  });

  it("holds the login rate limit: further attempts are 429 even with the right password", async () => {
    const attempt = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: VIEWER.email, password },
        remoteAddress: "10.9.9.9",
      });
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-${i}-password`)).statusCode).toBe(401);
    for (let i = 0; i < 5; i++) {
      const res = await attempt(i % 2 ? VIEWER.password : "still-wrong-password");
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }
  });
});
