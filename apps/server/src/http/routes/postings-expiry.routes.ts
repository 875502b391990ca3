import { API_PATHS, expiryRequestSchema, expiryResultSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ExpirySweep } from "../../postings/expiry/expiry-sweep";
import { requestActor } from "../request-actor";

/** The expiry sweep on demand (the worker also runs it hourly, and `npm run cli -- expire`). */
export function postingsExpiryRoutes(sweep: ExpirySweep): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      API_PATHS.expirePostings,
      {
        schema: {
          tags: ["job postings"],
          security: [{ bearer: [] }],
          summary:
            "Close open postings past their deadline; with recheck_limit, re-fetch stale ones and close those answering 404/410 or 'no longer accepting'",
          body: expiryRequestSchema,
          response: { 200: expiryResultSchema },
        },
      },
      async (request) => {
        const result = await sweep.run({
          recheckLimit: request.body.recheck_limit,
          staleHours: request.body.stale_hours,
          actor: requestActor(request),
        });
        return {
          closed_by_deadline: result.closedByDeadline,
          rechecked: result.rechecked,
          closed_by_recheck: result.closedByRecheck,
          failed: result.failed,
          closed: result.closed,
          absence: result.absence,
        };
      },
    );
  };
}
