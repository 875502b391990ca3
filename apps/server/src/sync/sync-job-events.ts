import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import type { TimelineEvent } from "./progress/progress-manager";

/** Append timeline events of a sync job (in the caller's transaction when it passes one). */
export async function insertEvents(db: Db, syncJobId: string, events: readonly TimelineEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values = events.map((e) => sql`(${syncJobId}, ${e.at}::timestamptz, ${e.level}, ${e.stepKey}, ${e.message})`);
  await db.execute(
    sql`INSERT INTO sync_job_events (sync_job_id, at, level, step_key, message) VALUES ${sql.join(values, sql`, `)}`,
  );
}
