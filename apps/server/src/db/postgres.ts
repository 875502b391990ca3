import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database, Db } from "./database";
import { PgNotifications } from "./pg-listener";
import { SESSION_OPTIONS } from "./pool-session";
import * as schema from "./schema";

/** The migration lock: every process that starts runs migrations, one at a time. */
const MIGRATION_LOCK_KEY = 7_001_001;

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize, ...SESSION_OPTIONS });
  pool.on("error", () => {
    // an idle client lost its connection; the pool replaces it on next use
  });
  const probe = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL (DATABASE_URL): ${error.message}`);
  });
  probe.release();
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  // one LISTEN connection for every channel this process follows
  const notifications = new PgNotifications(connectionString);
  return {
    kind: "postgres",
    db,
    async runScripts(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
        await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(text: string) => (await client.query(text)).rows as T[],
        });
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    boss: { connectionString },
    listen: (channel, listener) => notifications.listen(channel, listener),
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
}
