import type { FastifyReply } from "fastify";

/** Aborted when the client goes away before its answer is written, so its database query can be cancelled. */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
