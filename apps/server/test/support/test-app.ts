import { Writable } from "node:stream";
import { StaticResolver } from "@jobsync/crawler";
import type { FastifyInstance } from "fastify";
import { startServices, stopServices } from "../../src/app/service-lifecycle";
import { DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from "../../src/app/service-options";
import { createServices, type Services } from "../../src/app/services";
import type { Database } from "../../src/db/database";
import { buildApp } from "../../src/http/app";
import { createLogger } from "../../src/http/logger";
import { type DatabaseKind, openTestDatabase, type TestDatabase } from "./test-database";

export const ADMIN = { email: "admin@example.com", password: "admin-password-1" };
export const VIEWER = { email: "viewer@example.com", password: "viewer-password-1" };
export const TEST_JWT_SECRET = "test-secret-0123456789-0123456789-0123456789";

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: TestDatabase;
  adminToken: string;
  viewerToken: string;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** One app instance — services and HTTP app — over a database (a second one over the same database is "another
 * process" of the same deployment, as far as the app can tell). */
export interface TestInstance {
  app: FastifyInstance;
  services: Services;
  /** Every log line the app wrote. */
  logs: string[];
  /** Stops the app and its services (not the database). */
  close(): Promise<void>;
}

/** The tests' services and HTTP app over `database`, started as the server starts them. */
export async function startTestInstance(
  database: Database,
  options: Partial<ServiceOptions> = {},
  run: { worker?: boolean; webDistDir?: string } = {},
): Promise<TestInstance> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const services = createServices(
    database,
    {
      ...DEFAULT_SERVICE_OPTIONS,
      jwtSecret: TEST_JWT_SECRET,
      jwtExpiresSecs: 3600,
      loginMaxAttempts: 5,
      loginWindowSecs: 900,
      allowPrivateHosts: true,
      allowPrivateWebhooks: true,
      // the tests' own resolver: no name is ever asked of the outside network's DNS
      lookup: new StaticResolver({ localhost: ["127.0.0.1", "::1"] }).lookup,
      // every injected request comes from one address: the public per-IP limits are tested on their own
      publicLimits: { searchPerMinute: 1_000_000, exportPerHour: 1_000_000, publicExport: true },
      ...options,
    },
    createLogger("info", logStream),
  );
  await startServices(services, run.worker ?? false);
  const app = await buildApp(services, { webDistDir: run.webDistDir ?? "/nonexistent" });
  return {
    app,
    services,
    logs,
    async close() {
      await app.close();
      await stopServices(services);
    },
  };
}

/** The real HTTP app over a fresh database of its own, with an admin and a viewer account. */
export async function createTestApp(
  kind: DatabaseKind,
  options: Partial<ServiceOptions> = {},
  run: { worker?: boolean; webDistDir?: string; database?: TestDatabase } = {},
): Promise<TestApp> {
  const db = run.database ?? (await openTestDatabase(kind));
  const instance = await startTestInstance(db.database, options, run);
  const { app, services } = instance;
  await services.auth.createUser(ADMIN.email, ADMIN.password, "admin");
  await services.auth.createUser(VIEWER.email, VIEWER.password, "viewer");
  const login = async (who: typeof ADMIN) => {
    const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: who });
    return (response.json() as { access_token: string }).access_token;
  };
  const adminToken = await login(ADMIN);
  const viewerToken = await login(VIEWER);
  return {
    app,
    services,
    db,
    adminToken,
    viewerToken,
    logs: instance.logs,
    async close() {
      await instance.close();
      await db.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
