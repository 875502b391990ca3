import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error";
import type { BatchedCounters } from "../rate-limit/batched-counters";
import { databaseRateLimitStore } from "../rate-limit/database-rate-limit-store";

/**
 * @fastify/rate-limit with its counters in the database, so a per-IP limit holds across API processes. Not global:
 * a route opts in with `config.rateLimit` (see `perIp`). Over the limit: 429 with Retry-After, in our error shape.
 */
export async function registerRateLimits(app: FastifyInstance, counters: BatchedCounters): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(counters),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError("rate_limited", `too many requests; try again in ${seconds} s`, undefined, {
        "retry-after": String(seconds),
      });
    },
  });
}

/** A route's `config.rateLimit`: at most `max` requests per client IP per window. */
export function perIp(max: number, timeWindowMillis: number) {
  return { max, timeWindow: timeWindowMillis };
}
