import { POSTING_STATUSES, SYNC_JOB_STATUSES, SYNC_TRIGGERS, USER_ROLES } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import {
  dataSources,
  jobPostings,
  syncJobCheckpoints,
  syncJobEvents,
  syncJobOutbox,
  syncJobs,
  userSessions,
  users,
} from "../../src/db/schema";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

describe.each(databaseKinds())("migrated schema agrees with the contracts and the Drizzle schema on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  it.each([
    ["sync_job_status", SYNC_JOB_STATUSES],
    ["user_role", USER_ROLES],
    ["sync_trigger", SYNC_TRIGGERS],
    ["posting_status", POSTING_STATUSES],
  ] as const)("enum %s has exactly the contract's values, in order", async (name, values) => {
    const rows = await queryRows<{ value: string }>(
      db.database.db,
      sql`SELECT unnest(enum_range(NULL::${sql.raw(name)}))::text AS value`,
    );
    expect(rows.map((r) => r.value)).toEqual([...values]);
  });

  it.each(
    [users, userSessions, dataSources, syncJobs, syncJobEvents, syncJobCheckpoints, syncJobOutbox, jobPostings].map(
      (t) => [getTableConfig(t).name, t],
    ),
  )("table %s has every column the Drizzle schema names", async (name, table) => {
    const rows = await queryRows<{ column_name: string }>(
      db.database.db,
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = ${name}`,
    );
    const actual = new Set(rows.map((r) => r.column_name));
    for (const column of getTableConfig(table).columns) expect(actual, `${name}.${column.name}`).toContain(column.name);
  });
});
