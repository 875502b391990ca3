import { API_PATHS, siteNameParamsSchema, sourceHealthReportSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SourceHealthService } from "../../data-sources/source-health.service";

/** The source page's data: health, baseline, the last sync jobs with their fill rates. */
export function sourceHealthRoutes(service: SourceHealthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.sourceHealth,
      {
        schema: {
          tags: ["data sources"],
          security: [{ bearer: [] }],
          summary: "Source health: status and reason, the learned baseline, and the last 20 sync jobs",
          params: siteNameParamsSchema,
          response: { 200: sourceHealthReportSchema },
        },
      },
      async (request) => service.report(request.params.site_name),
    );
  };
}
