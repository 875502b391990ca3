import { hostname } from "node:os";
import type { NetworkPolicy } from "@jobsync/crawler";
import type { Logger } from "pino";
import { ArchiveRepository } from "../archive/archive.repository";
import { ArchiveService } from "../archive/archive.service";
import { ArchiveFiles } from "../archive/archive-files";
import { SyncArchives } from "../archive/sync-archives";
import { AuditService } from "../audit/audit.service";
import { AuditLogRepository } from "../audit/audit-log.repository";
import { AuditPruneJob } from "../audit/audit-prune-job";
import { AuditTrail } from "../audit/audit-trail";
import { AuthService } from "../auth/auth.service";
import { LiveSessions } from "../auth/live-sessions";
import { LoginRateLimiter } from "../auth/login-rate-limiter";
import { SessionRepository } from "../auth/session.repository";
import { SessionChanges } from "../auth/session-changes";
import { TokenService } from "../auth/token-service";
import { UserRepository } from "../auth/user.repository";
import { UserAdminService } from "../auth/user-admin.service";
import { BatchSyncService } from "../batches/batch-sync.service";
import { hostPolicy, privateUrlReason, webhookPolicy } from "../data-sources/base-url-policy";
import { DataSourceRepository } from "../data-sources/data-source.repository";
import { DataSourceService } from "../data-sources/data-source.service";
import { SelectorPreviewService } from "../data-sources/selector-preview.service";
import { SourceHealthTracker } from "../data-sources/source-health";
import { SourceHealthService } from "../data-sources/source-health.service";
import type { Database } from "../db/database";
import { openReadLane } from "../db/open-read-lane";
import type { ReadLane } from "../db/read-lane";
import { ExportRepository } from "../exports/export.repository";
import { ExportService } from "../exports/export.service";
import { JobsyncMetrics } from "../metrics/jobsync-metrics";
import { SyncMetricsObserver } from "../metrics/sync-observer";
import { createChannelSenders } from "../notifications/channel-senders";
import { createMailer } from "../notifications/mailer";
import { NotificationService } from "../notifications/notification.service";
import { NotificationChannelRepository } from "../notifications/notification-channel.repository";
import { NotificationDeliveryRepository } from "../notifications/notification-delivery.repository";
import { NotificationDispatcher } from "../notifications/notification-dispatcher";
import { NotificationQueue } from "../notifications/notification-queue";
import { SyncJobNotifier } from "../notifications/sync-job-notifier";
import { AbsenceExpiry } from "../postings/expiry/absence-expiry";
import { AbsenceExpiryRepository } from "../postings/expiry/absence-expiry.repository";
import { ExpiryJob } from "../postings/expiry/expiry-job";
import { ExpirySweep } from "../postings/expiry/expiry-sweep";
import { KnownPostingsRepository } from "../postings/known-postings.repository";
import { PageStarts } from "../postings/page-starts";
import { PostingChanges } from "../postings/posting-changes";
import { PostingListRepository } from "../postings/posting-list.repository";
import { PostingReadRepository } from "../postings/posting-read.repository";
import { PostingSearchService } from "../postings/posting-search.service";
import { PostingTotals } from "../postings/posting-totals";
import { PostingWriteRepository } from "../postings/posting-write.repository";
import { JobQueue } from "../queue/job-queue";
import { BatchedCounters } from "../rate-limit/batched-counters";
import { RateLimitRepository } from "../rate-limit/rate-limit.repository";
import { ScheduleRunRepository } from "../schedules/schedule-run.repository";
import { SyncScheduler } from "../schedules/sync-scheduler";
import { BatchSaveRepository } from "../sync/checkpoint/batch-save.repository";
import { CheckpointRepository } from "../sync/checkpoint/checkpoint.repository";
import { SyncJobEndHandler } from "../sync/ending/sync-job-end-handler";
import { SyncOutboxRepository } from "../sync/ending/sync-outbox.repository";
import { ProgressHub } from "../sync/events/progress-hub";
import { ProgressSnapshots } from "../sync/events/progress-snapshots";
import { SyncJobChanges } from "../sync/events/sync-job-changes";
import { BaselineRepository } from "../sync/quality/baseline.repository";
import { SnapshotRepository } from "../sync/quality/snapshot.repository";
import { SnapshotService } from "../sync/quality/snapshot.service";
import { SyncJobRepository } from "../sync/sync-job.repository";
import { SyncJobService } from "../sync/sync-job.service";
import { SyncJobTransitions } from "../sync/sync-job-transitions";
import { SyncQueue } from "../sync/sync-queue";
import { SyncRunner } from "../sync/sync-runner";
import { SyncWorker } from "../sync/sync-worker";
import { HealthService } from "./health.service";
import type { ServiceOptions } from "./service-options";

