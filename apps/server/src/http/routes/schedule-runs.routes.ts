import { API_PATHS, scheduleRunListQuerySchema, scheduleRunListSchema, siteNameParamsSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { DataSourceService } from "../../data-sources/data-source.service";
import type { ScheduleRunRepository } from "../../schedules/schedule-run.repository";

export function scheduleRunRoutes(dataSources: DataSourceService, runs: ScheduleRunRepository): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.scheduleRuns,
      {
        schema: {
          tags: ["data sources"],
          security: [{ bearer: [] }],
          summary: "Fires of the data source's schedule, newest first",
          description:
            "One entry per tick: `started` with the sync job it started, `skipped_active` with the sync job that was still active, `skipped_inactive`, or `failed`.",
          params: siteNameParamsSchema,
          querystring: scheduleRunListQuerySchema,
          response: { 200: scheduleRunListSchema },
        },
      },
      async (request) => {
        const source = await dataSources.getRow(request.params.site_name);
        return { items: await runs.list(source.id, request.query.limit) };
      },
    );
  };
}
