import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./database";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

export interface Migration {
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}${name}`, "utf8") }));
}

const LEDGER = `CREATE TABLE IF NOT EXISTS jobsync_migrations (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Apply the pending migrations in one transaction (PostgreSQL: under an advisory lock, so processes starting
 * together apply each migration once). Returns the names applied.
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  await database.runScripts(async (tx) => {
    await tx.exec(LEDGER);
    const done = new Set((await tx.query<{ name: string }>("SELECT name FROM jobsync_migrations")).map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.exec(`INSERT INTO jobsync_migrations (name) VALUES (${quote(migration.name)})`);
      applied.push(migration.name);
    }
  });
  return applied;
}
