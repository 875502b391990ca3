import { API_PATHS, jobIdParamsSchema, snapshotParamsSchema, syncJobSnapshotListSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SnapshotService } from "../../sync/quality/snapshot.service";

const tags = ["sync jobs"];
const security = [{ bearer: [] }];

/**
 * Snapshots of a sync job: the first page of each distinct error or alarm kind. A download is an attachment of
 * plain text with a sandboxing CSP and nosniff: a page from the board never runs as live HTML in the admin's origin.
 */
export function snapshotRoutes(service: SnapshotService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.syncJobSnapshots,
      {
        schema: {
          tags,
          security,
          summary: "The snapshots of a sync job (first page of each error or alarm kind)",
          params: jobIdParamsSchema,
          response: { 200: syncJobSnapshotListSchema },
        },
      },
      async (request) => service.list(request.params.job_id),
    );
    app.get(
      API_PATHS.syncJobSnapshot,
      {
        config: { streamToken: true },
        schema: {
          tags,
          security,
          summary: "Download one snapshot (the page as fetched), as a plain-text attachment",
          description: "A browser link may authenticate with a stream token as `?token=`.",
          params: snapshotParamsSchema,
          produces: ["text/plain"],
        },
      },
      async (request, reply) => {
        const file = await service.download(request.params.job_id, request.params.n);
        return reply
          .header("content-type", "text/plain; charset=utf-8")
          .header("content-disposition", `attachment; filename="${file.filename}"`)
          .header("content-security-policy", "sandbox; default-src 'none'")
          .header("x-content-type-options", "nosniff")
          .header("cache-control", "no-store")
          .send(file.body);
      },
    );
  };
}
