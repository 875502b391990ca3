import { API_PATHS, type CrawlJobProgress, isFinalSyncJobStatus, jobIdParamsSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AuthService } from "../../auth/auth.service";
import type { ProgressHub } from "../../sync/events/progress-hub";
import type { SyncJobService } from "../../sync/sync-job.service";

const HEARTBEAT_MILLIS = 15_000;
/** How often an open stream checks its session is still live (logout, password or role change, deactivation). */
export const SESSION_CHECK_MILLIS = 2_000;

const eventsQuerySchema = z.strictObject({
  token: z.string().max(4096).optional(),
  last_event_id: z.coerce.number({ error: "last_event_id must be a whole number" }).int().min(0).optional(),
});

/** Frames already written: the hub hands every subscriber the same progress object, serialised once for all. */
const frames = new WeakMap<CrawlJobProgress, string>();

function frame(progress: CrawlJobProgress): string {
  let text = frames.get(progress);
  if (text === undefined) {
    text = `id: ${progress.version}\nevent: progress\ndata: ${JSON.stringify(progress)}\n\n`;
    frames.set(progress, text);
  }
  return text;
}

/**
 * Server-Sent Events for one sync job: an event per change (id = the job's version), resumable with Last-Event-ID,
 * heartbeats, and an `end` event after the final state. Auth: Bearer header, or a stream token as `?token=`; the
 * stream checks its session as it goes and ends with `event: unauthorized` once the session has ended.
 */
export function syncJobEventsRoute(
  service: SyncJobService,
  hub: ProgressHub,
  auth: AuthService,
  sessionCheckMillis = SESSION_CHECK_MILLIS,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.syncJobEvents,
      {
        config: { streamToken: true },
        schema: {
          tags: ["sync jobs"],
          security: [{ bearer: [] }],
          summary: "Live progress as Server-Sent Events (text/event-stream)",
          description:
            "`event: progress` with `id: <version>` and the CrawlJobProgress as data on every change; `: ping` heartbeats; `event: end` after the final state. Resume with the Last-Event-ID header (or ?last_event_id=).",
          params: jobIdParamsSchema,
          querystring: eventsQuerySchema,
        },
      },
      async (request, reply) => {
        const sessionId = request.principal?.sessionId ?? null;
        const current = await service.get(request.params.job_id);
        const header = request.headers["last-event-id"];
        const fromHeader = typeof header === "string" && /^\d+$/.test(header) ? Number(header) : undefined;
        const lastSeen = fromHeader ?? request.query.last_event_id ?? 0;

        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          connection: "keep-alive",
          "x-accel-buffering": "no",
          "x-content-type-options": "nosniff",
          "x-request-id": request.id,
        });
        raw.write("retry: 2000\n\n");
        let closed = false;
        let unsubscribe = () => {};
        const heartbeat = setInterval(() => raw.write(": ping\n\n"), HEARTBEAT_MILLIS);
        const sessionCheck = setInterval(() => {
          if (!sessionId) return;
          auth
            .sessionUser(sessionId)
            .then((live) => {
              if (live || closed) return;
              const error = { error: { code: "unauthorized", message: "this session has ended; sign in again" } };
              raw.write(`event: unauthorized\ndata: ${JSON.stringify(error)}\n\n`);
              end();
            })
            .catch(() => {});
        }, sessionCheckMillis);
        const end = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          clearInterval(sessionCheck);
          unsubscribe();
          raw.end();
        };
        const send = (progress: CrawlJobProgress) => {
          if (closed) return;
          raw.write(frame(progress));
          if (isFinalSyncJobStatus(progress.status)) {
            raw.write(`event: end\ndata: ${JSON.stringify({ job_id: progress.job_id, status: progress.status })}\n\n`);
            end();
          }
        };
        request.raw.on("close", end);
        if (current.version > lastSeen) send(current);
        else if (isFinalSyncJobStatus(current.status)) {
          raw.write(`event: end\ndata: ${JSON.stringify({ job_id: current.job_id, status: current.status })}\n\n`);
          end();
        }
        if (!closed) unsubscribe = hub.subscribe(current.job_id, Math.max(current.version, lastSeen), send);
      },
    );
  };
}
