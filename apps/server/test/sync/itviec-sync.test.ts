import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JobPostingSummary } from "@jobsync/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSync, waitFinal } from "../support/sync-helpers";
import { bearer, createTestApp, type TestApp } from "../support/test-app";
import { databaseKinds } from "../support/test-database";

const SAMPLES = new URL("../../../../../shared/samples/itviec/", import.meta.url);
const companyPage = readFileSync(new URL("company-jobs-page.html", SAMPLES), "utf8");
const challengePage = readFileSync(new URL("cloudflare-challenge.html", SAMPLES), "utf8");

/** A local stand-in for itviec.com serving the saved real pages: the company page, or the challenge everywhere. */
function startItviecServer(mode: "pages" | "challenge"): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (mode === "challenge") {
      res.writeHead(403, { "content-type": "text/html; charset=UTF-8" });
      res.end(challengePage);
    } else if (path === "/companies/mb-bank") {
      res.writeHead(200, { "content-type": "text/html; charset=UTF-8" });
      res.end(companyPage);
    } else if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=UTF-8" });
      res.end("<html><head><title>ITviec</title></head><body>home</body></html>");
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

/** The ITviec adapter in a real sync job, on the saved real pages served over HTTP. */
describe.each(databaseKinds())("an itviec source on %s", (kind) => {
  let t: TestApp;
  let site: { server: Server; url: string };
  let blocked: { server: Server; url: string };
  beforeAll(async () => {
    site = await startItviecServer("pages");
    blocked = await startItviecServer("challenge");
    t = await createTestApp(kind, {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
    site.server.close();
    blocked.server.close();
  });
  const create = (siteName: string, baseUrl: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: bearer(t.adminToken),
      payload: {
        site_name: siteName,
        kind: "itviec",
        base_url: baseUrl,
        config: {
          search_keywords: [],
          companies: ["mb-bank"],
          fetcher: "http",
          request_delay: 0,
          fetch_details: false,
        },
      },
    });

  it("stores the company page's 34 postings with Hà Nội and an unknown salary", async () => {
    expect((await create("ITviec-Local", site.url)).statusCode).toBe(201);
    const started = await startSync(t, "ITviec-Local");
    const job = await waitFinal(t, started.json().job_id);
    expect(job.status, JSON.stringify(job.steps)).toBe("completed");
    expect(job.stats).toMatchObject({ pages_fetched: 1, jobs_found: 34, jobs_added: 34, jobs_invalid: 0 });
    const res = await t.app.inject({ url: "/api/v1/jobs?source=ITviec-Local&page_size=100" });
    const items = res.json().items as JobPostingSummary[];
    expect(items).toHaveLength(34);
    for (const p of items) {
      expect(p.company).toBe("MB Bank");
      expect(p.provinces).toEqual(["Hà Nội"]);
      expect(p.salary).toMatchObject({ min: null, max: null, raw: null });
      expect(p.url).toMatch(new RegExp(`^${site.url}/it-jobs/[a-z0-9-]+$`));
    }
  });

  it("fails as blocked when the site answers its challenge page", async () => {
    expect((await create("ITviec-Blocked", blocked.url)).statusCode).toBe(201);
    const started = await startSync(t, "ITviec-Blocked");
    const job = await waitFinal(t, started.json().job_id);
    expect(job.status).toBe("failed");
    expect(job.error).toContain("blocked by the site");
  });
});
