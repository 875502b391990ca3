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
