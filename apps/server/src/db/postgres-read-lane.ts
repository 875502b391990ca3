import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { postgresError } from "./database-error";
import { SESSION_OPTIONS } from "./pool-session";
import {
  laneBusy,
  type PlanHints,
  ReadAbortedError,
  type ReadLane,
  type ReadLaneOptions,
  readTimedOut,
} from "./read-lane";

const QUERY_CANCELED = "57014";
const BITMAP_ONLY = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL work_mem = '64MB'";
const dialect = new PgDialect();

/**
 * The public read lane on PostgreSQL: a pool of its own (`size` connections, so the admin's pool is never taken),
 * every statement under `statement_timeout`, and a query whose client left cancelled at once with
 * `pg_cancel_backend` (sent on a one-connection pool of its own, so a full lane cannot hold the cancel back).
 */
export class PostgresReadLane implements ReadLane {
  private readonly pool: pg.Pool;
  private readonly control: pg.Pool;

  constructor(connectionString: string, options: ReadLaneOptions) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.size,
      statement_timeout: options.statementTimeoutMillis,
      connectionTimeoutMillis: options.queueTimeoutMillis,
      application_name: "jobsync-public",
      ...SESSION_OPTIONS,
    });
    this.control = new pg.Pool({ connectionString, max: 1, application_name: "jobsync-public-cancel" });
    const ignore = () => {
      // an idle client lost its connection; the pool replaces it on next use
    };
    this.pool.on("error", ignore);
    this.control.on("error", ignore);
  }

  async rows<T>(query: SQL, signal?: AbortSignal, hints: PlanHints = {}): Promise<T[]> {
    if (signal?.aborted) throw new ReadAbortedError();
    const { sql: text, params } = dialect.sqlToQuery(query);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      if (/timeout/i.test(String((error as Error).message))) throw laneBusy();
      throw error;
    }
    let running = true;
    const pid = (client as unknown as { processID: number }).processID;
    const cancel = () => {
      if (running) this.control.query("SELECT pg_cancel_backend($1)", [pid]).catch(() => {});
    };
    signal?.addEventListener("abort", cancel, { once: true });
    try {
      if (signal?.aborted) throw new ReadAbortedError();
      if (!hints.bitmapScans) return (await client.query(text, params)).rows as T[];
      await client.query(`BEGIN; ${BITMAP_ONLY}`);
      const rows = (await client.query(text, params)).rows as T[];
      await client.query("COMMIT");
      return rows;
    } catch (error) {
      if (hints.bitmapScans) await client.query("ROLLBACK").catch(() => {});
      if (signal?.aborted) throw new ReadAbortedError();
      if (postgresError(error)?.code === QUERY_CANCELED) throw readTimedOut();
      throw error;
    } finally {
      running = false;
      signal?.removeEventListener("abort", cancel);
      client.release();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.control.end()]);
  }
}
