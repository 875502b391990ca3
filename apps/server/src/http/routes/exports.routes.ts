import { API_PATHS, jobExportQuerySchema, jobIdParamsSchema, syncJobExportQuerySchema } from "@jobsync/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PublicLimits } from "../../app/service-options";
import type { ExportFile, ExportService } from "../../exports/export.service";
import { perIp } from "../public-rate-limits";

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.stream);
}

/** Streamed downloads: rows are read in keyset batches and written as they come, never held all at once. */
export function exportRoutes(service: ExportService, limits: PublicLimits): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.syncJobExport,
      {
        config: { streamToken: true },
        schema: {
          tags: ["sync jobs"],
          security: [{ bearer: [] }],
          summary: "Download a sync job report: summary, steps, errors, and the postings it added or updated",
          description:
            "`format=csv` (default): sections summary, step, error and posting, each with its own header row whose first cell is `section`. `format=json`: the sync job's progress with `errors` and `postings`. Streamed. A browser link may authenticate with a stream token as `?token=`.",
          params: jobIdParamsSchema,
          querystring: syncJobExportQuerySchema,
          produces: ["text/csv", "application/json"],
          response: { 200: z.string().describe("The report: CSV sections, or one JSON object") },
        },
      },
      async (request, reply) =>
        sendFile(reply, await service.syncJobReport(request.params.job_id, request.query.format)),
    );
    app.get(
      API_PATHS.jobPostingsExport,
      {
        config: {
          // PUBLIC_EXPORT=0: a user's token (Bearer, or a stream token as ?token= for a download link)
          access: limits.publicExport ? "public" : "user",
          streamToken: true,
          rateLimit: perIp(limits.exportPerHour, 3_600_000),
        },
        schema: {
          tags: ["job postings"],
          ...(limits.publicExport ? {} : { security: [{ bearer: [] }] }),
          summary: "Download job posting search results as CSV (the filters of GET /api/v1/jobs, every page)",
          description:
            "Ordered by id; streamed in batches, so large results never sit in memory. Rate-limited per IP (429 with Retry-After); with PUBLIC_EXPORT=0 only for a logged-in user (Bearer, or a stream token as `?token=`).",
          querystring: jobExportQuerySchema,
          produces: ["text/csv"],
          response: { 200: z.string().describe("CSV: a header row, then one row per job posting") },
        },
      },
      async (request, reply) => sendFile(reply, service.postingsCsv(request.query)),
    );
  };
}
