import { createServer } from "node:net";
import type { FixtureBoard } from "@jobsync/fixture-board";
import parsePrometheusTextFormat, { type MetricFamily } from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricsServer } from "../../src/metrics/metrics-server";
import { killAllWorkerProcesses, startWorkerProcess } from "../reliability/worker-process";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const TOKEN = "metrics-token-0123456789";

function family(families: MetricFamily[], name: string): MetricFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no metric family ${name} in the scrape`);
  return found;
}

/**
 * A histogram's `_count` sample with these labels, read from the text: parse-prometheus-text-format checks every line
 * but folds the series of a labelled histogram into one (it keeps neither labels nor counts), so series are read here.
 */
function histogramCount(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`${name}_count{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(" ").pop()) : 0;
}

const sum = (f: MetricFamily, labels: Record<string, string>) =>
  f.metrics
    .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
    .reduce((n, m) => n + Number(m.value ?? m.count ?? 0), 0);

describe.each(databaseKinds())("GET /metrics on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 5, pagesPerKeyword: 2 });
    t = await createTestApp(kind, { metricsAccess: { token: TOKEN, public: false } }, { worker: true });
    await createSource(t, "Metered", board.url, { search_keywords: ["ke-toan"], max_pages: 2 });
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });
  const scrape = (authorization?: string) =>
    t.app.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });

  it("asks for the Bearer METRICS_TOKEN: 401 without it or with another, and writes nothing", async () => {
    for (const header of [undefined, "Bearer wrong-token-0123456789", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await scrape(header);
      expect(res.statusCode, header).toBe(401);
      expect(res.json().error).toMatchObject({
        code: "unauthorized",
        message: "metrics need 'Authorization: Bearer <METRICS_TOKEN>'",
      });
    }
  });

  it("reports a sync's jobs, steps, pages and postings, the queues, HTTP latency, the process and Node 24", async () => {
    const started = await startSync(t, "Metered");
    expect(started.statusCode).toBe(202);
    const job = await waitFinal(t, started.json().job_id);
    expect(job.status).toBe("completed");
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain; version=0.0.4");
    const families = parsePrometheusTextFormat(res.body);

    const runtime = family(families, "jobsync_runtime_info");
    expect(runtime.type).toBe("GAUGE");
    expect(runtime.metrics).toEqual([
      {
        value: "1",
        labels: { node_version: process.version, runtime: "node", role: "api+worker", database: kind },
      },
    ]);
    expect(process.version).toMatch(/^v24\./);
    expect(family(families, "nodejs_version_info").metrics[0]?.labels?.major).toBe("24");
    expect(Number(family(families, "process_cpu_user_seconds_total").metrics[0]?.value)).toBeGreaterThan(0);
    expect(Number(family(families, "process_resident_memory_bytes").metrics[0]?.value)).toBeGreaterThan(0);

    expect(sum(family(families, "jobsync_sync_jobs"), { source: "Metered", status: "completed" })).toBe(1);
    expect(sum(family(families, "jobsync_sync_jobs_ended_total"), { source: "Metered", status: "completed" })).toBe(1);
    const pages = family(families, "jobsync_pages_total");
    expect(pages.type).toBe("COUNTER");
    expect(sum(pages, { source: "Metered", outcome: "fetched" })).toBe(job.stats.pages_fetched);
    const postings = family(families, "jobsync_postings_total");
    expect(sum(postings, { source: "Metered", outcome: "added" })).toBe(job.stats.jobs_added);
    expect(job.stats.jobs_added).toBeGreaterThan(0);
    family(families, "jobsync_requests_retried_total");
    family(families, "jobsync_pages_blocked_total");
    family(families, "jobsync_notification_deliveries_total");

    const steps = family(families, "jobsync_sync_step_duration_seconds");
    expect(steps.type).toBe("HISTOGRAM");
    expect(
      histogramCount(res.body, "jobsync_sync_step_duration_seconds", { step: "crawl_jobs", status: "completed" }),
    ).toBe(1);
    expect(
      histogramCount(res.body, "jobsync_sync_step_duration_seconds", { step: "start_browser", status: "skipped" }),
    ).toBe(1);

    const depth = family(families, "jobsync_queue_depth");
    const queues = depth.metrics.map((m) => m.labels?.queue);
    expect(queues.length).toBeGreaterThan(0);
    expect(depth.metrics.every((m) => Number(m.value) >= 0)).toBe(true);
    const oldest = family(families, "jobsync_queue_oldest_waiting_seconds");
    expect(oldest.metrics.map((m) => m.labels?.queue).sort()).toEqual([...queues].sort());

    expect(family(families, "jobsync_http_request_duration_seconds").type).toBe("HISTOGRAM");
    expect(
      histogramCount(res.body, "jobsync_http_request_duration_seconds", { route: "/healthz", status: "200" }),
    ).toBeGreaterThanOrEqual(1);
    // by route pattern, never by raw URL
    expect(res.body).toContain('route="/api/v1/admin/data-sources/sync/jobs/:job_id"');
    expect(res.body).not.toContain(job.job_id);

    // the public admission (an admin was just served: public requests start from 4 at once)
    expect(Number(family(families, "jobsync_public_admission_limit").metrics[0]?.value)).toBeGreaterThanOrEqual(1);
    const publicRequests = family(families, "jobsync_public_requests").metrics;
    expect(publicRequests.map((m) => m.labels?.state).sort()).toEqual(["in", "waiting"]);
    expect(publicRequests.find((m) => m.labels?.state === "waiting")?.value).toBe("0");
  });

  it("a worker serves the same metrics on its own port, with the same rule", async () => {
    const server = await startMetricsServer(t.services.metrics, { token: TOKEN, public: false }, 0, "127.0.0.1");
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${server.url}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const families = parsePrometheusTextFormat(await res.text());
      expect(family(families, "jobsync_runtime_info").metrics[0]?.labels?.node_version).toBe(process.version);
    } finally {
      await server.close();
    }
  });
});

describe("GET /metrics switched off or public", () => {
  it("is off (404) without METRICS_TOKEN or METRICS_PUBLIC", async () => {
    const t = await createTestApp("pglite");
    try {
      const res = await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe("metrics are off: set METRICS_TOKEN (or METRICS_PUBLIC=1) to serve them");
    } finally {
      await t.close();
    }
  });

  it("needs no token with METRICS_PUBLIC=1", async () => {
    const t = await createTestApp("pglite", { metricsAccess: { public: true } });
    try {
      const res = await t.app.inject({ method: "GET", url: "/metrics" });
      expect(res.statusCode).toBe(200);
      expect(family(parsePrometheusTextFormat(res.body), "jobsync_sync_jobs").type).toBe("GAUGE");
    } finally {
      await t.close();
    }
  });
});

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(databaseKinds().includes("postgres"))("npm run worker's metrics on METRICS_PORT", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("postgres");
  });
  afterAll(async () => {
    killAllWorkerProcesses();
    await t.close();
  });

  it("serves /metrics with its role, for the token only", async () => {
    const port = await freePort();
    const worker = await startWorkerProcess(t.db.url ?? "", { METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const families = parsePrometheusTextFormat(await res.text());
    expect(family(families, "jobsync_runtime_info").metrics[0]?.labels).toMatchObject({
      node_version: process.version,
      role: "worker",
      database: "postgres",
    });
    expect(family(families, "jobsync_queue_depth").metrics.length).toBeGreaterThan(0);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });
});
