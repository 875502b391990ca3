import {
  API_PATHS,
  jobPostingDetailSchema,
  jobSearchQuerySchema,
  jobSearchResultSchema,
  postingIdParamsSchema,
} from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PublicLimits } from "../../app/service-options";
import type { PostingSearchService } from "../../postings/posting-search.service";
import { clientGoneSignal } from "../client-gone";
import type { PublicAdmission } from "../public-admission";
import { perIp } from "../public-rate-limits";

const tags = ["job postings"];

export function jobRoutes(
  search: PostingSearchService,
  limits: PublicLimits,
  admission: PublicAdmission,
): FastifyPluginAsyncZod {
  return async (app) => {
    // the public API waits for room on the event loop (see PublicAdmission): it can never stall the admin
    app.addHook("onRequest", admission.onRequest);
    app.get(
      API_PATHS.jobPostings,
      {
        config: { rateLimit: perIp(limits.searchPerMinute, 60_000) },
        schema: {
          tags,
          summary: "Search job postings (accent-insensitive, ranked); filter by province, source, minimum salary",
          description:
            "Cursor paging: pass `next_cursor` as `cursor` for the next page (`page` works for the first 10,000 results). `total` is exact up to 10,000; past that `total_is_estimate` is true and `total` is 10,000. A search text matches as a phrase (syllables in order, accents optional, the last one a prefix); titles first. Rate-limited per IP (429 with Retry-After).",
          querystring: jobSearchQuerySchema,
          response: { 200: jobSearchResultSchema },
        },
      },
      async (request, reply) => search.search(request.query, clientGoneSignal(reply)),
    );
    app.get(
      API_PATHS.jobPosting,
      {
        schema: {
          tags,
          summary: "One job posting with its sanitised HTML sections",
          params: postingIdParamsSchema,
          response: { 200: jobPostingDetailSchema },
        },
      },
      async (request, reply) => search.get(request.params.id, clientGoneSignal(reply)),
    );
  };
}
