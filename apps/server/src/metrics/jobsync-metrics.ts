import type { SyncJobStatus } from "@jobsync/contracts";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { QueueBacklog } from "../queue/job-queue";

/** What the scrape reads from the database at the time it runs. */
export interface MetricsSources {
  syncJobCounts(): Promise<Array<{ source: string; status: SyncJobStatus; count: number }>>;
  queueBacklog(): Promise<QueueBacklog[]>;
}

/** Which jobsync process this is, on which database. */
export interface ProcessInfo {
  role: "api+worker" | "api" | "worker" | "cli";
  database: "pglite" | "postgres";
}

const STEP_BUCKETS_SECS = [0.1, 0.5, 1, 2, 5, 15, 30, 60, 120, 300, 900, 1800, 3600];
const HTTP_BUCKETS_SECS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What `PublicAdmission` tells of itself. */
export interface PublicAdmissionState {
  limit: number;
  inFlight: number;
  waiting: number;
}

/**
 * The Prometheus metrics of one jobsync process (prom-client, a registry of its own): process and Node metrics, the
 * runtime, sync jobs, steps, pages, postings, queues, notification deliveries and HTTP latency. Counters count what
 * this process did (Prometheus sums the processes); gauges of the database (sync jobs by status, queue backlog) are
 * read at each scrape.
 */
export class JobsyncMetrics {
  readonly registry = new Registry();
  private readonly runtime: Gauge<"node_version" | "runtime" | "role" | "database">;
  readonly syncJobsEnded: Counter<"source" | "status">;
  readonly stepDuration: Histogram<"step" | "status">;
  readonly pages: Counter<"source" | "outcome">;
  readonly retries: Counter<"source">;
  readonly blockedPages: Counter<"source">;
  readonly postings: Counter<"source" | "outcome">;
  readonly deliveries: Counter<"channel_type" | "outcome">;
  readonly httpDuration: Histogram<"method" | "route" | "status">;
  private publicAdmission: (() => PublicAdmissionState) | null = null;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.runtime = new Gauge({
      name: "jobsync_runtime_info",
      help: "The Node.js version and runtime of this jobsync process (always 1)",
      labelNames: ["node_version", "runtime", "role", "database"],
      registers,
    });
    new Gauge({
      name: "jobsync_sync_jobs",
      help: "Sync jobs in the database by data source and status (finished ones as far as retention keeps them)",
      labelNames: ["source", "status"],
      registers,
      async collect() {
        this.reset();
        for (const row of await sources.syncJobCounts())
          this.set({ source: row.source, status: row.status }, row.count);
      },
    });
    const backlog = async () => sources.queueBacklog();
    let lastBacklog: Promise<QueueBacklog[]> | null = null;
    // both queue gauges read one backlog per scrape
    const readBacklog = () => {
      lastBacklog ??= backlog().finally(() => setTimeout(() => (lastBacklog = null), 0));
      return lastBacklog;
    };
    new Gauge({
      name: "jobsync_queue_depth",
      help: "Queue messages that could run now and wait for a worker",
      labelNames: ["queue"],
      registers,
      async collect() {
        this.reset();
        for (const q of await readBacklog()) this.set({ queue: q.queue }, q.waiting);
      },
    });
    new Gauge({
      name: "jobsync_queue_oldest_waiting_seconds",
      help: "How long the oldest waiting queue message has waited (0 when none)",
      labelNames: ["queue"],
      registers,
      async collect() {
        this.reset();
        for (const q of await readBacklog()) this.set({ queue: q.queue }, q.oldestWaitingSecs);
      },
    });
    this.syncJobsEnded = new Counter({
      name: "jobsync_sync_jobs_ended_total",
      help: "Sync jobs that reached a final status, by data source and status",
      labelNames: ["source", "status"],
      registers,
    });
    this.stepDuration = new Histogram({
      name: "jobsync_sync_step_duration_seconds",
      help: "Duration of the steps of sync jobs, by step and final step status",
      labelNames: ["step", "status"],
      buckets: STEP_BUCKETS_SECS,
      registers,
    });
    this.pages = new Counter({
      name: "jobsync_pages_total",
      help: "Listing pages by outcome: fetched, failed, skipped (robots.txt) or restored (from a checkpoint)",
      labelNames: ["source", "outcome"],
      registers,
    });
    this.retries = new Counter({
      name: "jobsync_requests_retried_total",
      help: "Requests to a board that were retried",
      labelNames: ["source"],
      registers,
    });
    this.blockedPages = new Counter({
      name: "jobsync_pages_blocked_total",
      help: "Pages a board answered with a block or challenge page",
      labelNames: ["source"],
      registers,
    });
    this.postings = new Counter({
      name: "jobsync_postings_total",
      help: "Job postings handled by sync jobs, by outcome: added, updated, unchanged, duplicate, invalid",
      labelNames: ["source", "outcome"],
      registers,
    });
    this.deliveries = new Counter({
      name: "jobsync_notification_deliveries_total",
      help: "Attempts to deliver a notification, by channel type and outcome: delivered, retry, failed",
      labelNames: ["channel_type", "outcome"],
      registers,
    });
    this.httpDuration = new Histogram({
      name: "jobsync_http_request_duration_seconds",
      help: "HTTP request latency by method, route (its pattern) and status code",
      labelNames: ["method", "route", "status"],
      buckets: HTTP_BUCKETS_SECS,
      registers,
    });
    const admission = () => this.publicAdmission?.();
    new Gauge({
      name: "jobsync_public_admission_limit",
      help: "Public requests (search, a posting) let in at once now: lowered while others are served and the event loop is busy",
      registers,
      collect() {
        const state = admission();
        if (state) this.set(state.limit);
      },
    });
    new Gauge({
      name: "jobsync_public_requests",
      help: "Public requests in this process, by state: in (being answered) or waiting (for room on the event loop)",
      labelNames: ["state"],
      registers,
      collect() {
        const state = admission();
        if (!state) return;
        this.set({ state: "in" }, state.inFlight);
        this.set({ state: "waiting" }, state.waiting);
      },
    });
  }

  /** Where the public admission gauges read from (the HTTP app's `PublicAdmission`). */
  observePublicAdmission(read: () => PublicAdmissionState): void {
    this.publicAdmission = read;
  }

  /** Which process this is (the runtime gauge). */
  describe(info: ProcessInfo): void {
    this.runtime.reset();
    const runtime = "bun" in process.versions ? "bun" : "node";
    this.runtime.set({ node_version: process.version, runtime, role: info.role, database: info.database }, 1);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
