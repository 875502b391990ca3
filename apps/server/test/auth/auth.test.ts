import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, createTestApp, TEST_JWT_SECRET, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const key = (secret: string) => new TextEncoder().encode(secret);
const claims = { email: ADMIN.email, role: "admin", use: "access" };

describe.each(databaseKinds())("auth on %s", (kind) => {
  let t: TestApp;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { loginMaxAttempts: 3 });
    adminId = (await t.services.users.findByEmail(ADMIN.email))!.id;
  });
  afterAll(() => t.close());

  const me = (token: string) => t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) });

  it("logs in and answers the guide's token shape", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: ADMIN });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    const who = await me(body.access_token);
    expect(who.json()).toMatchObject({ email: ADMIN.email, role: "admin" });
  });

  it("treats the e-mail case-insensitively", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it("refuses a wrong password and an unknown e-mail with the same message", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: ADMIN.email, password: "nope-nope" },
      remoteAddress: "10.0.0.9",
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "ghost@example.com", password: "nope-nope" },
      remoteAddress: "10.0.0.9",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it.each([
    [{}, "email"],
    [{ email: "not-an-email", password: "x" }, "email must be a valid e-mail address"],
    [{ email: ADMIN.email }, "password"],
    [{ email: ADMIN.email, password: 5 }, "password must be a string"],
    [{ email: ADMIN.email, password: "x", extra: 1 }, "extra"],
  ])("answers 400 naming the field for %j", async (payload, fragment) => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.message).toContain(fragment);
  });

  it("rate-limits failed logins per IP and e-mail with Retry-After", async () => {
    const attempt = (password: string, remoteAddress = "10.1.1.1") =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: ADMIN.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 3; i++) expect((await attempt("wrong-password")).statusCode).toBe(401);
    const limited = await attempt(ADMIN.password);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json().error.code).toBe("rate_limited");
    // another IP is not affected
    expect((await attempt(ADMIN.password, "10.1.1.2")).statusCode).toBe(200);
  });

  it("refuses missing, malformed, expired, foreign, unsigned and tampered tokens", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    const malformed = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { authorization: "Token x" },
    });
    expect(malformed.statusCode).toBe(401);

    // a token we sign ourselves names the admin's live session, as real ones do
    const sid = JSON.parse(Buffer.from(t.adminToken.split(".")[1]!, "base64url").toString()).sid as string;
    const base = () =>
      new SignJWT({ ...claims, sid })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(adminId)
        .setIssuer("jobsync")
        .setAudience("jobsync-api");
    const expired = await base()
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key(TEST_JWT_SECRET));
    expect((await me(expired)).json().error.message).toBe("token has expired");

    const foreign = await base().setExpirationTime("1h").sign(key("another-secret-another-secret-another-secret"));
    expect((await me(foreign)).statusCode).toBe(401);

    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({ ...claims, sub: adminId, iss: "jobsync", aud: "jobsync-api", exp: Date.now() / 1000 + 3600 }),
    ).toString("base64url");
    expect((await me(`${header}.${payload}.`)).statusCode).toBe(401);

    const valid = await base().setExpirationTime("1h").sign(key(TEST_JWT_SECRET));
    const [h, p, s] = valid.split(".");
    const tampered = JSON.parse(Buffer.from(p!, "base64url").toString());
    tampered.role = "admin";
    tampered.email = "someone-else@example.com";
    const forged = `${h}.${Buffer.from(JSON.stringify(tampered)).toString("base64url")}.${s}`;
    expect((await me(forged)).statusCode).toBe(401);
    expect((await me(valid)).statusCode).toBe(200);
  });

  it("does not accept a stream token outside the events stream", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/stream-token", headers: bearer(t.adminToken) });
    expect(res.statusCode).toBe(200);
    const { token } = res.json();
    expect((await me(token)).statusCode).toBe(401);
  });
});
