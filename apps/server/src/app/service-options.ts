import { join, resolve } from "node:path";
import type { Env } from "../config/env";
import type { NetworkSettings } from "../data-sources/base-url-policy";
import { demoBoardEndpoint } from "./demo-board";
import { DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from "./services";

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
