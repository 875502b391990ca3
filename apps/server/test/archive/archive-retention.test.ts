import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CrawlJobProgress } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, startBoard, startSync, waitFinal, waitFor } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe.each(databaseKinds())("page archives: retention, size cap and download on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let dir: string;
  const file = (jobId: string) => join(dir, `${jobId}.warc.gz`);
  const sync = async (site: string): Promise<CrawlJobProgress> => {
    const job = await waitFinal(t, (await startSync(t, site)).json().job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    return job;
  };
  const download = (jobId: string, token = t.adminToken) =>
    t.app.inject({ url: `/api/v1/admin/data-sources/sync/jobs/${jobId}/archive`, headers: bearer(token) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobsync-archive-keep-"));
    board = await startBoard({ seed: 3, pagesPerKeyword: 2 });
    t = await createTestApp(kind, { archiveDir: dir, syncRetention: 3 }, { worker: true });
    const config = { search_keywords: ["ke-toan"], max_pages: 2, fetch_details: false };
    await createSource(t, "Kept", board.url, config);
    await createSource(t, "Capped", board.url, config);
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("streams the .warc.gz; 404 for an unknown sync job, 400 for a bad id, 403 for a viewer", async () => {
    const job = await sync("Kept");
    const res = await download(job.job_id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/warc+gzip");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="Kept-${job.job_id}.warc.gz"`);
    expect(res.rawPayload.equals(readFileSync(file(job.job_id)))).toBe(true);
    expect(Number(res.headers["content-length"])).toBe(job.archive?.bytes);

    const unknown = await download("00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    expect((await download("nope")).statusCode).toBe(400);
    expect((await download(job.job_id, t.viewerToken)).statusCode).toBe(403);
  });

  it("deletes the archive files of sync jobs SYNC_RETENTION deletes", async () => {
    const before = await queryRows<{ id: string }>(t.db.database.db, sql`SELECT id FROM sync_jobs`);
    const jobs: CrawlJobProgress[] = [];
    for (let i = 0; i < 3; i++) jobs.push(await sync("Kept"));
    for (const { id } of before) {
      await waitFor(async () => !existsSync(file(id)));
      const gone = await download(id);
      expect(gone.statusCode).toBe(404); // the sync job itself is gone
    }
    for (const job of jobs) expect(existsSync(file(job.job_id))).toBe(true);
  });

  it("keeps a source's archives under archive_max_mb, deleting the oldest first", async () => {
    const older = await sync("Capped");
    expect(older.archive!.bytes).toBeGreaterThan(0);
    // room for one archive and a half: the next sync job's archive pushes the older one out
    const patched = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Capped",
      headers: bearer(t.adminToken),
      payload: { config: { archive_max_mb: (older.archive!.bytes * 1.5) / 1024 / 1024 } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const bad = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/admin/data-sources/Capped",
      headers: bearer(t.adminToken),
      payload: { config: { archive_max_mb: 0, archive: "yes" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: "config.archive", message: "archive must be true or false" },
      { path: "config.archive_max_mb", message: "archive_max_mb must be a number from 0.01 to 100000 MB" },
    ]);
    const newer = await sync("Capped");
    await waitFor(async () => !existsSync(file(older.job_id)));
    expect(existsSync(file(newer.job_id))).toBe(true);
    const res = await download(older.job_id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/is gone \(deleted by the source's archive_max_mb cap\)/);
    const reprocess = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/data-sources/sync/jobs/${older.job_id}/reprocess`,
      headers: bearer(t.adminToken),
    });
    expect(reprocess.statusCode).toBe(404);
    const view = await t.app.inject({
      url: `/api/v1/admin/data-sources/sync/jobs/${older.job_id}`,
      headers: bearer(t.adminToken),
    });
    expect(view.json().archive).toBeNull();
  });
});
