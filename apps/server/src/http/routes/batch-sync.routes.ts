import {
  API_PATHS,
  apiErrorSchema,
  batchIdParamsSchema,
  batchProgressSchema,
  batchSyncRequestSchema,
  batchSyncResponseSchema,
} from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { BatchSyncService } from "../../batches/batch-sync.service";
import { requestActor } from "../request-actor";

const tags = ["sync jobs"];
const security = [{ bearer: [] }];

export function batchSyncRoutes(service: BatchSyncService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      API_PATHS.batchSync,
      {
        schema: {
          tags,
          security,
          summary: "Start sync jobs for several data sources as one batch",
          description:
            "202 with one result per requested source: `started` (with the new sync job), `inactive`, `already_active` (with the active sync job's id) or `unknown`. `batch_id` is null when nothing was started. The sync jobs run under the workers' usual concurrency.",
          body: batchSyncRequestSchema,
          response: { 202: batchSyncResponseSchema, 400: apiErrorSchema },
        },
      },
      async (request, reply) => reply.status(202).send(await service.start(request.body, requestActor(request))),
    );
    app.get(
      API_PATHS.syncBatch,
      {
        schema: {
          tags,
          security,
          summary: "Progress of a batch: each sync job's progress and a combined summary",
          params: batchIdParamsSchema,
          response: { 200: batchProgressSchema },
        },
      },
      async (request) => service.get(request.params.batch_id),
    );
  };
}
