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

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** Run SQL scripts in one transaction holding the migration lock (multi-statement scripts allowed in `exec`). */
  runScripts(work: (tx: ScriptTx) => Promise<void>): Promise<void>;
  /** PostgreSQL: the connection string pg-boss uses for its own pool. PGlite: an adapter onto the same instance. */
  readonly boss: { connectionString: string } | { db: BossDb };
  close(): Promise<void>;
}
