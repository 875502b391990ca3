import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { textArray } from "../db/sql-arrays";

/** Incremental sync: which external ids of a data source are already stored (one indexed lookup per page). */
export class KnownPostingsRepository {
  constructor(private readonly db: Db) {}

  async knownExternalIds(dataSourceId: string, externalIds: string[]): Promise<ReadonlySet<string>> {
    if (externalIds.length === 0) return new Set();
    const rows = await queryRows<{ external_id: string }>(
      this.db,
      sql`SELECT external_id FROM job_postings
        WHERE data_source_id = ${dataSourceId} AND external_id = ANY(${textArray(externalIds)})`,
    );
    return new Set(rows.map((r) => r.external_id));
  }
}
