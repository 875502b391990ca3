import { join, resolve } from "node:path";
import type { Env } from "../config/env";
import type { NetworkSettings } from "../data-sources/base-url-policy";
import { DEFAULT_READ_LANE_OPTIONS, type ReadLaneOptions } from "../db/read-lane";
import type { MetricsAccess } from "../metrics/metrics-access";
import { demoBoardEndpoint } from "./demo-board";

export interface ServiceOptions extends NetworkSettings {
  jwtSecret: string;
  jwtExpiresSecs: number;
  loginMaxAttempts: number;
  loginWindowSecs: number;
  syncConcurrency: number;
  syncStaleSecs: number;
  syncRetention: number;
  /** Attempts per sync job: a worker that stops mid-sync hands it to the next attempt, resumed from its checkpoint. */
  syncMaxAttempts: number;
  /** Postings per streamed batch (and per checkpoint). */
  syncBatchSize: number;
  chromiumPath?: string;
  /** Requests in flight per sync job. */
  crawlConcurrency: number;
  heartbeatMillis: number;
  progressIntervalMillis: number;
  /** E-mail notifications: smtp(s):// URL (unset: e-mail channels fail with that reason) and the From address. */
  smtpUrl?: string;
  smtpFrom?: string;
  /** Notification deliveries: attempts in all, and the first retry's delay (doubling after). */
  notificationMaxAttempts: number;
  notificationRetryDelaySecs: number;
  /** AUDIT_RETENTION_DAYS: audit rows older than this are deleted daily. */
  auditRetentionDays: number;
  /** The public API's read lane: its own connections, statement timeout and queue bound. */
  publicReads: ReadLaneOptions;
  publicLimits: PublicLimits;
  /** Who may read /metrics (METRICS_TOKEN, METRICS_PUBLIC); off when not given. */
  metricsAccess?: MetricsAccess;
  /** Where page archives are written (ARCHIVE_DIR, default DATA_DIR/archive); absent: no archives, no re-process. */
  archiveDir?: string;
}

/** Per-IP limits of the public API, and whether anyone may export (else a user token is needed). */
export interface PublicLimits {
  searchPerMinute: number;
  exportPerHour: number;
  publicExport: boolean;
}

export const DEFAULT_SERVICE_OPTIONS = {
  syncConcurrency: 2,
  syncStaleSecs: 60,
  syncRetention: 50,
  syncMaxAttempts: 3,
  syncBatchSize: 50,
  crawlConcurrency: 4,
  heartbeatMillis: 1000,
  progressIntervalMillis: 250,
  notificationMaxAttempts: 6,
  notificationRetryDelaySecs: 5,
  auditRetentionDays: 365,
  publicReads: DEFAULT_READ_LANE_OPTIONS,
  publicLimits: { searchPerMinute: 120, exportPerHour: 10, publicExport: true },
} satisfies Partial<ServiceOptions>;

/** The services' options from the validated environment (one mapping for `npm start` and `npm run worker`). */
export function serviceOptionsFromEnv(env: Env, jwtSecret: string): ServiceOptions {
  return {
    ...DEFAULT_SERVICE_OPTIONS,
    jwtSecret,
    jwtExpiresSecs: env.JWT_EXPIRES_SECS,
    loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS,
    loginWindowSecs: env.LOGIN_WINDOW_SECS,
    ...networkSettingsFromEnv(env),
    syncConcurrency: env.SYNC_CONCURRENCY,
    syncStaleSecs: env.SYNC_STALE_SECS,
    syncRetention: env.SYNC_RETENTION,
    syncMaxAttempts: env.SYNC_MAX_ATTEMPTS,
    syncBatchSize: env.SYNC_BATCH_SIZE,
    ...(env.CHROMIUM_PATH ? { chromiumPath: env.CHROMIUM_PATH } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.SMTP_FROM ? { smtpFrom: env.SMTP_FROM } : {}),
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    publicReads: {
      size: env.PUBLIC_DB_POOL_SIZE,
      statementTimeoutMillis: env.PUBLIC_STATEMENT_TIMEOUT_MILLIS,
      queueTimeoutMillis: env.PUBLIC_STATEMENT_TIMEOUT_MILLIS,
    },
    publicLimits: {
      searchPerMinute: env.PUBLIC_SEARCH_PER_MINUTE,
      exportPerHour: env.PUBLIC_EXPORT_PER_HOUR,
      publicExport: env.PUBLIC_EXPORT,
    },
    metricsAccess: { public: env.METRICS_PUBLIC, ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}) },
    archiveDir: archiveDirFromEnv(env),
  };
}

/** Who syncs, webhooks and the CLI may connect to, from the environment (one mapping for every process). */
export function networkSettingsFromEnv(env: Env): NetworkSettings {
  return {
    allowPrivateHosts: env.ALLOW_PRIVATE_HOSTS,
    allowPrivateWebhooks: env.ALLOW_PRIVATE_WEBHOOKS,
    // the demo board (TopCV-Demo's pages) is reachable whatever ALLOW_PRIVATE_HOSTS says; on port 0, once it listens
    ...(env.DEMO_BOARD && env.DEMO_BOARD_PORT > 0 ? { privateEndpoints: [demoBoardEndpoint(env)] } : {}),
  };
}

/** ARCHIVE_DIR, or DATA_DIR/archive. */
export function archiveDirFromEnv(env: Env): string {
  return resolve(env.ARCHIVE_DIR ?? join(env.DATA_DIR, "archive"));
}
