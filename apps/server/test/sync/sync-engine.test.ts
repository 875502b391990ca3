import { SYNC_STEPS } from "@jobsync/contracts";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createSource, servedIds, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

function parseSse(body: string): SseEvent[] {
  return body
    .split("\n\n")
    .filter((block) => block.includes("data:"))
    .map((block) => {
      const lines = block.split("\n");
      const get = (field: string) =>
        lines
          .filter((l) => l.startsWith(`${field}:`))
          .map((l) => l.slice(field.length + 1).trimStart())
          .join("\n");
      return { id: get("id") || null, event: get("event") || "message", data: get("data") };
    });
}

describe.each(databaseKinds())("sync engine on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  beforeAll(async () => {
    board = await startBoard({ seed: 7 });
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Board", board.url);
  });
  afterAll(async () => {
    await t.close();
    await board.close();
  });

  const postingsCount = async () =>
    Number((await queryRows<{ n: number }>(t.db.database.db, sql`SELECT count(*)::int AS n FROM job_postings`))[0]!.n);

  it("runs the nine steps, saves every served card once, and streams each change over SSE", async () => {
    const res = await startSync(t, "Board");
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json();
    expect(started).toMatchObject({ site_name: "Board", status: "pending" });

    const stream = t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${started.job_id}/events`,
      headers: bearer(t.adminToken),
    });
    const job = await waitFinal(t, started.job_id);
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.steps.map((s) => s.key)).toEqual(SYNC_STEPS.map((s) => s.key));
    for (const step of job.steps) {
      expect(step.status, step.key).toBe(step.key === "start_browser" ? "skipped" : "completed");
    }
    expect(job.progress).toBe(100);

    const served = servedIds(board, ["python-developer", "ke-toan"], 3);
    expect(job.stats.jobs_found).toBe(served.size);
    const stored = await postingsCount();
    expect(job.stats.jobs_added).toBe(stored);
    expect(stored + job.stats.duplicates_by_reason.same_url).toBe(served.size - job.stats.jobs_invalid);
    expect(job.summary).toMatchObject({ outcome: "completed" });
    expect(job.requested_by?.email).toBe("admin@example.com");

    const events = parseSse((await stream).body);
    const progress = events.filter((e) => e.event === "progress");
    expect(events.at(-1)?.event).toBe("end");
    const ids = progress.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    // every step went pending → running → completed/skipped as seen by a subscriber
    const seen = new Map<string, string[]>();
    for (const event of progress) {
      for (const step of JSON.parse(event.data).steps as Array<{ key: string; status: string }>) {
        const list = seen.get(step.key) ?? [];
        if (list.at(-1) !== step.status) list.push(step.status);
        seen.set(step.key, list);
      }
    }
    expect(seen.get("crawl_jobs")).toEqual(["pending", "running", "completed"]);
    expect(seen.get("start_browser")?.at(-1)).toBe("skipped");
    expect(JSON.parse(progress.at(-1)!.data).status).toBe("completed");
  });

  it("a second sync of the same pages adds nothing and counts them all as duplicates", async () => {
    const before = await postingsCount();
    const res = await startSync(t, "Board");
    expect(res.statusCode).toBe(202);
    const job = await waitFinal(t, res.json().job_id);
    expect(job.status).toBe("completed");
    expect(job.stats.jobs_added).toBe(0);
    expect(job.stats.duplicates).toBe(job.stats.jobs_processed);
    expect(job.stats.duplicates_by_reason.same_id).toBe(before);
    expect(await postingsCount()).toBe(before);
  });

  it("resumes SSE with Last-Event-ID: a finished job answers only the end", async () => {
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/admin/data-sources/sync/jobs?status=completed",
      headers: bearer(t.adminToken),
    });
    const last = list.json().items[0];
    const resumed = await t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${last.job_id}/events`,
      headers: { ...bearer(t.adminToken), "last-event-id": String(last.version) },
    });
    const events = parseSse(resumed.body);
    expect(events.map((e) => e.event)).toEqual(["end"]);
    const fresh = await t.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/sync/jobs/${last.job_id}/events`,
      headers: bearer(t.adminToken),
    });
    expect(parseSse(fresh.body).map((e) => e.event)).toEqual(["progress", "end"]);
  });
});
