import type { FastifyInstance } from "fastify";
import { startServices, stopServices } from "../../apps/server/src/app/service-lifecycle";
import type { ServiceOptions } from "../../apps/server/src/app/service-options";
import { createServices, type Services } from "../../apps/server/src/app/services";
import type { Database } from "../../apps/server/src/db/database";
import { openPostgres } from "../../apps/server/src/db/postgres";
import { buildApp } from "../../apps/server/src/http/app";
import { createLogger } from "../../apps/server/src/http/logger";
import { BENCH_SERVICE_OPTIONS, UNREACHED_PUBLIC_LIMITS } from "./bench-service-options";

/** B9's server over a postings corpus (and the profiling scripts that take its figures apart). */
export interface PostingsApp {
  database: Database;
  services: Services;
  app: FastifyInstance;
  close(): Promise<void>;
}

const ADMIN = { email: "bench-b9@example.com", password: "bench-password-1" };

/**
 * The API in this process over the corpus at `url` (10 connections), its per-IP public limits counted but never
 * reached (one load generator on one address), with `options` over the benchmarks' defaults.
 */
export async function openPostingsApp(url: string, options: Partial<ServiceOptions> = {}): Promise<PostingsApp> {
  const database = await openPostgres(url, 10);
  const services = createServices(
    database,
    { ...BENCH_SERVICE_OPTIONS, allowPrivateWebhooks: true, publicLimits: UNREACHED_PUBLIC_LIMITS, ...options },
    createLogger("silent"),
  );
  await startServices(services, false);
  const app = await buildApp(services, { webDistDir: "/nonexistent" });
  return {
    database,
    services,
    app,
    async close() {
      await app.close();
      await stopServices(services);
      await database.close();
    },
  };
}

/** A bearer token of the benchmarks' admin (created on first use). */
export async function benchAdminToken({ app, services }: Pick<PostingsApp, "app" | "services">): Promise<string> {
  await services.auth.createUser(ADMIN.email, ADMIN.password, "admin").catch(() => {});
  return (await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: ADMIN })).json().access_token;
}
