import { NetworkPolicy, StaticResolver } from "@jobsync/crawler";
import { type FixtureBoard, INTERNAL_SECRET, type InternalService, startInternalService } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows";
import { createChannelSenders } from "../../src/notifications/channel-senders";
import type { StoredChannel } from "../../src/notifications/notification-channel.repository";
import { startBoard, startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";

/**
 * SSRF: every way a data source, a page or a DNS answer can steer us at an internal address, at every moment it can
 * happen — saving the source, syncing it, following a redirect, after the name's answer changed, "Test selectors",
 * webhooks, the expiry re-check. A fixture board on loopback plays the public board (its endpoint exempt, as the demo
 * board's is); an "internal" service on another loopback port holds a secret; the tests' own resolver answers every
 * name. The same scenarios with ALLOW_PRIVATE_HOSTS=1 reach the internal service: the refusals are the policy's.
 */
describe("SSRF: names and redirects to private addresses", () => {
  let board: FixtureBoard;
  let internal: InternalService;
  let dns: StaticResolver;
  let strict: TestApp;
  let open: TestApp;
  let n = 0;

  beforeAll(async () => {
    board = await startBoard({ seed: 17, pagesPerKeyword: 1, cardsPerPage: 5 });
    internal = await startInternalService();
    dns = new StaticResolver({
      "board.test": "127.0.0.1",
      "evil.test": "127.0.0.1",
      "metadata.test": "169.254.169.254",
      "six.test": "::1",
      "rebind.test": "93.184.216.34",
    });
    const network = { lookup: dns.lookup, privateEndpoints: [`127.0.0.1:${board.port}`] };
    strict = await createTestApp(
      "pglite",
      { allowPrivateHosts: false, allowPrivateWebhooks: false, ...network },
      { worker: true },
    );
    open = await createTestApp(
      "pglite",
      { allowPrivateHosts: true, allowPrivateWebhooks: false, ...network },
      { worker: true },
    );
  });
  afterAll(async () => {
    await strict.close();
    await open.close();
    await board.close();
    await internal.close();
  });

  const boardUrl = () => `http://board.test:${board.port}`;
  const internalBy = (host: string) => `http://${host}:${internal.port}`;
  const config = (extra: object = {}) => ({
    search_keywords: ["ke-toan"],
    max_pages: 1,
    request_delay: 0,
    max_jobs: 50,
    fetcher: "http",
    timeout: 5,
    ...extra,
  });
  const create = (t: TestApp, base_url: string, extra: object = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: bearer(t.adminToken),
      payload: { site_name: `Ssrf-${++n}`, kind: "topcv", base_url, config: config(), ...extra },
    });
  const sync = async (t: TestApp, siteName: string) =>
    waitFinal(t, (await startSync(t, siteName)).json().job_id, 60_000);
  const secretsStored = async (t: TestApp) =>
    (
      await queryRows<{ n: number }>(
        t.db.database.db,
        sql`SELECT count(*)::int AS n FROM job_postings WHERE to_jsonb(job_postings)::text LIKE ${`%${INTERNAL_SECRET}%`}`,
      )
    )[0]?.n ?? 0;

  it("refuses at create a name resolving to loopback, to 169.254.169.254 and to ::1, naming host and address", async () => {
    const cases: Array<[string, string]> = [
      [internalBy("evil.test"), "evil.test resolves to a private address (127.0.0.1, loopback)"],
      [
        "http://metadata.test/latest/meta-data",
        "metadata.test resolves to a private address (169.254.169.254, link-local)",
      ],
      [internalBy("six.test"), "six.test resolves to a private address (::1, loopback)"],
    ];
    for (const [url, reason] of cases) {
      const res = await create(strict, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: "base_url" });
      expect(res.json().error.message).toContain(`base_url refused: ${reason}; set ALLOW_PRIVATE_HOSTS=1 to allow it`);
      expect((await create(open, url)).statusCode, url).toBe(201);
    }
    // the board's own endpoint is exempt, by name or address
    expect((await create(strict, boardUrl())).statusCode).toBe(201);
    expect((await create(strict, `http://evil.test:${board.port}`)).statusCode).toBe(201);
  });

  it("refuses at sync a source saved when its address was allowed: nothing of the internal service is read", async () => {
    for (const host of ["evil.test", "six.test", "metadata.test"]) {
      const row = await strict.services.dataSourceRepository.create({
        siteName: `Stored-${host.replace(".", "-")}`,
        kind: "topcv",
        baseUrl: host === "metadata.test" ? "http://metadata.test" : internalBy(host),
        isActive: true,
        config: config(),
      });
      const job = await sync(strict, row!.siteName);
      expect(job.status, host).toBe("failed");
      expect(job.steps.find((step) => step.key === "check_availability")?.status).toBe("failed");
      // editing such a source (schedule, config, the form saved whole) never trips over its unchanged base_url...
      const edit = (payload: object) =>
        strict.app.inject({
          method: "PATCH",
          url: `/api/v1/admin/data-sources/${row!.siteName}`,
          headers: bearer(strict.adminToken),
          payload,
        });
      const kept = await edit({ base_url: row!.baseUrl, schedule_cron: "0 6 * * *", config: { max_pages: 2 } });
      expect(kept.statusCode, kept.body).toBe(200);
      // ...while moving it to another private address is refused
      expect((await edit({ base_url: `${internalBy("evil.test")}/other` })).statusCode).toBe(400);
      expect(job.error).toMatch(
        new RegExp(
          `^Check Availability: site unavailable: refused: ${host.replace(".", "\\.")} resolves to a private address`,
        ),
      );
    }
    expect(internal.requests).toEqual([]);
  });

  it("refuses after a redirect mid-crawl: those pages fail with the reason, the rest of the sync is saved", async () => {
    const cards = board.expectedCards("ke-toan", 1);
    const detailPath = (i: number) => new URL(cards[i]!.url).pathname;
    board.setFaults([
      { path: detailPath(0), type: "redirect", location: `${internalBy("evil.test")}/secret-a` },
      { path: detailPath(1), type: "redirect", location: `http://[::ffff:127.0.0.1]:${internal.port}/secret-b` },
      { path: detailPath(2), type: "redirect", location: "http://metadata.test/latest/meta-data/" },
    ]);
    try {
      const created = await create(strict, boardUrl());
      const job = await sync(strict, created.json().site_name);
      expect(job.status).toBe("completed");
      const crawl = job.steps.find((s) => s.key === "crawl_jobs")!;
      const errors = crawl.details.filter((d) => d.includes("refused"));
      expect(errors).toHaveLength(3);
      expect(errors.join("\n")).toContain("refused: evil.test resolves to a private address (127.0.0.1, loopback)");
      expect(errors.join("\n")).toContain(
        "refused: ::ffff:7f00:1 is a private address (IPv4-mapped 127.0.0.1, loopback)",
      );
      expect(errors.join("\n")).toContain(
        "refused: metadata.test resolves to a private address (169.254.169.254, link-local)",
      );
      expect(job.stats.jobs_added).toBe(cards.length);
      expect(internal.requests).toEqual([]);
      expect(await secretsStored(strict)).toBe(0);

      // with ALLOW_PRIVATE_HOSTS=1 the same redirects reach the internal service
      const reached = await create(open, boardUrl());
      await sync(open, reached.json().site_name);
      expect(internal.requests).toEqual(expect.arrayContaining(["/secret-a", "/secret-b"]));
    } finally {
      board.setFaults([]);
      internal.requests.length = 0;
    }
  });

  it("refuses after a rebinding answer change: saved while public, refused once it answers loopback, ::1, 169.254.169.254", async () => {
    const created = await create(strict, internalBy("rebind.test"));
    expect(created.statusCode).toBe(201); // 93.184.216.34 at save time
    const siteName = created.json().site_name;
    for (const [address, kind] of [
      ["127.0.0.1", "loopback"],
      ["::1", "loopback"],
      ["169.254.169.254", "link-local"],
    ]) {
      dns.set("rebind.test", address as string);
      const job = await sync(strict, siteName);
      expect(job.status).toBe("failed");
      expect(job.error).toBe(
        `Check Availability: site unavailable: refused: rebind.test resolves to a private address (${address}, ${kind}); set ALLOW_PRIVATE_HOSTS=1 to allow it`,
      );
    }
    expect(internal.requests).toEqual([]);
    // the same rebinding against ALLOW_PRIVATE_HOSTS=1 reaches it
    dns.set("rebind.test", "93.184.216.34");
    const reached = await create(open, internalBy("rebind.test"));
    dns.set("rebind.test", "127.0.0.1");
    await sync(open, reached.json().site_name);
    expect(internal.requests).toContain("/robots.txt");
    internal.requests.length = 0;
  });

  it("refuses a css source's start URL and card links on an internal host under a public base URL", async () => {
    const res = await create(strict, boardUrl(), {
      kind: "css",
      config: {
        start_urls: ["/tim-viec-lam-ke-toan", `${internalBy("six.test")}/jobs`, `${internalBy("evil.test")}/more`],
        selectors: {
          card: "div.job-item-search-result[data-job-id]",
          id: "@data-job-id",
          title: "h3.title a span",
          link: "h3.title a@href",
        },
        request_delay: 0,
        max_pages: 1,
        fetch_details: false,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const job = await sync(strict, res.json().site_name);
    expect(job.status).toBe("completed");
    const details = job.steps.find((s) => s.key === "crawl_jobs")!.details.join("\n");
    expect(details).toContain("refused: six.test resolves to a private address (::1, loopback)");
    expect(details).toContain("refused: evil.test resolves to a private address (127.0.0.1, loopback)");
    expect(job.stats.jobs_added).toBe(board.expectedCards("ke-toan", 1).length);
    expect(internal.requests).toEqual([]);
    expect(await secretsStored(strict)).toBe(0);
  });

  it("Test selectors: 400 naming host and address, and the same reason for a redirect", async () => {
    const selectors = {
      card: "div.job-item-search-result[data-job-id]",
      id: "@data-job-id",
      title: "h3.title a span",
      link: "h3.title a@href",
    };
    const preview = (t: TestApp, payload: object) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/admin/data-sources/test-selectors",
        headers: bearer(t.adminToken),
        payload,
      });
    const direct = await preview(strict, {
      base_url: boardUrl(),
      url: `${internalBy("evil.test")}/jobs`,
      config: { start_urls: ["/x"], selectors },
    });
    expect(direct.statusCode).toBe(400);
    expect(direct.json().error.details[0]).toMatchObject({ path: "url" });
    expect(direct.json().error.message).toContain(
      "url refused: evil.test resolves to a private address (127.0.0.1, loopback)",
    );
    board.setFaults([{ path: "/go", type: "redirect", location: `${internalBy("metadata.test")}/latest` }]);
    try {
      const redirected = await preview(strict, { base_url: boardUrl(), config: { start_urls: ["/go"], selectors } });
      expect(redirected.statusCode).toBe(200);
      expect(redirected.json()).toMatchObject({ outcome: "fetch_failed", cards: [] });
      expect(redirected.json().error).toMatch(
        /^refused: metadata\.test resolves to a private address \(169\.254\.169\.254, link-local\)/,
      );
      // allowed, "Test selectors" shows the internal page's secret as a job title: what the policy prevents
      board.setFaults([{ path: "/go", type: "redirect", location: `${internalBy("evil.test")}/latest` }]);
      const reached = await preview(open, { base_url: boardUrl(), config: { start_urls: ["/go"], selectors } });
      expect(reached.json().cards[0].title).toBe(INTERNAL_SECRET);
    } finally {
      board.setFaults([]);
      internal.requests.length = 0;
    }
  });

  it("webhooks: their own switch at create, and a rebinding answer refused at delivery, without retries", async () => {
    for (const t of [strict, open]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/admin/notifications/channels",
        headers: bearer(t.adminToken),
        payload: { name: `hook-${++n}`, type: "webhook", url: `${internalBy("evil.test")}/hook` },
      });
      expect(res.statusCode).toBe(400); // ALLOW_PRIVATE_HOSTS=1 does not open webhooks
      expect(res.json().error.message).toContain(
        "url refused: evil.test resolves to a private address (127.0.0.1, loopback); set ALLOW_PRIVATE_WEBHOOKS=1 to allow it",
      );
    }
    const hooks = new StaticResolver({ "hooks.test": "127.0.0.1" });
    const channel = {
      type: "webhook",
      url: `http://hooks.test:${internal.port}/hook`,
      secret: "s".repeat(32),
    } as StoredChannel;
    const payload = { event: "sync_job.completed" } as never;
    const senders = (allowPrivate: boolean) =>
      createChannelSenders({
        timeoutMillis: 2000,
        mailer: null,
        mailFrom: "x@y",
        network: new NetworkPolicy({ allowPrivate, switchName: "ALLOW_PRIVATE_WEBHOOKS", lookup: hooks.lookup }),
      });
    const refused = await senders(false).send(channel, payload, "d-1");
    expect(refused).toEqual({
      ok: false,
      responseCode: null,
      retryable: false,
      error:
        "refused: hooks.test resolves to a private address (127.0.0.1, loopback); set ALLOW_PRIVATE_WEBHOOKS=1 to allow it",
    });
    expect(internal.requests).toEqual([]);
    const allowed = await senders(true).send(channel, payload, "d-2");
    expect(allowed.ok).toBe(true);
    expect(internal.requests).toEqual(["/hook"]);
    internal.requests.length = 0;
  });

  it("the expiry re-check does not fetch a posting whose page now resolves to a private address", async () => {
    const created = await create(strict, boardUrl(), { config: config({ fetch_details: false }) });
    expect((await sync(strict, created.json().site_name)).status).toBe("completed");
    const db = strict.db.database.db;
    const [posting] = await queryRows<{ id: number }>(
      db,
      sql`UPDATE job_postings SET url = ${`${internalBy("evil.test")}/viec-lam/x/1.html`}, last_seen_at = now() - interval '3 days'
        WHERE id = (SELECT min(id) FROM job_postings) RETURNING id`,
    );
    const result = await strict.services.expirySweep.run({ recheckLimit: 1, staleHours: 1 });
    expect(result).toMatchObject({ rechecked: 1, failed: 1, closedByRecheck: 0 });
    const [row] = await queryRows<{ status: string }>(
      db,
      sql`SELECT status FROM job_postings WHERE id = ${posting!.id}`,
    );
    expect(row!.status).toBe("open");
    expect(internal.requests).toEqual([]);
  });
});
