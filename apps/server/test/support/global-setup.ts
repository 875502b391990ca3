import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { loadMigrations, migrate } from "../../src/db/migrate";
import { openPglite } from "../../src/db/pglite";
import { openPostgres } from "../../src/db/postgres";
import { adminUrl, templateDatabaseName } from "./postgres-admin";

/**
 * Runs once per `npm test`: a migrated PGlite data directory is dumped to a file (initdb takes seconds; loading a dump
 * is fast), and with DATABASE_URL a migrated template database is made for `CREATE DATABASE ... TEMPLATE`.
 */
export default async function setup(project: TestProject) {
  const migrations = loadMigrations();
  const hash = createHash("sha256")
    .update(migrations.map((m) => m.name + m.sql).join("\n"))
    .digest("hex")
    .slice(0, 12);

  const dir = join(tmpdir(), "jobsync-test");
  mkdirSync(dir, { recursive: true });
  const dumpPath = join(dir, `pglite-template-${hash}.tar.gz`);
  if (!existsSync(dumpPath)) {
    const database = await openPglite({});
    await migrate(database, migrations);
    const dump = await (
      database as unknown as { pglite: { dumpDataDir(c: string): Promise<Blob> } }
    ).pglite.dumpDataDir("gzip");
    await database.close();
    const partial = `${dumpPath}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, dumpPath);
  }
  project.provide("pgliteTemplate", dumpPath);

  const databaseUrl = process.env.DATABASE_URL;
  project.provide("databaseUrl", databaseUrl ?? "");
  if (databaseUrl) {
    const template = templateDatabaseName(hash);
    const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template}`);
      const database = await openPostgres(adminUrl(databaseUrl, template), 2);
      await migrate(database, migrations);
      await database.close();
    }
    await admin.end();
    project.provide("postgresTemplate", template);
  } else {
    project.provide("postgresTemplate", "");
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    databaseUrl: string;
    postgresTemplate: string;
  }
}
