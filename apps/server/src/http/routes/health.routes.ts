import { apiErrorSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { HealthService } from "../../app/health.service";

export function healthRoutes(health: HealthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      {
        schema: {
          tags: ["health"],
          summary: "The process is up",
          response: { 200: z.object({ status: z.literal("ok") }) },
        },
      },
      async () => ({ status: "ok" as const }),
    );
    app.get(
      "/readyz",
      {
        schema: {
          tags: ["health"],
          summary: "The database is reachable and migrated (503 otherwise)",
          response: {
            200: z.object({ status: z.literal("ready"), database: z.string(), migrations: z.int() }),
            503: apiErrorSchema,
          },
        },
      },
      async (_request, reply) => {
        const state = await health.readiness();
        if (!state.ready) {
          return reply.status(503).send({ error: { code: "service_unavailable" as const, message: state.reason } });
        }
        return { status: "ready" as const, database: state.database, migrations: state.migrations };
      },
    );
  };
}