/** The composition root of the domain: repositories and services over one database. */
export interface Services {
  database: Database;
  logger: Logger;
  users: UserRepository;
  auth: AuthService;
  /** The Users page. */
  userAdmin: UserAdminService;
  /** Every admin action, written in the transaction of its change. */
  auditLog: AuditLogRepository;
  audit: AuditService;
  auditPrune: AuditPruneJob;
  dataSourceRepository: DataSourceRepository;
  dataSources: DataSourceService;
  /** "Test selectors" of css sources. */
  selectorPreview: SelectorPreviewService;
  health: HealthService;
  syncJobRepository: SyncJobRepository;
  /** The lifecycle: the only writer of a sync job's status. */
  syncJobTransitions: SyncJobTransitions;
  syncJobs: SyncJobService;
  snapshots: SnapshotService;
  sourceHealth: SourceHealthService;
  /** What follows the end of a sync job (source health, notifications), from the outbox. */
  syncJobEnds: SyncJobEndHandler;
  progressHub: ProgressHub;
  /** Where this process hears that a session or a user changed (LISTEN/NOTIFY, migration 0011). */
  sessionChanges: SessionChanges;
  postingChanges: PostingChanges;
  /** The sessions this process's requests used, held in memory (B5). */
  liveSessions: LiveSessions;
  /** Where this process hears that a sync job changed (its own writes; others' by LISTEN/NOTIFY). */
  syncJobChanges: SyncJobChanges;
  /** GET of a sync job answered from memory, read once per change (B5). */
  progressSnapshots: ProgressSnapshots;
  postingWrites: PostingWriteRepository;
  postingSearch: PostingSearchService;
  /** Where the public API reads: apart from the admin's connections (see db/read-lane.ts). */
  publicReads: ReadLane;
  /** Counters of the rate limits (login, public API), shared by every API process. */
  rateLimits: RateLimitRepository;
  /** The public API's per-IP counters (batched into `rateLimits`). */
  publicCounters: BatchedCounters;
  /** The one owner of pg-boss. */
  jobQueue: JobQueue;
  /** This process's Prometheus metrics (served at /metrics, or on METRICS_PORT by a worker). */
  metrics: JobsyncMetrics;
  queue: SyncQueue;
  runner: SyncRunner;
  worker: SyncWorker;
  scheduleRuns: ScheduleRunRepository;
  scheduler: SyncScheduler;
  batches: BatchSyncService;
  exports: ExportService;
  notifications: NotificationService;
  notificationQueue: NotificationQueue;
  notificationDispatcher: NotificationDispatcher;
  notificationDeliveries: NotificationDeliveryRepository;
  /** Closes postings past their deadline or gone from their board: hourly (worker) and `npm run cli -- expire`. */
  expirySweep: ExpirySweep;
  expiryJob: ExpiryJob;
  /** Who a data source makes us connect to (the demo board's endpoint is exempted here once it listens). */
  network: NetworkPolicy;
  options: ServiceOptions;
  /** The page archives (null when no ARCHIVE_DIR is configured) and their admin side. */
  archives: SyncArchives | null;
  archive: ArchiveService;
}

