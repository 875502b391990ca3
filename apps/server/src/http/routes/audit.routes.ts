import { API_PATHS, auditListQuerySchema, auditListSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AuditService } from "../../audit/audit.service";

export function auditRoutes(service: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.audit,
      {
        config: { access: "admin" },
        schema: {
          tags: ["audit"],
          security: [{ bearer: [] }],
          summary: "The audit log, newest first: filter by actor, action, object and time; page with next_cursor",
          querystring: auditListQuerySchema,
          response: { 200: auditListSchema },
        },
      },
      async (request) => service.list(request.query),
    );
  };
}
