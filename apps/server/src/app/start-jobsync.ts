import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Env, envSchema } from "../config/env";
import { seedDemoSource } from "../data-sources/seed-demo";
import { seedTopcv } from "../data-sources/seed-topcv";
import type { Database } from "../db/database";
import { migrate } from "../db/migrate";
import { openDatabase } from "../db/open-database";
import { buildApp } from "../http/app";
import { createLogger } from "../http/logger";
import { DEFAULT_WEB_DIST } from "../http/static-web";
import { startDemoBoard } from "./demo-board";
import { embeddedJwtSecret } from "./jwt-secret";
import { startServices, stopServices } from "./service-lifecycle";
import { serviceOptionsFromEnv } from "./service-options";
import { createServices, type Services } from "./services";

export interface StartOptions {
  /** Any environment setting; unset ones take their defaults (never read from process.env here). */
  env?: Partial<Env>;
  dataDir?: string;
  databaseUrl?: string;
  host?: string;
  port?: number;
  adminEmail?: string;
  adminPassword?: string;
  demoBoard?: boolean;
  /** An already opened (and possibly migrated) database, for tests. */
  database?: Database;
  logStream?: NodeJS.WritableStream;
  /** Where start-up notices (generated admin password, URLs) are printed. */
  print?: (line: string) => void;
}

export interface RunningJobsync {
  url: string;
  app: FastifyInstance;
  services: Services;
  env: Env;
  demoBoardUrl: string | null;
  close(): Promise<void>;
}

export function resolveEnv(options: StartOptions): Env {
  const env = { ...envSchema.parse({}), ...options.env };
  if (options.dataDir !== undefined) env.DATA_DIR = options.dataDir;
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  if (options.host !== undefined) env.HOST = options.host;
  if (options.port !== undefined) env.PORT = options.port;
  if (options.adminEmail !== undefined) env.ADMIN_EMAIL = options.adminEmail;
  if (options.adminPassword !== undefined) env.ADMIN_PASSWORD = options.adminPassword;
  if (options.demoBoard !== undefined) env.DEMO_BOARD = options.demoBoard;
  return env;
}

/**
 * Start jobsync in one process: open and migrate the database, make sure an admin exists, seed TopCV (and the demo
 * source on the local fixture board), start the worker, and serve the API and the UI. Used by `npm start`, the tests
 * and the end-to-end tests.
 */
export async function startJobsync(options: StartOptions = {}): Promise<RunningJobsync> {
  const env = resolveEnv(options);
  const print = options.print ?? (() => {});
  const dataDir = resolve(env.DATA_DIR);
  const logger = createLogger(env.LOG_LEVEL, options.logStream);
  const database = options.database ?? (await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir }));
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
  };
  if (!options.database) closers.push(() => database.close());
  try {
    await migrate(database);
    const jwtSecret = env.JWT_SECRET ?? embeddedJwtSecret(dataDir);
    const services = createServices(database, serviceOptionsFromEnv(env, jwtSecret), logger);

    const admin = await services.auth.ensureAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    if (admin?.password) {
      print(`Created admin account ${admin.email} with password ${admin.password}`);
      print("  (shown once; change it with: npm run cli -- users:reset-password --email admin@localhost)");
    } else if (admin) {
      print(`Created admin account ${admin.email} (password from ADMIN_PASSWORD)`);
    }
    await seedTopcv(services.dataSourceRepository);

    let demoBoardUrl: string | null = null;
    if (env.DEMO_BOARD) {
      const board = await startDemoBoard(env.DEMO_BOARD_PORT, env.HOST, env.DEMO_BOARD_ADMIN);
      closers.push(() => board.close());
      services.network.exemptEndpoint(board.host, board.port);
      demoBoardUrl = board.url;
      await seedDemoSource(services.dataSourceRepository, board.url);
    }

    closers.push(() => stopServices(services));
    services.metrics.describe({ role: env.WORKERS > 0 ? "api+worker" : "api", database: database.kind });
    await startServices(services, env.WORKERS > 0);

    const app = await buildApp(services, {
      corsOrigins: env.CORS_ORIGINS,
      webDistDir: env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST,
    });
    closers.push(() => app.close());
    await app.listen({ host: env.HOST, port: env.PORT });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const host = env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
    const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
    return { url, app, services, env, demoBoardUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
