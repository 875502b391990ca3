import type { Database } from "./database";
import { PostgresReadLane } from "./postgres-read-lane";
import type { ReadLane, ReadLaneOptions } from "./read-lane";
import { SharedReadLane } from "./shared-read-lane";

/** PostgreSQL: a pool of the lane's own; PGlite: a bounded queue onto the one connection. */
export function openReadLane(database: Database, options: ReadLaneOptions): ReadLane {
  if (database.kind === "postgres" && "connectionString" in database.boss) {
    return new PostgresReadLane(database.boss.connectionString, options);
  }
  return new SharedReadLane(database.db, options);
}
