import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createPendingSyncJob, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { ADMIN, bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

/** TopCV's card selectors, as an admin types them for a css source; the salary one is the "parser" we fix. */
const SELECTORS = {
  card: "div.job-item-search-result[data-job-id]",
  id: "@data-job-id",
  title: "h3.title a span",
  link: "h3.title a@href",
  company: "a.company .company-name",
  salary: "label.title-salary",
  location: "label.address .city-text",
  next_page: "a[rel=next]",
};

describe.each(databaseKinds())("re-processing a sync job from its page archive on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let dir: string;
  let first: CrawlJobProgress;

  const reprocess = (jobId: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/reprocess`,
      headers: bearer(t.adminToken),
    });
  const salaries = () =>
    queryRows<{ external_id: string; salary_raw: string | null }>(
      t.db.database.db,
      sql`SELECT p.external_id, p.salary_raw FROM job_postings p JOIN data_sources d ON d.id = p.data_source_id
          WHERE d.site_name = 'Css-Archive' ORDER BY p.external_id`,
    );

  const seen = () =>
    queryRows<{ external_id: string; seen: string; status: string; missed_syncs: number; last_sync: string }>(
      t.db.database.db,
      sql`SELECT p.external_id, p.last_seen_at::text AS seen, p.status, p.missed_syncs, p.last_sync_job_id::text AS last_sync
          FROM job_postings p JOIN data_sources d ON d.id = p.data_source_id
          WHERE d.site_name = 'Css-Archive' ORDER BY p.external_id`,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-reprocess-"));
    board = await startBoard({ seed: 41, pagesPerKeyword: 2, cardsPerPage: 20 });
    t = await createTestApp(kind, { archiveDir: dir }, { worker: true });
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: bearer(t.adminToken),
      payload: {
        site_name: "Css-Archive",
        kind: "css",
        base_url: board.url,
        config: {
          start_urls: ["/tim-viec-lam-java-developer?type_keyword=1&sba=1"],
          page_url_template: "?page={page}",
          max_pages: 2,
          // the bug: the salary is read from a label the board never has
          selectors: { ...SELECTORS, salary: "label.title-salary-typo" },
          drop_query_params: ["ta_source", "u_sr_id"],
          request_delay: 0,
          fetch_details: false,
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    first = await waitFinal(t, (await startSync(t, "Css-Archive")).json().job_id);
    expect(first.status, first.error ?? "").toBe("completed");
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("parses the archived pages with the fixed parser: changed postings updated, the rest unchanged, no request to the board", async () => {
    expect(first.archive?.pages).toBeGreaterThan(0);
    expect((await salaries()).every((p) => p.salary_raw === null)).toBe(true);
    // the fix, between the two runs
    const fixed = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Css-Archive",
      headers: bearer(t.adminToken),
      payload: { config: { selectors: SELECTORS } },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    // since the sync: the site dropped one posting (closed) and another was seen by a later sync (missed count)
    const [gone, other] = (await salaries()).map((p) => p.external_id);
    await t.db.database.db.execute(
      sql`UPDATE job_postings SET status = 'closed', closed_at = now() WHERE external_id = ${gone!}`,
    );
    await t.db.database.db.execute(sql`UPDATE job_postings SET missed_syncs = 1 WHERE external_id = ${other!}`);
    const seenBefore = await seen();
    board.resetStats();

    const started = await reprocess(first.job_id);
    expect(started.statusCode, started.body).toBe(202);
    const job = await waitFinal(t, started.json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(board.stats().total).toBe(0); // not one request reached the site
    expect(job.trigger).toBe("reprocess");
    expect(job.reprocessed_from).toBe(first.job_id);
    expect(job.archive).toBeNull(); // it reads an archive; it writes none
    // recorded in the audit log, in the transaction that created it
    const audited = await queryRows<{ action: string; actor_email: string; changes: Record<string, unknown> }>(
      t.db.database.db,
      sql`SELECT action, actor_email, changes FROM audit_log WHERE object_id = ${job.job_id}`,
    );
    expect(audited).toEqual([
      {
        action: "sync_job.reprocess",
        actor_email: ADMIN.email,
        changes: { site_name: "Css-Archive", reprocessed_from: first.job_id },
      },
    ]);
    const steps = Object.fromEntries(job.steps.map((s) => [s.key, s]));
    for (const key of ["check_availability", "start_browser"]) {
      expect(steps[key]!.status).toBe("skipped");
      expect(steps[key]!.message).toMatch(/from archive/);
    }
    expect(steps.crawl_jobs!.status).toBe("completed");

    const after = await salaries();
    const changed = after.filter((p) => p.salary_raw !== null).length;
    expect(changed).toBeGreaterThan(0);
    expect(job.stats.jobs_found).toBe(first.stats.jobs_found);
    expect(job.stats.jobs_added).toBe(0);
    expect(job.stats.jobs_updated).toBe(changed);
    expect(job.stats.jobs_unchanged).toBe(after.length - changed);
    expect(job.stats.pages_fetched).toBe(first.stats.pages_fetched);
    // an archive corrects content only: what the site lists now is not its to say (nothing seen now, reopened,
    // closed or counted missing), so expiry by absence does not run after it
    expect(await seen()).toEqual(seenBefore);
    expect(steps.save_jobs!.details.join("\n")).toMatch(/unchanged/);
    expect(steps.save_jobs!.details.join("\n")).not.toMatch(/seen again/);
    const ended = await waitFor(async () => {
      const read = await t.app.inject({
        url: `/api/v1/admin/data-sources/sync/jobs/${job.job_id}`,
        headers: bearer(t.adminToken),
      });
      return (read.json() as CrawlJobProgress).expiry ?? null;
    });
    expect(ended.reasons.join(" ")).toMatch(/re-process reads an archive/);
    expect(ended.missed).toBe(0);

    // re-processing again with the same parser changes nothing
    const again = await waitFinal(t, (await reprocess(first.job_id)).json().job_id);
    expect(again.status).toBe("completed");
    expect(again.stats.jobs_updated).toBe(0);
    expect(again.stats.jobs_unchanged).toBe(after.length);
    expect(board.stats().total).toBe(0);
  });

  it("answers 400 for a sync job without an archive, still active, or a bad id; 404 unknown or archive gone", async () => {
    const reprocessed = (
      await t.app.inject({
        url: "/api/v1/admin/data-sources/sync/jobs?status=completed&site_name=Css-Archive",
        headers: bearer(t.adminToken),
      })
    )
      .json()
      .items.find((j: CrawlJobProgress) => j.trigger === "reprocess") as CrawlJobProgress;
    const none = await reprocess(reprocessed.job_id);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/has no page archive/);

    const unknown = await reprocess("00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/not found/);
    expect((await reprocess("not-a-uuid")).statusCode).toBe(400);

    const pending = await createPendingSyncJob(t, "Css-Archive");
    const notFinished = await reprocess(pending);
    expect(notFinished.statusCode).toBe(400);
    expect(notFinished.json().error.message).toMatch(/still pending: only a finished sync job/);
    const active = await reprocess(first.job_id);
    expect(active.statusCode).toBe(409);
    expect(active.json().error.code).toBe("sync_job_active");
    expect(active.json().error.details.job_id).toBe(pending);
    const cancelled = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${pending}/cancel`,
      headers: bearer(t.adminToken),
    });
    expect(cancelled.statusCode).toBe(202);

    rmSync(join(dir, `${first.job_id}.warc.gz`));
    const gone = await reprocess(first.job_id);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toMatch(/page archive of sync job .* is gone/);
    const count = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM sync_jobs WHERE trigger = 'reprocess'`,
    );
    expect(count[0]!.n).toBe(2); // the refused ones wrote nothing
  });

  it("ends a search where the archived sync job stopped: a page it never fetched is not an error", async () => {
    const configure = (config: Record<string, unknown>) =>
      t.app.inject({
        method: "PATCH",
        url: "/api/v1/admin/data-sources/Css-Archive",
        headers: bearer(t.adminToken),
        payload: { config },
      });
    expect((await configure({ max_pages: 1 })).statusCode).toBe(200);
    const capped = await waitFinal(t, (await startSync(t, "Css-Archive")).json().job_id);
    expect(capped.status, capped.error ?? "").toBe("completed");
    expect(capped.stats.pages_fetched).toBe(1);
    // page 2 is planned again, but the archive is whole: the sync job that wrote it never went there
    expect((await configure({ max_pages: 2 })).statusCode).toBe(200);
    board.resetStats();
    const again = await waitFinal(t, (await reprocess(capped.job_id)).json().job_id);
    expect(again.status, again.error ?? "").toBe("completed");
    expect(again.summary?.first_errors).toEqual([]);
    expect(again.stats.pages_fetched).toBe(1);
    expect(again.stats.jobs_found).toBe(capped.stats.jobs_found);
    expect(board.stats().total).toBe(0);
  });
});
