import type { FastifyPluginAsync } from "fastify";
import { AppError, notFound } from "../../errors/app-error";
import type { JobsyncMetrics } from "../../metrics/jobsync-metrics";
import { judgeScrape, type MetricsAccess } from "../../metrics/metrics-access";

/**
 * `GET /metrics` in the Prometheus text format. Off (404) unless METRICS_TOKEN is set (then `Authorization: Bearer
 * <METRICS_TOKEN>`, 401 otherwise) or METRICS_PUBLIC=1. Not an admin route: Prometheus holds no user token.
 */
export function metricsRoute(metrics: JobsyncMetrics, access: MetricsAccess): FastifyPluginAsync {
  return async (app) => {
    app.get(
      "/metrics",
      {
        config: { access: "public" },
        schema: {
          tags: ["health"],
          summary: "Prometheus metrics (off unless METRICS_TOKEN or METRICS_PUBLIC=1)",
          security: [{ bearer: [] }],
        },
      },
      async (request, reply) => {
        const verdict = judgeScrape(access, request.headers.authorization);
        if (verdict === "off") throw notFound("metrics are off: set METRICS_TOKEN (or METRICS_PUBLIC=1) to serve them");
        if (verdict === "unauthorized") {
          throw new AppError("unauthorized", "metrics need 'Authorization: Bearer <METRICS_TOKEN>'");
        }
        const text = await metrics.render();
        return reply.header("content-type", metrics.contentType).header("cache-control", "no-store").send(text);
      },
    );
  };
}
