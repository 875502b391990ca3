import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import type { Database } from "../../src/db/database";
import { openPglite } from "../../src/db/pglite";
import { openPostgres } from "../../src/db/postgres";
import { adminUrl } from "./postgres-admin";

export type DatabaseKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function databaseKinds(): DatabaseKind[] {
  return inject("databaseUrl") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  database: Database;
  /** PostgreSQL only: the URL of this test's own database (for worker processes). */
  url: string | null;
  close(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const dump = readFileSync(inject("pgliteTemplate"));
    const database = await openPglite({ loadDataDir: new Blob([dump]) });
    return { database, url: null, close: () => database.close() };
  }
  const databaseUrl = inject("databaseUrl");
  const name = `jobsync_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
  await admin.end();
  const url = adminUrl(databaseUrl, name);
  const database = await openPostgres(url, 5);
  return {
    database,
    url,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: databaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
