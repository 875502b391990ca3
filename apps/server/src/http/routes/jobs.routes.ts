import {
  API_PATHS,
  jobPostingDetailSchema,
  jobSearchQuerySchema,
  jobSearchResultSchema,
  postingIdParamsSchema,
} from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PostingSearchService } from "../../postings/posting-search.service";

const tags = ["job postings"];

export function jobRoutes(search: PostingSearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.jobPostings,
      {
        schema: {
          tags,
          summary: "Search job postings (accent-insensitive, ranked); filter by province, source, minimum salary",
          querystring: jobSearchQuerySchema,
          response: { 200: jobSearchResultSchema },
        },
      },
      async (request) => search.search(request.query),
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
      async (request) => search.get(request.params.id),
    );
  };
}
