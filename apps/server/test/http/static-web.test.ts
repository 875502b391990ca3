import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app";

/** The admin UI's deep links are answered with the app; the server's own paths never are. */
describe("the admin UI's paths", () => {
  let t: TestApp;
  let dist: string;
  const INDEX = "<!doctype html><title>jobsync admin</title><div id=root></div>";
  const html = { accept: "text/html,application/xhtml+xml" };

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "jobsync-web-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), INDEX);
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    t = await createTestApp("pglite", {}, { webDistDir: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("answers every page of the app, and what is under it, with index.html, never cached", async () => {
    for (const url of [
      "/",
      "/data-sources",
      "/data-sources/TopCV",
      "/sync-history?status=failed",
      "/sync-jobs/3f2b8c1e-7d4a-4b9e-9c51-0a6e2d7f8b10",
      "/job-postings?q=ke+toan",
      "/job-postings/12",
      "/notifications",
    ]) {
      const response = await t.app.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/^text\/html/);
      expect(response.headers["cache-control"], url).toBe("no-cache");
      expect(response.body, url).toBe(INDEX);
    }
  });

  it("serves the hashed assets with a cache lifetime", async () => {
    const response = await t.app.inject({ url: "/assets/index-abc123.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("max-age=3600");
  });

  it("never answers the server's own paths with the app, even to a browser", async () => {
    const health = await t.app.inject({ url: "/healthz", headers: html });
    expect(health.json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ url: "/readyz", headers: html })).json()).toMatchObject({ status: "ready" });
    for (const url of ["/api/v1/nothing-here", "/api", "/metrics", "/metrics/extra", "/healthz/deep"]) {
      const response = await t.app.inject({ url, headers: html });
      if (url === "/metrics" && response.statusCode === 200) {
        expect(response.headers["content-type"]).not.toMatch(/html/); // once a metrics route exists, it is that
        continue;
      }
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe("not_found");
    }
  });

  it("an unknown path gets the app with status 404 (its 'page not found'); other requests the JSON 404", async () => {
    for (const url of ["/nowhere", "/apiary", "/data-sourcesX"]) {
      const response = await t.app.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toBe(INDEX);
    }
    const post = await t.app.inject({ method: "POST", url: "/data-sources", headers: html });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.message).toBe("no route POST /data-sources");
    const json = await t.app.inject({ url: "/data-sources", headers: { accept: "application/json" } });
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe("not_found");
  });
});
