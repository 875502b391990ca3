import type { Env } from "../config/env";
import { DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from "./services";

/** The services' options from the validated environment (one mapping for `npm start` and `npm run worker`). */
export function serviceOptionsFromEnv(env: Env, jwtSecret: string): ServiceOptions {
  return {
    ...DEFAULT_SERVICE_OPTIONS,
    jwtSecret,
    jwtExpiresSecs: env.JWT_EXPIRES_SECS,
    loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS,
    loginWindowSecs: env.LOGIN_WINDOW_SECS,
    allowPrivateHosts: env.ALLOW_PRIVATE_HOSTS,
    syncConcurrency: env.SYNC_CONCURRENCY,
    syncStaleSecs: env.SYNC_STALE_SECS,
    syncRetention: env.SYNC_RETENTION,
    syncMaxAttempts: env.SYNC_MAX_ATTEMPTS,
    syncBatchSize: env.SYNC_BATCH_SIZE,
    ...(env.CHROMIUM_PATH ? { chromiumPath: env.CHROMIUM_PATH } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.SMTP_FROM ? { smtpFrom: env.SMTP_FROM } : {}),
  };
}
