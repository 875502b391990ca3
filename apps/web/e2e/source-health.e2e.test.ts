import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminApi, SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * Issue 13 in real Chromium: clean sync jobs build the demo source's baseline; the board's layout changes (its salary
 * element gone); a sync job from the Sync Jobs dropdown shows the alarm banner, the Data quality section and a
 * snapshot to download; the Data Sources table shows the source drifting (the reason on hover and focus); the source
 * page charts its sync jobs and shows salary below its baseline.
 */

const SOURCE = "TopCV-Demo";
const SYNC_TIMEOUT_MS = 120_000;

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
let boardUrl = "";
const pageErrors: string[] = [];

async function syncByApi(): Promise<Record<string, unknown>> {
  const started = await adminApi(app.url, "POST", `/admin/data-sources/${SOURCE}/sync`, {});
  expect(started.status).toBe(202);
  const jobId = String(started.json.job_id);
  for (const deadline = Date.now() + SYNC_TIMEOUT_MS; Date.now() < deadline; ) {
    const job = (await adminApi(app.url, "GET", `/admin/data-sources/sync/jobs/${jobId}`)).json;
    if (["completed", "failed", "cancelled"].includes(String(job.status))) return job;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`sync job ${jobId} did not finish`);
}

async function setLayout(variant: string | null) {
  const response = await fetch(`${boardUrl}/__admin/faults`, {
    method: "POST",
    body: JSON.stringify(variant ? [{ type: "layout", variant }] : []),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  app = await startApp();
  const source = await adminApi(app.url, "GET", `/admin/data-sources/${SOURCE}`);
  boardUrl = String(source.json.base_url).replace(/\/$/, "");
  // a small crawl: two searches, one page each
  const patched = await adminApi(app.url, "PATCH", `/admin/data-sources/${SOURCE}`, {
    config: { search_keywords: ["python-developer", "ke-toan"], max_pages: 1, request_delay: 0 },
  });
  expect(patched.status).toBe(200);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("source health end to end", () => {
  test("clean sync jobs, then the board drops its salaries: banner, data quality, snapshot, badge, source page", async () => {
    for (let i = 0; i < 3; i++) {
      const job = await syncByApi();
      expect(job.status).toBe("completed");
      expect(job.alarms).toEqual([]);
    }
    await setLayout("no-salary");

    await signIn(page, app.url);
    const table = page.getByRole("table", { name: "Data sources" });
    await table.waitFor();
    const row = table.locator(`tr[data-site='${SOURCE}']`);
    await row.getByRole("button", { name: "Healthy" }).waitFor();

    await page.getByRole("button", { name: "Sync Jobs" }).click();
    await page.getByRole("menuitem", { name: new RegExp(`^${SOURCE}`) }).click();
    const modal = page.getByRole("dialog");
    await modal.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    const banner = modal.getByTestId("alarm-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/salary filled in 0 % of postings, usually \d+ %/);
    const quality = modal.getByTestId("data-quality");
    expect(await quality.getByRole("heading", { name: "Data quality" }).isVisible()).toBe(true);
    expect(await quality.locator("[data-field='salary'] dd").textContent()).toBe("0%");
    expect(await quality.locator("[data-field='title'] dd").textContent()).toBe("100%");
    const snapshot = modal.getByRole("button", { name: "Download snapshot 1: drift" });
    await snapshot.waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "source-health-modal.png"), animations: "disabled" });

    // the snapshot downloads as a text attachment; nothing opens in the admin's origin
    const pagesBefore = page.context().pages().length;
    const [download] = await Promise.all([page.waitForEvent("download"), snapshot.click()]);
    expect(download.suggestedFilename()).toMatch(/^snapshot-[0-9a-f]{8}-1-drift\.html\.txt$/);
    expect(page.context().pages().length).toBe(pagesBefore);

    await modal.getByRole("button", { name: "Close", exact: true }).click();
    await modal.waitFor({ state: "detached" });
    const badge = row.getByRole("button", { name: "Drifting" });
    await badge.waitFor({ timeout: 30_000 });
    await badge.focus();
    const tooltip = row.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toMatch(/^salary filled in 0 %/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "source-health-badge.png"), animations: "disabled" });

    await row.getByRole("link", { name: SOURCE }).click();
    await page.getByRole("heading", { level: 1, name: SOURCE }).waitFor();
    expect(page.url()).toBe(`${app.url}/data-sources/${SOURCE}`);
    const chart = page.getByTestId("sync-jobs-chart");
    await chart.locator(".recharts-bar-rectangle").first().waitFor();
    expect(await page.getByRole("heading", { name: "Last 4 sync jobs" }).isVisible()).toBe(true);
    const fill = page.getByRole("table", { name: "Fill rate per field" });
    expect(await fill.locator("tr[data-field='salary']").getAttribute("data-drifted")).toBe("true");
    expect(await fill.locator("tr[data-field='title']").getAttribute("data-drifted")).toBeNull();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "source-page.png"), animations: "disabled", fullPage: true });

    await setLayout(null);
    expect(pageErrors).toEqual([]);
  });
});
