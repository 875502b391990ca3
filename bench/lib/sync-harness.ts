import { Writable } from "node:stream";
import type { SourceKind } from "@jobsync/contracts";
import { startServices, stopServices } from "../../apps/server/src/app/service-lifecycle";
import { DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from "../../apps/server/src/app/service-options";
import { createServices, type Services } from "../../apps/server/src/app/services";
import type { DataSourceRow } from "../../apps/server/src/db/schema";
import { createLogger } from "../../apps/server/src/http/logger";
import { BatchSaveRepository } from "../../apps/server/src/sync/checkpoint/batch-save.repository";
import { CheckpointRepository } from "../../apps/server/src/sync/checkpoint/checkpoint.repository";
import {
  BatchingProgressManager,
  InMemoryProgressManager,
  type ProgressSink,
} from "../../apps/server/src/sync/progress/progress-manager";
import { noBaselines } from "../../apps/server/src/sync/quality/judge-quality";
import { noSnapshots } from "../../apps/server/src/sync/quality/snapshot-recorder";
import type { SyncEnv, SyncJobInput } from "../../apps/server/src/sync/sync-context";
import { runPipeline } from "../../apps/server/src/sync/sync-pipeline";
import { type BenchDatabase, type BenchDbKind, openBenchDatabase } from "./bench-database";
import { BENCH_SERVICE_OPTIONS } from "./bench-service-options";
import type { BoardProcess } from "./board-process";

/** Requests in flight per crawl, for jobsync and every peer alike (jobsync's default). */
export const CRAWL_CONCURRENCY = DEFAULT_SERVICE_OPTIONS.crawlConcurrency;

export interface BenchApp {
  db: BenchDatabase;
  services: Services;
  source: DataSourceRow;
  close(): Promise<void>;
}

const silentStream = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** Services over a fresh database and a data source pointing at the board (HTTP fetcher, no delay). */
export async function openBenchApp(
  kind: BenchDbKind,
  board: BoardProcess,
  worker = false,
  extra: Partial<ServiceOptions> = {},
): Promise<BenchApp> {
  const db = await openBenchDatabase(kind);
  const services = createServices(
    db.database,
    {
      ...BENCH_SERVICE_OPTIONS,
      crawlConcurrency: CRAWL_CONCURRENCY,
      ...extra,
    },
    createLogger("silent", silentStream()),
  );
  await startServices(services, worker);
  const source = await services.dataSourceRepository.create({
    siteName: "Bench-Board",
    kind: "topcv",
    baseUrl: board.url,
    isActive: true,
    config: {
      search_keywords: [...board.shape.keywords],
      max_pages: board.shape.pagesPerKeyword,
      request_delay: 0,
      max_jobs: 10_000,
      headless: true,
      timeout: 30,
      fetcher: "http",
      fetch_details: true,
    },
  });
  if (!source) throw new Error("could not create the bench data source");
  return {
    db,
    services,
    source,
    async close() {
      await stopServices(services);
      await db.close();
    },
  };
}

export interface SyncOutcome {
  ms: number;
  status: string;
  pages: number;
  postings: number;
  added: number;
  /** Milliseconds per step, as the sync job's summary reports them. */
  steps?: Record<string, number>;
}

async function newJob(app: BenchApp, maxJobs: number, reprocessedFrom?: string): Promise<string> {
  const outcome = await app.services.syncJobTransitions.create({
    dataSourceId: app.source.id,
    siteName: app.source.siteName,
    maxJobs,
    trigger: reprocessedFrom ? "reprocess" : "manual",
    requestedBy: null,
    maxAttempts: 1,
    ...(reprocessedFrom ? { reprocessedFrom, fullRefresh: true } : {}),
  });
  if (!("created" in outcome)) throw new Error("a sync job is already active");
  return outcome.created;
}

async function outcomeOf(app: BenchApp, jobId: string, ms: number): Promise<SyncOutcome> {
  const job = await app.services.syncJobs.get(jobId);
  if (job.status !== "completed") throw new Error(`bench sync ended ${job.status}: ${job.error ?? ""}`);
  const stats = job.stats as unknown as Record<string, number>;
  return {
    ms,
    status: job.status,
    pages: (stats.pages_fetched ?? 0) + (stats.details_fetched ?? 0),
    postings: stats.jobs_found ?? 0,
    added: stats.jobs_added ?? 0,
    steps: job.summary?.step_durations_ms ?? {},
  };
}

/** A full sync as a worker runs it (claim, nine steps, heartbeats, batched progress writes, finish). */
export async function runFullSync(app: BenchApp, maxJobs = 10_000): Promise<SyncOutcome & { jobId: string }> {
  const jobId = await newJob(app, maxJobs);
  const start = performance.now();
  await app.services.runner.run(jobId);
  return { ...(await outcomeOf(app, jobId, performance.now() - start)), jobId };
}

/** A re-process of a finished sync job from its page archive, as a worker runs it. */
export async function runReprocess(app: BenchApp, fromJobId: string, maxJobs = 10_000): Promise<SyncOutcome> {
  const jobId = await newJob(app, maxJobs, fromJobId);
  const start = performance.now();
  await app.services.runner.run(jobId);
  return outcomeOf(app, jobId, performance.now() - start);
}

/**
 * The nine steps with a chosen progress manager: "tracked" writes progress as the runner does (batched, to the sync
 * job row and its event log); "noop" keeps it in memory only. Everything else is the same.
 */
export async function runPipelineWith(
  app: BenchApp,
  progressKind: "tracked" | "noop",
  maxJobs = 10_000,
): Promise<SyncOutcome> {
  const jobId = await newJob(app, maxJobs);
  const workerId = "bench-worker";
  const { syncJobTransitions: transitions } = app.services;
  const claim = await transitions.claim(jobId, workerId);
  if (!claim) throw new Error("could not claim the bench sync job");
  const start = performance.now();
  const progress: ProgressSink =
    progressKind === "noop"
      ? new InMemoryProgressManager()
      : new BatchingProgressManager(
          {
            save: async (state, events) => {
              await transitions.saveProgress(jobId, workerId, state, events);
              app.services.progressHub.notify(jobId);
            },
          },
          app.services.options.progressIntervalMillis,
        );
  const job: SyncJobInput = {
    jobId,
    workerId,
    source: app.source,
    kind: app.source.kind as SourceKind,
    maxJobs: claim.maxJobs,
    fullRefresh: false,
    attempt: 1,
    maxAttempts: 1,
    resume: null,
    resumedFrom: null,
    reprocessedFrom: null,
    crawledAt: new Date(),
  };
  const db = app.db.database.db;
  const env: SyncEnv = {
    signal: new AbortController().signal,
    progress,
    postings: app.services.postingWrites,
    batches: new BatchSaveRepository(db, app.services.postingWrites, new CheckpointRepository(db)),
    runtime: { crawlConcurrency: CRAWL_CONCURRENCY, batchSize: app.services.options.syncBatchSize },
    snapshots: noSnapshots,
    baselines: noBaselines,
    firstErrors: [],
    summaryExtras: {},
  };
  const result = await runPipeline(job, env);
  await progress.close();
  const ms = performance.now() - start;
  if (result.status !== "completed") throw new Error(`bench pipeline ended ${result.status}: ${result.error}`);
  const stats = progress.state.stats as unknown as Record<string, number>;
  await transitions.finish(jobId, workerId, result, progress.state, []);
  return {
    ms,
    status: result.status,
    pages: (stats.pages_fetched ?? 0) + (stats.details_fetched ?? 0),
    postings: stats.jobs_found ?? 0,
    added: stats.jobs_added ?? 0,
  };
}
