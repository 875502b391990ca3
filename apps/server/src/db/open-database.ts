import type { Database } from "./database";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

/** `DATABASE_URL` set → PostgreSQL; unset → PGlite in `DATA_DIR`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite({ dataDir: options.dataDir });
}
