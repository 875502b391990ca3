import { randomUUID } from "node:crypto";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { API_PATHS } from "@jobsync/contracts";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Services } from "../app/services";
import { type RouteAccess, registerAuthHook, routeAccess } from "./auth-hook";
import { frameworkErrorHandler, registerErrorHandler } from "./error-handler";
import { registerHttpMetrics } from "./http-metrics";
import { registerNulGuard } from "./nul-guard";
import { DEFAULT_PUBLIC_ADMISSION, PublicAdmission } from "./public-admission";
import { registerRateLimits } from "./public-rate-limits";
import { archiveRoutes } from "./routes/archive.routes";
import { auditRoutes } from "./routes/audit.routes";
import { authRoutes } from "./routes/auth.routes";
import { batchSyncRoutes } from "./routes/batch-sync.routes";
import { dataSourceRoutes } from "./routes/data-sources.routes";
import { exportRoutes } from "./routes/exports.routes";
import { healthRoutes } from "./routes/health.routes";
import { jobRoutes } from "./routes/jobs.routes";
import { metricsRoute } from "./routes/metrics.route";
import { notificationRoutes } from "./routes/notifications.routes";
import { postingsExpiryRoutes } from "./routes/postings-expiry.routes";
import { scheduleRunRoutes } from "./routes/schedule-runs.routes";
import { selectorPreviewRoute } from "./routes/selector-preview.route";
import { snapshotRoutes } from "./routes/snapshots.routes";
import { sourceHealthRoutes } from "./routes/source-health.routes";
import { syncJobEventsRoute } from "./routes/sync-job-events.route";
import { syncJobRoutes } from "./routes/sync-jobs.routes";
import { userRoutes } from "./routes/users.routes";
import { registerStaticWeb } from "./static-web";

export interface AppOptions {
  corsOrigins?: string;
  webDistDir: string;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its access level, so tests can walk them all. */
    registeredRoutes: RegisteredRoute[];
  }
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The HTTP application: plugins, one error handler, one auth hook, then the route modules. */
export async function buildApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
  });
  const routes: RegisteredRoute[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({ method, url: route.url, access: routeAccess(route.url, method, route.config?.access) });
    }
  });
  app.decorate("registeredRoutes", routes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // one line per request: changes and failures at info, reads (the UI polls) at debug
  app.addHook("onResponse", async (request, reply) => {
    const line = { req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) request.log.error(line, "request failed");
    else if (request.method !== "GET" || reply.statusCode >= 400) request.log.info(line, "request");
    else request.log.debug(line, "request");
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const origins = (options.corsOrigins ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  await app.register(cors, { origin: origins.length > 0 ? origins : false, credentials: false });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "jobsync API",
        version: "1.0.0",
        description: "Data sources, sync jobs with step-by-step progress, and job postings.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerErrorHandler(app);
  registerAuthHook(app, services.auth);
  registerNulGuard(app);
  await registerRateLimits(app, services.publicCounters);
  registerHttpMetrics(app, services.metrics);
  const admission = new PublicAdmission(
    { ...DEFAULT_PUBLIC_ADMISSION, queueTimeoutMillis: services.options.publicReads.queueTimeoutMillis },
    new Set([API_PATHS.jobPostings, API_PATHS.jobPosting, API_PATHS.jobPostingsExport]),
  );
  app.addHook("onRequest", admission.onAnyRequest);
  app.addHook("onClose", async () => admission.close());
  services.metrics.observePublicAdmission(() => admission.current);

  await app.register(healthRoutes(services.health));
  await app.register(authRoutes(services.auth));
  await app.register(dataSourceRoutes(services.dataSources));
  await app.register(selectorPreviewRoute(services.selectorPreview));
  await app.register(syncJobRoutes(services.syncJobs, services.progressSnapshots));
  await app.register(syncJobEventsRoute(services.syncJobs, services.progressHub, services.auth));
  await app.register(jobRoutes(services.postingSearch, services.options.publicLimits, admission));
  await app.register(scheduleRunRoutes(services.dataSources, services.scheduleRuns));
  await app.register(batchSyncRoutes(services.batches));
  await app.register(exportRoutes(services.exports, services.options.publicLimits));
  await app.register(notificationRoutes(services.notifications));
  await app.register(postingsExpiryRoutes(services.expirySweep));
  await app.register(userRoutes(services.userAdmin));
  await app.register(auditRoutes(services.audit));
  await app.register(metricsRoute(services.metrics, services.options.metricsAccess ?? { public: false }));
  await app.register(snapshotRoutes(services.snapshots));
  await app.register(sourceHealthRoutes(services.sourceHealth));
  await app.register(archiveRoutes(services.archive));

  await registerStaticWeb(app, options.webDistDir);
  return app;
}
