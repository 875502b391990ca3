import { createServer, type Server } from "node:http";
import type { FixtureBoard } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli";
import { queryRows } from "../../src/db/query-rows";
import { EXPIRY_QUEUE } from "../../src/postings/expiry/expiry-job";
import { createSource, startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

describe("expire command line", () => {
  it("refuses bad flags before opening a database", async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (line: string) => err.push(line), stdin: process.stdin } as never;
    expect(await runCli(["expire", "--recheck", "1.5"], io)).toBe(1);
    expect(await runCli(["expire", "--stale-hours", "soon"], io)).toBe(1);
    expect(await runCli(["expire", "--bogus"], io)).toBe(1);
    expect(err[0]).toContain("--recheck must be a whole number");
    expect(err[1]).toContain("--stale-hours must be a whole number");
    expect(err[2]).toMatch(/bogus/);
  });
});

describe.each(databaseKinds())("expiry sweep on %s", (kind) => {
  let t: TestApp;
  let board: FixtureBoard;
  let gonePage: Server;
  let goneUrl = "";
  beforeAll(async () => {
    board = await startBoard({ seed: 9, pagesPerKeyword: 1 });
    gonePage = createServer((_req, res) =>
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end("<html><body><h1>Kế toán tổng hợp</h1><p>Tin tuyển dụng đã hết hạn</p></body></html>"),
    );
    await new Promise<void>((resolve) => gonePage.listen(0, "127.0.0.1", resolve));
    goneUrl = `http://127.0.0.1:${(gonePage.address() as { port: number }).port}/viec-lam/gone`;
    t = await createTestApp(kind, {}, { worker: true });
    await createSource(t, "Board", board.url, { search_keywords: ["ke-toan"], max_pages: 1, fetch_details: false });
    const job = await waitFinal(t, (await startSync(t, "Board")).json().job_id);
    expect(job.status).toBe("completed");
  });
  afterAll(async () => {
    await t.close();
    await board.close();
    gonePage.closeAllConnections();
    await new Promise<void>((resolve) => gonePage.close(() => resolve()));
  });

  const db = () => t.db.database.db;
  const openIds = async () =>
    (await queryRows<{ id: number }>(db(), sql`SELECT id FROM job_postings WHERE status = 'open' ORDER BY id`)).map(
      (r) => r.id,
    );
  const search = async (query = "") =>
    (await t.app.inject({ method: "GET", url: `/api/v1/jobs?page_size=100${query}` })).json() as {
      total: number;
      items: Array<{ id: number; status: string }>;
    };

  it("closes postings whose deadline has passed; they leave the default search", async () => {
    const all = await openIds();
    const ids = all.slice(0, 3);
    const listedLate = all[3]!;
    // seen by a sync job before the deadline passed
    await db().execute(
      sql`UPDATE job_postings SET deadline = current_date - 1, last_seen_at = now() - interval '3 days'
        WHERE id IN (${sql.join(ids, sql`, `)})`,
    );
    await db().execute(
      sql`UPDATE job_postings SET deadline = current_date + 10 WHERE NOT (id IN (${sql.join(ids, sql`, `)}))`,
    );
    // past its deadline but still listed by the board today: kept open
    await db().execute(sql`UPDATE job_postings SET deadline = current_date - 5 WHERE id = ${listedLate}`);
    const before = await search();
    const result = await t.services.expirySweep.run({ recheckLimit: 0, staleHours: 24 });
    expect(result.closedByDeadline).toBe(3);
    const after = await search();
    expect(after.total).toBe(before.total - 3);
    expect(after.items.map((p) => p.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    const closed = await search("&status=closed");
    expect(closed.items.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect((await t.services.expirySweep.run({ recheckLimit: 0, staleHours: 24 })).closedByDeadline).toBe(0);
    expect(await openIds()).toContain(listedLate);
    await db().execute(sql`UPDATE job_postings SET deadline = current_date + 10 WHERE id = ${listedLate}`);
  });

  it("re-checks stale postings and closes those answering 410 or saying they no longer accept applications", async () => {
    const [gone410, goneText, stillOpen] = await openIds();
    const rows = await queryRows<{ id: number; url: string }>(
      db(),
      sql`SELECT id, url FROM job_postings WHERE id IN (${gone410}, ${stillOpen})`,
    );
    const url410 = rows.find((r) => r.id === gone410)!.url;
    board.setFaults([{ path: new URL(url410).pathname, type: "status", status: 410 }]);
    await db().execute(sql`UPDATE job_postings SET url = ${goneUrl} WHERE id = ${goneText!}`);
    await db().execute(
      sql`UPDATE job_postings SET last_seen_at = now() - interval '2 days'
        WHERE id IN (${gone410}, ${goneText}, ${stillOpen})`,
    );
    const result = await t.services.expirySweep.run({ recheckLimit: 50, staleHours: 24 });
    board.setFaults([]);
    expect(result.rechecked).toBe(3);
    expect(result.closedByRecheck).toBe(2);
    expect(result.closed.join("\n")).toContain("HTTP 410");
    expect(result.closed.join("\n")).toContain("tin tuyen dung da het han");
    const open = await openIds();
    expect(open).toContain(stillOpen);
    expect(open).not.toContain(gone410);
    expect(open).not.toContain(goneText);
  });

  it("runs on demand through the admin API, which answers bad input with a 400 naming the field", async () => {
    const call = (payload: object, token = t.adminToken) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/admin/postings/expire",
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    const ok = await call({ recheck_limit: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      closed_by_deadline: 0,
      rechecked: 0,
      closed_by_recheck: 0,
      failed: 0,
      closed: [],
      absence: { missed: 0, closed: 0, held_back: 0, reasons: [] },
    });
    for (const [body, field] of [
      [{ recheck_limit: -1 }, "recheck_limit"],
      [{ stale_hours: "soon" }, "stale_hours"],
      [{ everything: true }, "everything"],
    ] as const) {
      const res = await call(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect((await call({}, t.viewerToken)).statusCode).toBe(403);
    const spec = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/v1/admin/postings/expire"].post.security).toEqual([{ bearer: [] }]);
  });

  it("is scheduled hourly on the queue for the workers", async () => {
    const schedules = await t.services.jobQueue.schedules();
    expect(schedules.find((s) => s.name === EXPIRY_QUEUE)?.cron).toBe("17 * * * *");
  });
});
