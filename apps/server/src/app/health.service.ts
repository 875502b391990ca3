import { sql } from "drizzle-orm";
import type { Database } from "../db/database";
import { loadMigrations } from "../db/migrate";
import { queryRows } from "../db/query-rows";

export type Readiness = { ready: true; database: string; migrations: number } | { ready: false; reason: string };

export class HealthService {
  private readonly expected = loadMigrations().map((m) => m.name);

  constructor(private readonly database: Database) {}

  async readiness(): Promise<Readiness> {
    try {
      const rows = await queryRows<{ name: string }>(this.database.db, sql`SELECT name FROM jobsync_migrations`);
      const applied = new Set(rows.map((r) => r.name));
      const missing = this.expected.filter((name) => !applied.has(name));
      if (missing.length > 0) return { ready: false, reason: `migrations not applied: ${missing.join(", ")}` };
      return { ready: true, database: this.database.kind, migrations: applied.size };
    } catch (error) {
      return { ready: false, reason: `database unreachable: ${(error as Error).message}` };
    }
  }
}
