import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "../../apps/server/src/db/database";
import { migrate } from "../../apps/server/src/db/migrate";
import { openPglite } from "../../apps/server/src/db/pglite";
import { openPostgres } from "../../apps/server/src/db/postgres";

export type BenchDbKind = "pglite" | "postgres";

/** Where PostgreSQL runs are made: BENCH_DATABASE_URL, else DATABASE_URL, else the local server CI uses. */
export function postgresServerUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

let reachable: boolean | null = null;

/** Whether a PostgreSQL server answers at postgresServerUrl() (asked once). */
export async function postgresAvailable(): Promise<boolean> {
  if (reachable !== null) return reachable;
  const client = new pg.Client({ connectionString: postgresServerUrl(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    reachable = true;
  } catch {
    reachable = false;
  } finally {
    await client.end().catch(() => {});
  }
  return reachable;
}

export interface BenchDatabase {
  kind: BenchDbKind;
  database: Database;
  /** PostgreSQL: the URL of this throw-away database. */
  url: string | null;
  close(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: in-memory PGlite, or a throw-away PostgreSQL database dropped on close. */
export async function openBenchDatabase(kind: BenchDbKind): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const database = await openPglite({});
    await migrate(database);
    return { kind, database, url: null, close: () => database.close() };
  }
  const name = `jobsync_bench_${randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  await migrate(database);
  return {
    kind,
    database,
    url: url.toString(),
    async close() {
      // the connection may already be closed (B6 hands the database to a server process): drop it regardless
      await database.close().catch(() => {});
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
