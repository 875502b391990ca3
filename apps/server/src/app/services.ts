import { hostname } from "node:os";
import type { Logger } from "pino";
import { AuthService } from "../auth/auth.service";
import { LoginRateLimiter } from "../auth/login-rate-limiter";
import { TokenService } from "../auth/token-service";
import { UserRepository } from "../auth/user.repository";
import { DataSourceRepository } from "../data-sources/data-source.repository";
import { DataSourceService } from "../data-sources/data-source.service";
import type { Database } from "../db/database";
import { PostingReadRepository } from "../postings/posting-read.repository";
import { PostingSearchService } from "../postings/posting-search.service";
import { PostingWriteRepository } from "../postings/posting-write.repository";
import { ProgressHub } from "../sync/events/progress-hub";
import { SyncJobRepository } from "../sync/sync-job.repository";
import { SyncJobService } from "../sync/sync-job.service";
import { SyncQueue } from "../sync/sync-queue";
import { SyncRunner } from "../sync/sync-runner";
import { SyncWorker } from "../sync/sync-worker";
import { HealthService } from "./health.service";

export interface ServiceOptions {
  jwtSecret: string;
  jwtExpiresSecs: number;
  loginMaxAttempts: number;
  loginWindowSecs: number;
  allowPrivateHosts: boolean;
  syncConcurrency: number;
  syncStaleSecs: number;
  syncRetention: number;
  chromiumPath?: string;
  /** Requests in flight per sync job. */
  crawlConcurrency: number;
  heartbeatMillis: number;
  progressIntervalMillis: number;
}

export const DEFAULT_SERVICE_OPTIONS = {
  syncConcurrency: 2,
  syncStaleSecs: 60,
  syncRetention: 50,
  crawlConcurrency: 4,
  heartbeatMillis: 1000,
  progressIntervalMillis: 250,
} satisfies Partial<ServiceOptions>;

/** The composition root of the domain: repositories and services over one database. */
export interface Services {
  database: Database;
  logger: Logger;
  users: UserRepository;
  auth: AuthService;
  dataSourceRepository: DataSourceRepository;
  dataSources: DataSourceService;
  health: HealthService;
  syncJobRepository: SyncJobRepository;
  syncJobs: SyncJobService;
  progressHub: ProgressHub;
  postingWrites: PostingWriteRepository;
  postingSearch: PostingSearchService;
  queue: SyncQueue;
  runner: SyncRunner;
  worker: SyncWorker;
  options: ServiceOptions;
}

export function createServices(database: Database, options: ServiceOptions, logger: Logger): Services {
  const users = new UserRepository(database.db);
  const tokens = new TokenService(options.jwtSecret, options.jwtExpiresSecs);
  const limiter = new LoginRateLimiter(options.loginMaxAttempts, options.loginWindowSecs * 1000);
  const dataSourceRepository = new DataSourceRepository(database.db);
  const syncJobRepository = new SyncJobRepository(database.db);
  const progressHub = new ProgressHub(syncJobRepository);
  const postingWrites = new PostingWriteRepository(database.db);
  const queue = new SyncQueue(database, logger);
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const runner = new SyncRunner(
    syncJobRepository,
    dataSourceRepository,
    postingWrites,
    {
      workerId,
      heartbeatMillis: options.heartbeatMillis,
      progressIntervalMillis: options.progressIntervalMillis,
      retention: options.syncRetention,
      runtime: {
        crawlConcurrency: options.crawlConcurrency,
        ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
      },
    },
    logger,
    (jobId) => progressHub.notify(jobId),
  );
  const worker = new SyncWorker(
    queue,
    runner,
    syncJobRepository,
    {
      concurrency: options.syncConcurrency,
      staleSecs: options.syncStaleSecs,
      reapAllAtStart: database.kind === "pglite",
    },
    logger,
  );
  return {
    database,
    logger,
    users,
    auth: new AuthService(users, tokens, limiter),
    dataSourceRepository,
    dataSources: new DataSourceService(dataSourceRepository, { allowPrivateHosts: options.allowPrivateHosts }),
    health: new HealthService(database),
    syncJobRepository,
    syncJobs: new SyncJobService(syncJobRepository, dataSourceRepository, {
      enqueue: (jobId) => queue.enqueue(jobId),
      cancelLocal: (jobId) => runner.cancelLocal(jobId),
    }),
    progressHub,
    postingWrites,
    postingSearch: new PostingSearchService(new PostingReadRepository(database.db)),
    queue,
    runner,
    worker,
    options,
  };
}

/** Start the queue (always: the API enqueues) and, when this process works, the worker. */
export async function startServices(services: Services, runWorker: boolean): Promise<void> {
  await services.queue.start();
  if (runWorker) await services.worker.start();
}

/** Stop in order: the worker (its sync jobs end as interrupted), the queue, the SSE hub. */
export async function stopServices(services: Services): Promise<void> {
  await services.worker.stop();
  await services.queue.stop();
  services.progressHub.close();
}
