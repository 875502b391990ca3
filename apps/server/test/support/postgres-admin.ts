import pg from "pg";
import { LISTENER_APPLICATION_NAME } from "../../src/db/pg-listener";

/** Helpers to create throw-away PostgreSQL databases next to the one DATABASE_URL names. */
export function adminUrl(databaseUrl: string, database?: string): string {
  const url = new URL(databaseUrl);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

export function templateDatabaseName(hash: string): string {
  return `jobsync_tmpl_${hash}`;
}

/** Cut every LISTEN connection of the processes on this database (as a network drop would); how many were cut. */
export async function terminateListeners(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1`,
      [LISTENER_APPLICATION_NAME],
    );
    return killed.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}
