import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;
/** Drizzle over either driver: the repositories never know which one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** pg-boss's database adapter shape (`executeSql`). */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface ScriptTx {
  exec(script: string): Promise<void>;
  query<T>(text: string): Promise<T[]>;
}

/** A LISTEN on one channel: `lost` when notifications may have been missed (a dropped connection), `ready` once it
 * listens (again). */
export interface Listener {
  onNotify(payload: string): void;
  lost(): void;
  ready(): void;
}

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** Run SQL scripts in one transaction holding the migration lock (multi-statement scripts allowed in `exec`). */
  runScripts(work: (tx: ScriptTx) => Promise<void>): Promise<void>;
  /** PostgreSQL: the connection string pg-boss uses for its own pool. PGlite: an adapter onto the same instance. */
  readonly boss: { connectionString: string } | { db: BossDb };
  /**
   * LISTEN on a channel (PostgreSQL: the process's one dedicated LISTEN connection, shared by every channel and
   * reconnected after a drop; PGlite: in process, told before the writing query resolves). Resolves once listening,
   * with the function that stops.
   */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
