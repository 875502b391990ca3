import type { SQL } from "drizzle-orm";
import { AppError } from "../errors/app-error";

/**
 * Where the public API reads job postings: apart from the admin's connections, with a statement timeout, a bound on
 * the queries in flight, and a query cancelled when its client leaves (`signal`). PostgreSQL: a small pool of its own
 * (postgres-read-lane.ts); PGlite: a semaphore over the one connection (shared-read-lane.ts).
 */
export interface ReadLane {
  rows<T>(query: SQL, signal?: AbortSignal): Promise<T[]>;
  close(): Promise<void>;
}

export interface ReadLaneOptions {
  /** Queries of the lane in flight at once (PostgreSQL: its pool's connections). */
  size: number;
  /** A query running longer is cancelled by the database (PostgreSQL) and answers 503. */
  statementTimeoutMillis: number;
  /** A request waiting longer for its turn answers 503 instead of queueing without end. */
  queueTimeoutMillis: number;
}

export const DEFAULT_READ_LANE_OPTIONS: ReadLaneOptions = {
  size: 3,
  statementTimeoutMillis: 5_000,
  queueTimeoutMillis: 5_000,
};

export const readTimedOut = () =>
  new AppError(
    "service_unavailable",
    "the search took too long and was stopped; narrow it down or try again",
    undefined,
    {
      "retry-after": "5",
    },
  );

export const laneBusy = () =>
  new AppError("service_unavailable", "too many searches at once; try again in a moment", undefined, {
    "retry-after": "2",
  });

/** The client went away: nobody reads this answer. */
export class ReadAbortedError extends Error {
  constructor() {
    super("the client closed the connection");
    this.name = "ReadAbortedError";
  }
}
