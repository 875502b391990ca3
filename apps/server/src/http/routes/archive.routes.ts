import { API_PATHS, apiErrorSchema, jobIdParamsSchema } from "@jobsync/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ArchiveDownload, ArchiveService } from "../../archive/archive.service";

function sendArchive(reply: FastifyReply, file: ArchiveDownload) {
  return reply
    .header("content-type", "application/warc+gzip")
    .header("content-length", String(file.size))
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.stream);
}

/** A sync job's page archive, streamed from disk. */
export function archiveRoutes(service: ArchiveService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.syncJobArchive,
      {
        config: { streamToken: true },
        schema: {
          tags: ["sync jobs"],
          security: [{ bearer: [] }],
          summary: "Download a sync job's page archive (WARC/1.1, one gzip member per record)",
          description:
            "Every listing and detail page the sync job fetched, as WARC request and response records. 404 unknown sync job or archive gone (retention, archive_max_mb); 400 when it has none. A browser link may authenticate with a stream token as `?token=`.",
          params: jobIdParamsSchema,
          produces: ["application/warc+gzip"],
          response: {
            200: z.string().describe("The .warc.gz file"),
            400: apiErrorSchema,
            404: apiErrorSchema,
          },
        },
      },
      async (request, reply) => sendArchive(reply, await service.download(request.params.job_id)),
    );
  };
}
