import type { BatchedCounters } from "./batched-counters";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit over `rate_limit_counters`: every API process counts in the same rows, so a per-IP
 * limit is one limit however many processes answer (each process adds its hits in batches: `BatchedCounters`). Each
 * route gets its own counters (`child` by route URL).
 */
export function databaseRateLimitStore(counters: Pick<BatchedCounters, "hit" | "read">) {
  return class DatabaseRateLimitStore {
    constructor(
      _globalParams?: unknown,
      private readonly namespace = "global",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      counters.hit(`${this.namespace}|${key}`, timeWindow).then(
        (s) => callback(null, { current: s.hits, ttl: s.ttlMillis }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      counters.read(`${this.namespace}|${key}`).then(
        (s) => callback(null, { current: s.hits, ttl: s.ttlMillis }),
        (error: Error) => callback(error),
      );
    }

    /** The plugin hands the route's merged options, whose `routeInfo` is the route (its types say RouteOptions). */
    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${String(route?.method ?? "")} ${route?.url ?? "custom"}`);
    }
  };
}
