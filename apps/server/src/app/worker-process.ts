import { loadEnvOrExit } from "../config/env";
import { migrate } from "../db/migrate";
import { openPostgres } from "../db/postgres";
import { createLogger } from "../http/logger";
import { metricsEnabled } from "../metrics/metrics-access";
import { startMetricsServer } from "../metrics/metrics-server";
import { startServices, stopServices } from "./service-lifecycle";
import { serviceOptionsFromEnv } from "./service-options";
import { createServices } from "./services";

/**
 * `npm run worker`: a sync worker process for PostgreSQL mode (run N of them on N machines). It takes sync jobs from
 * the queue, SYNC_CONCURRENCY at a time, and reaps sync jobs whose worker died. No API: only /metrics on METRICS_PORT.
 */
async function main() {
  const env = loadEnvOrExit();
  if (!env.DATABASE_URL || !env.JWT_SECRET) {
    console.error(
      "npm run worker needs DATABASE_URL (PostgreSQL) and JWT_SECRET: the embedded database allows one process, " +
        "so in embedded mode the worker runs inside npm start.",
    );
    process.exit(1);
  }
  const jwtSecret = env.JWT_SECRET;
  const logger = createLogger(env.LOG_LEVEL);
  const database = await openPostgres(env.DATABASE_URL);
  await migrate(database);
  const options = serviceOptionsFromEnv(env, jwtSecret);
  const services = createServices(database, options, logger);
  services.metrics.describe({ role: "worker", database: "postgres" });
  await startServices(services, true);
  // no API here: the worker's metrics have a port of their own
  const metricsServer =
    env.METRICS_PORT > 0 && options.metricsAccess && metricsEnabled(options.metricsAccess)
      ? await startMetricsServer(services.metrics, options.metricsAccess, env.METRICS_PORT, env.HOST)
      : null;
  if (metricsServer) logger.info({ url: `${metricsServer.url}/metrics` }, "worker metrics listening");
  logger.info({ concurrency: env.SYNC_CONCURRENCY, node: process.version }, "sync worker ready");
  console.log(
    `jobsync worker ready (pid ${process.pid}, Node ${process.version}, ${env.SYNC_CONCURRENCY} sync jobs at a time)`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping worker");
    await metricsServer?.close();
    await stopServices(services);
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Runs `npm run worker`'s process; exits 1 with the reason when it cannot start. */
export function runWorkerProcess(): Promise<void> {
  return main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