export function createServices(database: Database, options: ServiceOptions, logger: Logger): Services {
  const users = new UserRepository(database.db);
  const sessions = new SessionRepository(database.db);
  const sessionChanges = new SessionChanges(database);
  const postingChanges = new PostingChanges(database);
  const liveSessions = new LiveSessions((id) => sessions.live(id), sessionChanges);
  const auditLog = new AuditLogRepository(database.db);
  const auditTrail = new AuditTrail(database.db, auditLog);
  const tokens = new TokenService(options.jwtSecret, options.jwtExpiresSecs);
  const rateLimits = new RateLimitRepository(database.db);
  const limiter = new LoginRateLimiter(options.loginMaxAttempts, options.loginWindowSecs * 1000, rateLimits);
  const publicReads = openReadLane(database, options.publicReads);
  const dataSourceRepository = new DataSourceRepository(database.db);
  const syncJobRepository = new SyncJobRepository(database.db);
  const syncJobChanges = new SyncJobChanges(database);
  const transitions = new SyncJobTransitions(database.db, (jobId, version) => syncJobChanges.emit(jobId, version));
  const progressHub = new ProgressHub(syncJobRepository);
  syncJobChanges.on((jobId) => progressHub.notify(jobId));
  const progressSnapshots = new ProgressSnapshots((jobId) => syncJobRepository.findProgress(jobId), syncJobChanges);
  const postingWrites = new PostingWriteRepository(database.db);
  const jobQueue = new JobQueue(database, logger);
  const metrics = new JobsyncMetrics({
    syncJobCounts: () => syncJobRepository.countsBySourceAndStatus(),
    queueBacklog: () => jobQueue.backlog(),
  });
  metrics.describe({ role: "api+worker", database: database.kind });
  const queue = new SyncQueue(jobQueue);
  const knownPostings = new KnownPostingsRepository(database.db);
  const checkpoints = new CheckpointRepository(database.db);
  const snapshots = new SnapshotRepository(database.db);
  const baselines = new BaselineRepository(database.db);
  const absenceExpiry = new AbsenceExpiry(new AbsenceExpiryRepository(database.db), baselines, syncJobRepository);
  const network = hostPolicy(options);
  const archives = options.archiveDir
    ? new SyncArchives(new ArchiveFiles(options.archiveDir), new ArchiveRepository(database.db), (id, version) =>
        syncJobChanges.emit(id, version),
      )
    : null;
  const webhooks = webhookPolicy(options);
  const expirySweep = new ExpirySweep(database.db, {
    network,
    timeoutMillis: 15_000,
    concurrency: 4,
    audit: auditLog,
    absence: absenceExpiry,
  });
  const urlPolicy = (url: string) => privateUrlReason(url, webhooks);
  const channelRepository = new NotificationChannelRepository(database.db);
  const deliveryRepository = new NotificationDeliveryRepository(database.db);
  const notificationQueue = new NotificationQueue(jobQueue, {
    maxAttempts: options.notificationMaxAttempts,
    retryDelaySecs: options.notificationRetryDelaySecs,
  });
  const notificationDispatcher = new NotificationDispatcher(
    deliveryRepository,
    channelRepository,
    createChannelSenders({
      timeoutMillis: 10_000,
      mailer: options.smtpUrl ? createMailer(options.smtpUrl) : null,
      mailFrom: options.smtpFrom ?? "jobsync <jobsync@localhost>",
      network: webhooks,
    }),
    options.notificationMaxAttempts,
    logger,
    (channelType, outcome) => metrics.deliveries.inc({ channel_type: channelType, outcome }),
  );
  const syncJobEnds = new SyncJobEndHandler(
    database.db,
    new SyncOutboxRepository(database.db),
    new SourceHealthTracker(database.db),
    absenceExpiry,
    new SyncJobNotifier(syncJobRepository, channelRepository, deliveryRepository),
    notificationQueue,
    logger,
  );
  syncJobEnds.onEnded((job) => metrics.syncJobsEnded.inc({ source: job.siteName, status: job.status }));
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const runner = new SyncRunner(
    {
      transitions,
      syncJobs: syncJobRepository,
      dataSources: dataSourceRepository,
      postings: postingWrites,
      batches: new BatchSaveRepository(database.db, postingWrites, checkpoints),
      checkpoints,
      snapshots,
      baselines,
    },
    {
      workerId,
      heartbeatMillis: options.heartbeatMillis,
      progressIntervalMillis: options.progressIntervalMillis,
      retention: options.syncRetention,
      runtime: {
        crawlConcurrency: options.crawlConcurrency,
        batchSize: options.syncBatchSize,
        knownExternalIds: (id, ids) => knownPostings.knownExternalIds(id, ids),
        network,
        pageBlocked: (source) => metrics.blockedPages.inc({ source }),
        ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
        ...(archives ? { archives } : {}),
      },
    },
    logger,
    {
      observer: new SyncMetricsObserver(metrics),
      changed: (jobId) => progressHub.notify(jobId),
      ended: () => syncJobEnds.kick(),
    },
  );
  const worker = new SyncWorker(
    queue,
    runner,
    transitions,
    syncJobEnds,
    {
      concurrency: options.syncConcurrency,
      staleSecs: options.syncStaleSecs,
      reapAllAtStart: database.kind === "pglite",
    },
    logger,
  );
  const syncJobs = new SyncJobService(
    syncJobRepository,
    transitions,
    dataSourceRepository,
    checkpoints,
    {
      enqueue: (jobId) => queue.enqueue(jobId),
      cancelLocal: (jobId) => runner.cancelLocal(jobId),
      ended: () => syncJobEnds.kick(),
    },
    { maxAttempts: options.syncMaxAttempts, archives },
    auditLog,
  );
  const scheduleRuns = new ScheduleRunRepository(database.db);
  const scheduler = new SyncScheduler(jobQueue, scheduleRuns, dataSourceRepository, syncJobs, logger, {
    refreshMillis: 5_000,
  });
  return {
    database,
    logger,
    users,
    auth: new AuthService({ db: database.db, users, sessions, liveSessions, audit: auditLog }, tokens, limiter),
    sessionChanges,
    postingChanges,
    liveSessions,
    userAdmin: new UserAdminService(database.db, users, sessions, auditLog, liveSessions),
    auditLog,
    audit: new AuditService(auditLog),
    auditPrune: new AuditPruneJob(jobQueue, auditLog, options.auditRetentionDays, logger),
    dataSourceRepository,
    dataSources: new DataSourceService(
      dataSourceRepository,
      { network },
      auditTrail,
      scheduler,
      new PostingTotals(postingChanges),
    ),
    selectorPreview: new SelectorPreviewService({
      network,
      ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
    }),
    health: new HealthService(database),
    syncJobRepository,
    syncJobTransitions: transitions,
    syncJobs,
    snapshots: new SnapshotService(snapshots, syncJobRepository),
    sourceHealth: new SourceHealthService(dataSourceRepository, baselines),
    syncJobEnds,
    scheduleRuns,
    scheduler,
    batches: new BatchSyncService(syncJobs, syncJobRepository),
    exports: new ExportService(new ExportRepository(database.db, publicReads), syncJobs),
    progressHub,
    syncJobChanges,
    progressSnapshots,
    postingWrites,
    postingSearch: new PostingSearchService(
      new PostingListRepository(publicReads),
      new PostingReadRepository(publicReads),
      new PageStarts(),
      new PostingTotals(postingChanges),
    ),
    publicReads,
    rateLimits,
    publicCounters: new BatchedCounters(rateLimits),
    jobQueue,
    metrics,
    queue,
    runner,
    worker,
    notifications: new NotificationService(
      channelRepository,
      deliveryRepository,
      dataSourceRepository,
      {
        urlPolicy,
        smtpConfigured: Boolean(options.smtpUrl),
      },
      auditTrail,
    ),
    notificationQueue,
    notificationDispatcher,
    notificationDeliveries: deliveryRepository,
    expirySweep,
    expiryJob: new ExpiryJob(jobQueue, expirySweep, { recheckLimit: 200, staleHours: 24 }, logger),
    network,
    options,
    archives,
    archive: new ArchiveService(archives, syncJobRepository),
  };
}
