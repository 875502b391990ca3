import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedServer } from "../support/embedded-server";

const ADMIN = { email: "quick@example.com", password: "quick-start-1" };

/** The `npm start` entry point as a new user runs it (the UI build is skipped: the API is under test here). */
const start = (dataDir: string) =>
  startEmbeddedServer(dataDir, { DEMO_BOARD_PORT: "0", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

async function api(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

async function poll(
  url: string,
  token: string,
  jobId: string,
  until: (job: { status: string; current_step: string | null; stats: { pages_fetched: number } }) => boolean,
) {
  for (let i = 0; i < 600; i++) {
    const { body } = await api(url, `/api/v1/admin/data-sources/sync/jobs/${jobId}`, { token });
    if (until(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("sync job did not get there");
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

describe("quick start (embedded mode)", () => {
  it("starts ready, logs in, syncs TopCV-Demo to completed with postings added", async () => {
    const app = await start(mkdtempSync(join(tmpdir(), "jobsync-quick-")));
    running.push(app.child);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const login = await api(app.url, "/api/v1/auth/login", { method: "POST", body: ADMIN });
    expect(login.status).toBe(200);
    const token = login.body.access_token;
    const sources = await api(app.url, "/api/v1/admin/data-sources", { token });
    const names = sources.body.items.map((s: { site_name: string }) => s.site_name);
    expect(names).toEqual(expect.arrayContaining(["TopCV", "TopCV-Demo"]));
    const started = await api(app.url, "/api/v1/admin/data-sources/TopCV-Demo/sync", {
      method: "POST",
      token,
      body: {},
    });
    expect(started.status).toBe(202);
    const job = await poll(app.url, token, started.body.job_id, (j) =>
      ["completed", "failed", "cancelled"].includes(j.status),
    );
    expect(job.status).toBe("completed");
    expect(job.stats.jobs_added).toBeGreaterThan(0);
    const search = await api(app.url, "/api/v1/jobs?q=ke+toan");
    expect(search.body.total).toBeGreaterThan(0);
  });

  it("lets the seeded demo source be edited, and keeps the demo board's admin routes closed", async () => {
    const app = await start(mkdtempSync(join(tmpdir(), "jobsync-demo-edit-")));
    running.push(app.child);
    const token = (await api(app.url, "/api/v1/auth/login", { method: "POST", body: ADMIN })).body.access_token;
    const demo = await api(app.url, "/api/v1/admin/data-sources/TopCV-Demo", { token });
    expect(demo.status).toBe(200);
    const boardUrl: string = demo.body.base_url;
    expect(boardUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // a loopback address, ALLOW_PRIVATE_HOSTS unset
    // a schedule and a config change, then a save of the whole form with its base_url unchanged
    const edits = [
      { schedule_cron: "30 6 * * *", schedule_timezone: "Asia/Ho_Chi_Minh" },
      { config: { max_pages: 2, request_delay: 0.1 } },
      { base_url: boardUrl, is_active: true, schedule_cron: null },
      { base_url: `${boardUrl}/` },
    ];
    for (const body of edits) {
      const saved = await api(app.url, "/api/v1/admin/data-sources/TopCV-Demo", { method: "PATCH", token, body });
      expect(saved.status, JSON.stringify({ body, answer: saved.body })).toBe(200);
    }
    const after = await api(app.url, "/api/v1/admin/data-sources/TopCV-Demo", { token });
    expect(after.body).toMatchObject({ base_url: boardUrl, schedule_cron: null });
    expect(after.body.config).toMatchObject({ max_pages: 2, request_delay: 0.1 });
    // another loopback address is still refused, naming why
    const moved = await api(app.url, "/api/v1/admin/data-sources/TopCV-Demo", {
      method: "PATCH",
      token,
      body: { base_url: "http://127.0.0.1:9" },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toContain("refused: 127.0.0.1 is a private address (loopback)");
    // the demo board serves pages, but nobody can switch its faults or read its request log
    expect((await fetch(`${boardUrl}/`)).status).toBe(200);
    expect((await fetch(`${boardUrl}/__admin/stats`)).status).toBe(404);
    expect((await fetch(`${boardUrl}/__admin/faults`)).status).toBe(404);
  });

  it("killed mid-sync and started again: a readable database, and the sync job resumed to completion", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jobsync-crash-"));
    const first = await start(dataDir);
    running.push(first.child);
    const token = (await api(first.url, "/api/v1/auth/login", { method: "POST", body: ADMIN })).body.access_token;
    const started = await api(first.url, "/api/v1/admin/data-sources/TopCV-Demo/sync", {
      method: "POST",
      token,
      body: {},
    });
    await poll(
      first.url,
      token,
      started.body.job_id,
      (j) => j.current_step === "crawl_jobs" && j.stats.pages_fetched > 0,
    );
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const second = await start(dataDir);
    running.push(second.child);
    const token2 = (await api(second.url, "/api/v1/auth/login", { method: "POST", body: ADMIN })).body.access_token;
    // the interrupted sync job is its next attempt now, resumed from its checkpoint by the new process
    const job = await poll(second.url, token2, started.body.job_id, (j) => ["completed", "failed"].includes(j.status));
    expect(job).toMatchObject({ status: "completed", attempt: 2 });
    const again = await api(second.url, "/api/v1/admin/data-sources/TopCV-Demo/sync", {
      method: "POST",
      token: token2,
      body: {},
    });
    expect(again.status).toBe(202);
  });
});
