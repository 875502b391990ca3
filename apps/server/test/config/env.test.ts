import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "../../src/config/env";

describe("loadEnv", () => {
  it("has working defaults", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 3000,
      DATA_DIR: "./data",
      SYNC_CONCURRENCY: 2,
      SYNC_RETENTION: 50,
      // the address policy is on, for sources and webhooks alike; the demo board's admin routes are closed
      ALLOW_PRIVATE_HOSTS: false,
      ALLOW_PRIVATE_WEBHOOKS: false,
      DEMO_BOARD_ADMIN: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(loadEnv({ ALLOW_PRIVATE_WEBHOOKS: "1", DEMO_BOARD_ADMIN: "true" })).toMatchObject({
      ALLOW_PRIVATE_WEBHOOKS: true,
      DEMO_BOARD_ADMIN: true,
    });
  });

  it("names every bad variable in one error", () => {
    let error: unknown;
    try {
      loadEnv({
        PORT: "eighty",
        SYNC_CONCURRENCY: "0",
        DATABASE_URL: "mysql://x",
        LOG_LEVEL: "loud",
        DEMO_BOARD: "maybe",
        ALLOW_PRIVATE_WEBHOOKS: "yes",
        DEMO_BOARD_ADMIN: "on",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of [
      "PORT",
      "SYNC_CONCURRENCY",
      "DATABASE_URL",
      "LOG_LEVEL",
      "DEMO_BOARD must",
      "ALLOW_PRIVATE_WEBHOOKS must be 0, 1, true or false",
      "DEMO_BOARD_ADMIN must be 0, 1, true or false",
    ]) {
      expect(message).toContain(name);
    }
  });

  it("requires JWT_SECRET with PostgreSQL and pairs ADMIN_EMAIL with ADMIN_PASSWORD", () => {
    expect(() => loadEnv({ DATABASE_URL: "postgres://localhost/x" })).toThrow(/JWT_SECRET is required/);
    expect(() => loadEnv({ DATABASE_URL: "postgres://localhost/x", JWT_SECRET: "short" })).toThrow(/at least 32/);
    expect(() => loadEnv({ ADMIN_EMAIL: "a@b.co" })).toThrow(/go together/);
    expect(() => loadEnv({ ADMIN_EMAIL: "a@b.co", ADMIN_PASSWORD: "short" })).toThrow(/at least 8/);
  });

  it("metrics are off by default; METRICS_TOKEN, METRICS_PUBLIC and METRICS_PORT are checked", () => {
    const env = loadEnv({});
    expect([env.METRICS_TOKEN, env.METRICS_PUBLIC, env.METRICS_PORT]).toEqual([undefined, false, 0]);
    const on = loadEnv({ METRICS_TOKEN: "0123456789abcdef", METRICS_PUBLIC: "1", METRICS_PORT: "9464" });
    expect([on.METRICS_TOKEN, on.METRICS_PUBLIC, on.METRICS_PORT]).toEqual(["0123456789abcdef", true, 9464]);
    expect(() => loadEnv({ METRICS_TOKEN: "short" })).toThrow("METRICS_TOKEN must be at least 16 characters");
    expect(() => loadEnv({ METRICS_PUBLIC: "yes" })).toThrow("METRICS_PUBLIC must be 0, 1, true or false");
    expect(() => loadEnv({ METRICS_PORT: "70000" })).toThrow("METRICS_PORT must be a whole number from 0 to 65535");
  });

  it("the real entry point prints the problems and exits 1", async () => {
    const { spawnSync } = await import("node:child_process");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { PATH: process.env.PATH, PORT: "-1", WORKERS: "7" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT must be a whole number from 0 to 65535");
    expect(result.stderr).toContain("WORKERS");
  });
});
