import {
  API_PATHS,
  apiErrorSchema,
  type CrawlJobProgress,
  crawlJobProgressSchema,
  jobIdParamsSchema,
  siteNameParamsSchema,
  syncJobListQuerySchema,
  syncJobListSchema,
  syncJobRequestSchema,
  syncJobResponseSchema,
} from "@jobsync/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../errors/app-error";
import type { ProgressSnapshots } from "../../sync/events/progress-snapshots";
import type { SyncJobService } from "../../sync/sync-job.service";
import { principalOf } from "../auth-hook";
import { noneMatchHits } from "../conditional-get";
import { requestActor } from "../request-actor";

const tags = ["sync jobs"];
const security = [{ bearer: [] }];

/** The guide's endpoints, under /api/v1. GET of one sync job is answered from its progress snapshot, with an ETag. */
export function syncJobRoutes(service: SyncJobService, snapshots: ProgressSnapshots): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      API_PATHS.startSync,
      {
        schema: {
          tags,
          security,
          summary: "Start a sync job for a data source",
          description:
            "202 with the new sync job. 404 unknown source; 409 `data_source_inactive`; 409 `sync_job_active` with the active sync job's `job_id` in `details`.",
          params: siteNameParamsSchema,
          body: syncJobRequestSchema.nullish(),
          response: { 202: syncJobResponseSchema, 409: apiErrorSchema },
        },
      },
      async (request, reply) => {
        const started = await service.start(request.params.site_name, request.body ?? {}, requestActor(request));
        return reply.status(202).send(started);
      },
    );
    app.get(
      API_PATHS.syncJobs,
      {
        schema: {
          tags,
          security,
          summary:
            "Active sync jobs; with ?status= (all, completed, failed, ...) and ?site_name= the history, newest first",
          querystring: syncJobListQuerySchema,
          response: { 200: syncJobListSchema },
        },
      },
      async (request) => service.list(request.query),
    );
    app.get(
      API_PATHS.syncJob,
      {
        schema: {
          tags,
          security,
          summary: "Progress of one sync job (CrawlJobProgress)",
          description:
            "With an `ETag`; `If-None-Match` with the ETag of the last answer gets 304 Not Modified while nothing changed.",
          params: jobIdParamsSchema,
          response: { 200: crawlJobProgressSchema },
        },
      },
      async (request, reply) => {
        const snapshot = await snapshots.get(request.params.job_id);
        if (!snapshot) throw notFound(`sync job ${request.params.job_id} not found`);
        reply.header("etag", snapshot.etag).header("cache-control", "private, no-cache");
        if (noneMatchHits(request.headers["if-none-match"], snapshot.etag)) {
          return (reply as FastifyReply).status(304).send();
        }
        // the bytes were serialised with the response schema when the snapshot was taken (toSnapshot)
        const body = snapshot.body as unknown as CrawlJobProgress;
        return reply.header("content-type", "application/json; charset=utf-8").send(body);
      },
    );
    app.post(
      API_PATHS.cancelSyncJob,
      {
        schema: {
          tags,
          security,
          summary: "Cancel a sync job: cancelling, then cancelled once the worker stops; saved postings stay",
          params: jobIdParamsSchema,
          response: { 202: crawlJobProgressSchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service.cancel(request.params.job_id, requestActor(request))),
    );
    app.post(
      API_PATHS.resumeSyncJob,
      {
        schema: {
          tags,
          security,
          summary: "Resume a failed or cancelled sync job: a new sync job continues from its checkpoint",
          description:
            "202 with the new sync job (trigger `resume`, `resumed_from` = this job). No listing or detail page the old sync job saved is fetched again. 400 for a completed sync job or one that saved nothing; 404 unknown job; 409 `sync_job_active` while the source has an active sync job.",
          params: jobIdParamsSchema,
          response: { 202: syncJobResponseSchema, 400: apiErrorSchema, 409: apiErrorSchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service.resume(request.params.job_id, requestActor(request))),
    );
    app.post(
      API_PATHS.reprocessSyncJob,
      {
        schema: {
          tags,
          security,
          summary: "Re-process a finished sync job from its page archive with today's parsers",
          description:
            "202 with the new sync job (trigger `reprocess`, `reprocessed_from` = this job): the archived pages are parsed again, with no request to the site; Check Availability and Start Browser are skipped; postings whose parsed content changed are updated. 400 for a sync job not finished or without an archive; 404 unknown job or archive gone; 409 `sync_job_active` while the source has an active sync job.",
          params: jobIdParamsSchema,
          response: { 202: syncJobResponseSchema, 400: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service.reprocess(request.params.job_id, principalOf(request))),
    );
  };
}
