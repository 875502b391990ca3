import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminApi, SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * Issue 8, part 2, as an admin does it in real Chromium against the real server: a webhook channel made on the
 * Notifications page receives one signed delivery when a filtered sync job completes, the delivery log shows it,
 * and a source that keeps failing is shown auto-disabled on the Data Sources page.
 */

const SYNC_TIMEOUT_MS = 120_000;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];
const pageErrors: string[] = [];

const api = (method: string, path: string, body?: object) => adminApi(app.url, method, path, body);

async function waitFinal(jobId: string): Promise<Record<string, unknown>> {
  for (const deadline = Date.now() + SYNC_TIMEOUT_MS; Date.now() < deadline; ) {
    const { json } = await api("GET", `/admin/data-sources/sync/jobs/${jobId}`);
    if (["completed", "failed", "cancelled"].includes(String(json.status))) return json;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`sync job ${jobId} did not finish`);
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  app = await startApp();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe("notifications, filters and auto-disable end to end", () => {
  test("signs in and creates a webhook channel on the Notifications page, with field errors first", async () => {
    await signIn(page, app.url);
    await page.getByRole("table", { name: "Data sources" }).waitFor();

    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByText("No channels yet").waitFor();
    await page.getByRole("button", { name: "New channel" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("URL").fill("not a url");
    await dialog.getByRole("button", { name: "Create channel" }).click();
    await dialog.getByText("Name must be 1 to 100 characters").waitFor();
    await dialog.getByText("URL must be an http:// or https:// address").waitFor();
    await dialog.getByLabel("Name").fill("Ops hook");
    await dialog.getByLabel("URL").fill(receiverUrl);
    await dialog.getByRole("button", { name: "Create channel" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = page.getByRole("table", { name: "Notification channels" }).locator("tr[data-channel='Ops hook']");
    await row.waitFor();
    expect(await row.textContent()).toContain("All data sources");
  });

  test("a filter set in the data source form is applied, and the sync job's end is delivered once, signed", async () => {
    await page.getByRole("link", { name: "Data Sources" }).click();
    await page.getByRole("button", { name: "Edit TopCV-Demo" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("Provinces").fill("Hà Nội");
    await form.getByLabel("Exclude keywords").fill("senior");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Sync Jobs" }).click();
    await page.getByRole("menuitem", { name: /^TopCV-Demo/ }).click();
    const modal = page.getByRole("dialog");
    await modal.waitFor();
    await modal.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    const jobId = (await modal.getByTestId("sync-job-id").textContent()) ?? "";
    expect(Number((await modal.getByTestId("stat-jobs_filtered").textContent())?.replace(/,/g, ""))).toBeGreaterThan(0);
    const job = await waitFinal(jobId);
    expect(job.status).toBe("completed");
    const stats = job.stats as Record<string, number>;
    expect(stats.jobs_filtered).toBeGreaterThan(0);
    await modal.getByRole("button", { name: "Close", exact: true }).click();
    await modal.waitFor({ state: "detached" });

    await page.getByRole("link", { name: "Notifications" }).click();
    const delivered = page.getByRole("table", { name: "Deliveries" }).getByText("Delivered");
    await delivered.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "notifications.png"), animations: "disabled" });

    const mine = received.filter((r) => JSON.parse(r.body).sync_job?.job_id === jobId);
    expect(mine).toHaveLength(1);
    const channel = page.locator("tr[data-channel='Ops hook']");
    await channel.getByText("Signing secret").click();
    const secret = (await channel.locator("code").textContent()) ?? "";
    const { headers, body } = mine[0]!;
    const expected = createHmac("sha256", secret).update(`${headers["x-jobsync-timestamp"]}.${body}`).digest("hex");
    expect(headers["x-jobsync-signature"]).toBe(`sha256=${expected}`);
    expect(JSON.parse(body)).toMatchObject({ event: "sync_job.completed", data_source: { site_name: "TopCV-Demo" } });
  });

  test("a source that keeps failing is shown degraded, then auto-disabled", async () => {
    const created = await api("POST", "/admin/data-sources", {
      site_name: "Dead-Board",
      kind: "topcv",
      base_url: "http://127.0.0.1:9",
      config: { search_keywords: ["ke-toan"], fetcher: "http", timeout: 2, auto_disable_after_failures: 1 },
    });
    expect(created.status).toBe(201);
    for (const expected of ["degraded", "deactivated"]) {
      const started = await api("POST", "/admin/data-sources/Dead-Board/sync", {});
      expect(started.status).toBe(202);
      expect((await waitFinal(String(started.json.job_id))).status).toBe("failed");
      expect((await api("GET", "/admin/data-sources/Dead-Board")).json.auto_disable).toBe(expected);
    }
    await page.getByRole("link", { name: "Data Sources" }).click();
    await page.reload();
    const row = page.locator("tr[data-site='Dead-Board']");
    await row.getByText(/^Auto-disabled/).waitFor();
    expect(await row.getByRole("switch").getAttribute("aria-checked")).toBe("false");

    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByRole("table", { name: "Deliveries" }).getByText("Data source auto-disabled").first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
