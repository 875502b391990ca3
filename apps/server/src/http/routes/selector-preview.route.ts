import { API_PATHS, selectorPreviewRequestSchema, selectorPreviewSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SelectorPreviewService } from "../../data-sources/selector-preview.service";

/** "Test selectors" of a css source: one page fetched and read, nothing saved. Admin only (under /api/v1/admin). */
export function selectorPreviewRoute(service: SelectorPreviewService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      API_PATHS.testSelectors,
      {
        schema: {
          tags: ["data sources"],
          security: [{ bearer: [] }],
          summary: "Fetch one page of a css source and show what its selectors read (nothing is saved)",
          body: selectorPreviewRequestSchema,
          response: { 200: selectorPreviewSchema },
        },
      },
      async (request) => service.preview(request.body),
    );
  };
}
