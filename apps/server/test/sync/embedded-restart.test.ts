import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedServer, startEmbeddedServer } from "../support/embedded-server";
import { startBoard } from "../support/sync-helpers";

/**
 * `npm start` (embedded PGlite, API and worker in one process) stopped in the middle of a sync — by kill -9 or by
 * SIGTERM — and started again on the same DATA_DIR: the sync job resumes from its checkpoint and completes with
 * exactly the served postings, and no page it had saved is fetched again.
 */
const ADMIN = { email: "admin@restart.test", password: "restart-password-1" };
const KEYWORDS = ["python-developer", "ke-toan"];
const PAGES = 5;

type Server = EmbeddedServer;

const startServer = (dataDir: string) =>
  startEmbeddedServer(dataDir, {
    DEMO_BOARD: "0",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ALLOW_PRIVATE_HOSTS: "1",
    SYNC_BATCH_SIZE: "10",
  });

async function api<T>(server: Server, token: string | null, method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function signIn(server: Server): Promise<string> {
  return (await api<{ access_token: string }>(server, null, "POST", "/api/v1/auth/login", ADMIN)).access_token;
}

const jobPath = (id: string) => `/api/v1/admin/data-sources/sync/jobs/${id}`;

async function until<T>(what: string, check: () => Promise<T | null>, timeoutMillis = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Detail and listing URLs the board answered with 200, with how often. */
function fetchCounts(board: FixtureBoard): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of board.stats().requests) {
    if (r.status !== 200 || (r.kind !== "listing" && r.kind !== "detail")) continue;
    const key = `${board.url}${r.url}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe("npm start stopped mid-sync and started again (embedded PGlite)", () => {
  let board: FixtureBoard;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    board = await startBoard({ seed: 41, pagesPerKeyword: PAGES, cardsPerPage: 20, pageWeightBytes: 5_000 });
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await board.close();
  });

  const served = () => {
    const ids = new Set<string>();
    for (const k of KEYWORDS) for (const c of board.expectedCards(k, PAGES)) ids.add(c.external_id);
    return ids;
  };

  async function syncThenStop(signal: "SIGKILL" | "SIGTERM") {
    const dataDir = mkdtempSync(join(tmpdir(), "jobsync-restart-"));
    board.resetStats();
    board.setFaults([{ kind: "detail", type: "latency", ms: 60 }]);
    const first = await startServer(dataDir);
    children.push(first.child);
    const token = await signIn(first);
    await api(first, token, "POST", "/api/v1/admin/data-sources", {
      site_name: "Restart",
      kind: "topcv",
      base_url: board.url,
      config: { search_keywords: KEYWORDS, max_pages: PAGES, request_delay: 0, max_jobs: 1000, fetcher: "http" },
    });
    const { job_id: id } = await api<{ job_id: string }>(
      first,
      token,
      "POST",
      "/api/v1/admin/data-sources/Restart/sync",
    );
    await until("some batches saved", async () => {
      const job = await api<CrawlJobProgress>(first, token, "GET", jobPath(id));
      return job.stats.jobs_added >= 30 ? job : null;
    });
    first.child.kill(signal);
    await first.exited;
    board.setFaults([]);
    const second = await startServer(dataDir);
    children.push(second.child);
    const token2 = await signIn(second);
    const done = await until("the sync job ends", async () => {
      const job = await api<CrawlJobProgress>(second, token2, "GET", jobPath(id));
      return ["completed", "failed", "cancelled"].includes(job.status) ? job : null;
    });
    const postings = await api<{ total: number }>(second, null, "GET", "/api/v1/jobs?source=Restart&page_size=1");
    second.child.kill("SIGTERM");
    await second.exited;
    return { done, postings };
  }

  it("kill -9: the next start resumes it as attempt 2 from its checkpoint; nothing saved is fetched twice", async () => {
    const { done, postings } = await syncThenStop("SIGKILL");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.attempt).toBe(2);
    expect(done.stats.jobs_added).toBe(served().size);
    expect(postings.total).toBe(served().size);
    expect(done.steps.find((s) => s.key === "initialize")!.details.join("\n")).toMatch(
      /Resumed after the worker stopped \(attempt 2 of 3\)[\s\S]*Resuming from the checkpoint: \d+ listing pages/,
    );
    // pages fetched again: only those of the batches in flight at the kill
    const again = [...fetchCounts(board).values()].filter((n) => n > 1).length;
    expect(again).toBeLessThanOrEqual(3 * 20 + 6);
    expect(done.stats.pages_restored).toBeGreaterThan(0);
  }, 240_000);

  it("SIGTERM: the stopping server hands the sync job back; the next start finishes it on the same attempt", async () => {
    const { done, postings } = await syncThenStop("SIGTERM");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.attempt).toBe(1); // a clean stop spends no attempt
    expect(done.stats.jobs_added).toBe(served().size);
    expect(postings.total).toBe(served().size);
    // only the pages in flight when it stopped are fetched again
    expect([...fetchCounts(board).values()].filter((n) => n > 1).length).toBeLessThanOrEqual(3 * 20 + 6);
  }, 240_000);
});
