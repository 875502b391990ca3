import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSourceRepository } from "../../src/data-sources/data-source.repository";
import { seedTopcv, topcvSeedConfig } from "../../src/data-sources/seed-topcv";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

describe.each(databaseKinds())("seed:topcv on %s", (kind) => {
  let db: TestDatabase;
  let repo: DataSourceRepository;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    repo = new DataSourceRepository(db.database.db);
  });
  afterAll(() => db.close());

  it("creates once, then leaves one row", async () => {
    expect(await seedTopcv(repo)).toBe("created");
    expect(await seedTopcv(repo)).toBe("unchanged");
    expect((await repo.list()).filter((s) => s.site_name === "TopCV")).toHaveLength(1);
  });

  it("keeps an admin's valid edit unless forced", async () => {
    const row = (await repo.findRow("TopCV"))!;
    await repo.update(row.id, { config: { ...row.config, max_pages: 9 } });
    expect(await seedTopcv(repo)).toBe("unchanged");
    expect((await repo.findRow("TopCV"))!.config.max_pages).toBe(9);
    expect(await seedTopcv(repo, { force: true })).toBe("overwritten");
    expect((await repo.findRow("TopCV"))!.config).toEqual(topcvSeedConfig());
  });

  it("repairs an invalid config", async () => {
    const row = (await repo.findRow("TopCV"))!;
    await repo.update(row.id, { config: { max_pages: "lots" } });
    expect(await seedTopcv(repo)).toBe("repaired");
    expect((await repo.findRow("TopCV"))!.config).toEqual(topcvSeedConfig());
  });
});
