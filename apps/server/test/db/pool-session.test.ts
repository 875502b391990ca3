import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresReadLane } from "../../src/db/postgres-read-lane";
import { queryRows } from "../../src/db/query-rows";
import { DEFAULT_READ_LANE_OPTIONS } from "../../src/db/read-lane";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

/** Every connection of the app (its pool and the public read lane) runs without JIT compilation (pool-session.ts). */
describe.skipIf(!databaseKinds().includes("postgres"))("PostgreSQL sessions", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase("postgres");
  });
  afterAll(() => t.close());

  it("the app's pool and the public read lane have jit off", async () => {
    const pooled = await queryRows<{ jit: string }>(t.database.db, sql`SHOW jit`);
    expect(pooled[0]?.jit).toBe("off");
    const lane = new PostgresReadLane(t.url!, DEFAULT_READ_LANE_OPTIONS);
    try {
      expect((await lane.rows<{ jit: string }>(sql`SHOW jit`))[0]?.jit).toBe("off");
    } finally {
      await lane.close();
    }
  });
});
