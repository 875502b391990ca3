import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { abnormalFind, closeLimit } from "../../src/postings/expiry/absence-guard";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe("the expiry guard's rules", () => {
  it("an abnormal find is under 70 % of the usual count; one pass closes at most half the open postings", () => {
    expect(abnormalFind(69, 100)).toMatch(/^the sync job found 69 postings, under 70 % of the usual 100/);
    expect(abnormalFind(70, 100)).toBeNull();
    expect(abnormalFind(0, null)).toBeNull();
    expect(closeLimit(11)).toBe(5);
    expect(closeLimit(1)).toBe(0);
  });
});

const SOURCE = "Absent";
// "big" has 6 pages of postings, "small" one: without "small" a sync job still finds over 70 % of the usual count
const PAGES: Record<string, number> = { big: 6, small: 1, other: 6 };

/**
 * Expiry by absence over real syncs: a posting closes after two completed sync jobs in a row did not list it; a sync
 * job that found far fewer postings than usual closes nothing and counts nothing, and says why.
 */
describe.each(databaseKinds())("expiry by absence on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 5, cardsPerPage: 10, pagesPerKeyword: (k) => PAGES[k] ?? 1 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, SOURCE, board.url, {
      search_keywords: ["big", "small"],
      max_pages: 10,
      fetch_details: false,
    });
  });
  afterAll(async () => {
    await t?.close();
    await board?.close();
  });

  const syncWith = async (keywords: string[]) => {
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/admin/data-sources/${SOURCE}`,
      headers: bearer(t.adminToken),
      payload: { config: { search_keywords: keywords } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const job = await waitFinal(t, (await startSync(t, SOURCE)).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    // the report is written by the end handler, moments after the sync job ends
    return waitFor<CrawlJobProgress>(async () => {
      const read = await t.app.inject({
        method: "GET",
        url: `/api/v1/admin/data-sources/sync/jobs/${job.job_id}`,
        headers: bearer(t.adminToken),
      });
      const body = read.json() as CrawlJobProgress;
      return body.expiry ? body : null;
    });
  };
  const postings = () =>
    queryRows<{ external_id: string; status: string; missed_syncs: number }>(
      t.db.database.db,
      sql`SELECT p.external_id, p.status, p.missed_syncs FROM job_postings p JOIN data_sources d ON d.id = p.data_source_id
          WHERE d.site_name = ${SOURCE}`,
    );
  const ids = (keyword: string) => new Set(board.expectedCards(keyword, 10).map((c) => c.external_id));
  const onlySmall = () => [...ids("small")].filter((id) => !ids("big").has(id));

  it("three clean sync jobs: nothing missed, the report says so", async () => {
    for (let i = 0; i < 3; i++) {
      const job = await syncWith(["big", "small"]);
      expect(job.expiry).toEqual({ missed: 0, closed: 0, held_back: 0, reasons: [] });
    }
    expect((await postings()).every((p) => p.status === "open")).toBe(true);
  });

  it("a posting missed by one sync job stays open; missed by two in a row, it closes", async () => {
    const gone = onlySmall();
    expect(gone.length).toBeGreaterThan(0);
    const first = await syncWith(["big"]);
    expect(first.expiry).toEqual({ missed: gone.length, closed: 0, held_back: 0, reasons: [] });
    const afterOne = await postings();
    for (const p of afterOne.filter((p) => gone.includes(p.external_id)))
      expect(p).toMatchObject({ status: "open", missed_syncs: 1 });
    const second = await syncWith(["big"]);
    expect(second.expiry).toEqual({ missed: gone.length, closed: gone.length, held_back: 0, reasons: [] });
    const afterTwo = await postings();
    expect(
      afterTwo
        .filter((p) => p.status === "closed")
        .map((p) => p.external_id)
        .sort(),
    ).toEqual([...gone].sort());
    expect(afterTwo.filter((p) => p.status === "open").every((p) => p.missed_syncs === 0)).toBe(true);
  });

  it("the sweep closes at most half of a source's open postings in one pass and reports what it held back", async () => {
    await t.db.database.db.execute(
      sql`UPDATE job_postings SET missed_syncs = 2 WHERE status = 'open'
            AND data_source_id = (SELECT id FROM data_sources WHERE site_name = ${SOURCE})`,
    );
    const open = (await postings()).filter((p) => p.status === "open").length;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/postings/expire",
      headers: bearer(t.adminToken),
      payload: { recheck_limit: 0 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const half = Math.floor(open / 2);
    expect(res.json().absence).toEqual({
      missed: 0,
      closed: half,
      held_back: open - half,
      reasons: [
        `${SOURCE}: ${open - half} postings held back: one pass closes at most 50 % of the source's ${open} open postings`,
      ],
    });
    // a sync job listing them again opens them and clears their misses
    await syncWith(["big", "small"]);
    expect((await postings()).every((p) => p.status === "open" && p.missed_syncs === 0)).toBe(true);
  });

  it("a sync job that found under 70 % of the usual count holds back the mass close, counts nothing, and says why", async () => {
    const job = await syncWith(["small"]);
    const all = await postings();
    const unlisted = all.filter((p) => !ids("small").has(p.external_id)).length;
    expect(job.expiry).toEqual({
      missed: 0,
      closed: 0,
      held_back: unlisted,
      reasons: [
        expect.stringMatching(
          /^the sync job found \d+ postings, under 70 % of the usual \d+: no posting was counted missing or closed$/,
        ),
      ],
    });
    const again = await syncWith(["small"]);
    expect(again.expiry?.closed).toBe(0);
    expect((await postings()).every((p) => p.status === "open" && p.missed_syncs === 0)).toBe(true);
  });
});
