import {
  API_PATHS,
  createDataSourceSchema,
  dataSourceListSchema,
  dataSourceSchema,
  siteNameParamsSchema,
  updateDataSourceSchema,
} from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DataSourceService } from "../../data-sources/data-source.service";
import { requestActor } from "../request-actor";

const tags = ["data sources"];
const security = [{ bearer: [] }];

export function dataSourceRoutes(service: DataSourceService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.dataSources,
      { schema: { tags, security, summary: "List data sources", response: { 200: dataSourceListSchema } } },
      async () => ({ items: await service.list() }),
    );
    app.post(
      API_PATHS.dataSources,
      {
        schema: {
          tags,
          security,
          summary: "Create a data source; its config is validated for its kind",
          body: createDataSourceSchema,
          response: { 201: dataSourceSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(request.body, requestActor(request))),
    );
    app.get(
      API_PATHS.dataSource,
      {
        schema: {
          tags,
          security,
          summary: "One data source",
          params: siteNameParamsSchema,
          response: { 200: dataSourceSchema },
        },
      },
      async (request) => service.get(request.params.site_name),
    );
    app.patch(
      API_PATHS.dataSource,
      {
        schema: {
          tags,
          security,
          summary: "Update base_url, is_active or config (config keys are merged, then validated)",
          params: siteNameParamsSchema,
          body: updateDataSourceSchema,
          response: { 200: dataSourceSchema },
        },
      },
      async (request) => service.update(request.params.site_name, request.body, requestActor(request)),
    );
    app.delete(
      API_PATHS.dataSource,
      {
        schema: {
          tags,
          security,
          summary: "Delete a data source with its sync jobs and postings (409 while a sync job of it is active)",
          params: siteNameParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.delete(request.params.site_name, requestActor(request));
        return reply.status(204).send(null);
      },
    );
  };
}
