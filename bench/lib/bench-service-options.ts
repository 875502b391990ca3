import { DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from "../../apps/server/src/app/service-options";

/** The JWT secret of every benchmark's server, and of the processes it starts (`JWT_SECRET`). */
export const BENCH_JWT_SECRET = "bench-secret-0123456789-0123456789-0123456789";

/** The services' options of a benchmark: the defaults, a fixed secret, the fixture board on 127.0.0.1 allowed. */
export const BENCH_SERVICE_OPTIONS: ServiceOptions = {
  ...DEFAULT_SERVICE_OPTIONS,
  jwtSecret: BENCH_JWT_SECRET,
  jwtExpiresSecs: 3600,
  loginMaxAttempts: 5,
  loginWindowSecs: 900,
  allowPrivateHosts: true,
};

/** B9's public limits: one load generator on one address, so the per-IP limits are counted but never reached. */
export const UNREACHED_PUBLIC_LIMITS: ServiceOptions["publicLimits"] = {
  searchPerMinute: 100_000_000,
  exportPerHour: 1000,
  publicExport: true,
};
