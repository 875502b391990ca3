import type { FastifyInstance } from "fastify";
import type { JobsyncMetrics } from "../metrics/jobsync-metrics";

/** Every answered request in the latency histogram, by its route pattern (never the raw URL: ids would explode it). */
export function registerHttpMetrics(app: FastifyInstance, metrics: JobsyncMetrics): void {
  app.addHook("onResponse", async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
