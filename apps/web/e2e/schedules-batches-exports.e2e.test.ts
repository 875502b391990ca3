import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminApi, SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * Issue 8, part 1, as an admin does it in real Chromium against the real server: a schedule on the Data Sources page
 * (a bad cron named next to its field, then the next run shown), two sources synced together from the Sync Jobs
 * dropdown and followed in the batch view, the sync job report downloaded from the modal, and the job postings
 * downloaded as CSV.
 */

const SYNC_TIMEOUT_MS = 150_000;

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = (method: string, path: string, body?: object) => adminApi(app.url, method, path, body);

/** Click what starts a download and return the downloaded file's text. */
async function downloadOf(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

beforeAll(async () => {
  app = await startApp();
  const demo = await api("GET", "/admin/data-sources/TopCV-Demo");
  const small = { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 0, fetcher: "http", fetch_details: false };
  await api("PATCH", "/admin/data-sources/TopCV-Demo", { config: small });
  const created = await api("POST", "/admin/data-sources", {
    site_name: "Demo-Two",
    kind: "topcv",
    base_url: demo.json.base_url,
    config: { ...small, search_keywords: ["python-developer"] },
  });
  expect(created.status).toBe(201);
  browser = await launchChromium();
  // a browser in UTC, in British English: the schedule must still read 06:30 in its own zone
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: "en-GB",
    timezoneId: "UTC",
  });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("schedules, multi-site sync and export end to end", () => {
  test("a schedule is set on the Data Sources page: a bad cron is named, then the next run shows", async () => {
    await signIn(page, app.url);
    const table = page.getByRole("table", { name: "Data sources" });
    await table.waitFor();
    await expect.poll(() => table.locator("tr[data-site='Demo-Two']").textContent()).toContain("Manual");

    await page.getByRole("button", { name: "Edit Demo-Two" }).click();
    const form = page.getByRole("form", { name: "Edit data source" });
    await form.getByLabel("Schedule (cron)").fill("61 6 * * *");
    await form.getByLabel("Time zone").fill("Asia/Ho_Chi_Minh");
    await form.getByRole("button", { name: "Save changes" }).click();
    // the server's cron-parser names the field and the reason
    await form
      .getByText("Schedule (cron) is not a valid cron expression: Constraint error, got value 61 expected range 0-59")
      .waitFor();

    await form.getByLabel("Schedule (cron)").fill("30 6 * * *");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });
    const nextRun = page.getByTestId("next-run-Demo-Two");
    await expect.poll(() => nextRun.textContent()).toMatch(/30 6 \* \* \*.*next in \d+ (minutes?|hours?)/);
    // 06:30 in the schedule's own zone, whatever the browser's (this one is in UTC)
    expect(await nextRun.locator("time").textContent()).toMatch(/06:30 GMT\+7$/);
    expect(await nextRun.getAttribute("title")).toBe("30 6 * * * (Asia/Ho_Chi_Minh)");
    const stored = await api("GET", "/admin/data-sources/Demo-Two");
    expect(stored.json).toMatchObject({ schedule_cron: "30 6 * * *", schedule_timezone: "Asia/Ho_Chi_Minh" });
    // 06:30 in Ho Chi Minh City is 23:30 UTC
    expect(new Date(String(stored.json.next_run_at)).getUTCHours()).toBe(23);
    // its fires: none yet
    await nextRun.getByRole("button", { name: "30 6 * * *" }).click();
    const fires = page.getByRole("dialog", { name: "Schedule of Demo-Two" });
    await fires.getByText("Not fired yet").waitFor();
    await page.keyboard.press("Escape");
    await fires.waitFor({ state: "detached" });
  });

  test("two sources picked in the Sync Jobs dropdown run as one batch, followed in the batch view", async () => {
    await page.getByRole("button", { name: "Sync Jobs" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Pick TopCV-Demo" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Pick Demo-Two" }).click();
    expect(await page.getByRole("menuitemcheckbox", { name: "Pick Demo-Two" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    await page.getByRole("menuitem", { name: "Sync 2 selected" }).click();

    const dialog = page.getByRole("dialog");
    await dialog.getByRole("table", { name: "Sync jobs of the batch" }).waitFor();
    expect(await dialog.getByRole("heading").first().textContent()).toBe("Batch sync: 2 data sources");
    await expect
      .poll(() => dialog.getByTestId("batch-state").textContent(), { timeout: SYNC_TIMEOUT_MS, interval: 500 })
      .toBe("Finished");
    const batchId = (await dialog.getByTestId("sync-batch-id").textContent())!;
    expect(page.url()).toContain(`batch=${batchId}`);
    const batch = await api("GET", `/admin/data-sources/sync/batches/${batchId}`);
    const summary = batch.json.summary as { by_status: Record<string, number>; stats: { jobs_added: number } };
    expect(summary.by_status).toEqual({ completed: 2 });
    expect(summary.stats.jobs_added).toBeGreaterThan(0);
    expect(await dialog.getByTestId("stat-jobs_added").textContent()).toBe(String(summary.stats.jobs_added));
    for (const site of ["TopCV-Demo", "Demo-Two"]) {
      expect(await dialog.locator(`tr[data-site='${site}']`).textContent()).toContain("Completed");
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, "sync-batch-finished.png"), animations: "disabled" });
  });

  test("the sync job modal downloads its report as CSV and JSON", async () => {
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Open Demo-Two" }).click();
    await dialog.getByTestId("sync-job-id").waitFor();
    const jobId = (await dialog.getByTestId("sync-job-id").textContent())!;
    const job = (await api("GET", `/admin/data-sources/sync/jobs/${jobId}`)).json as {
      site_name: string;
      stats: { jobs_added: number };
    };
    expect(job.site_name).toBe("Demo-Two");

    const csv = await downloadOf(() => dialog.getByRole("button", { name: "Export the report as CSV" }).click());
    expect(csv.name).toBe(`sync-job-Demo-Two-${jobId.slice(0, 8)}.csv`);
    expect(csv.text.startsWith("\uFEFFsection,field,value\r\nsummary,job_id,")).toBe(true);
    const postingLines = csv.text.split("\r\n").filter((line) => line.startsWith("posting,added,"));
    expect(postingLines).toHaveLength(job.stats.jobs_added);

    const json = await downloadOf(() => dialog.getByRole("button", { name: "Export the report as JSON" }).click());
    const report = JSON.parse(json.text) as { job_id: string; steps: unknown[]; postings: Array<{ change: string }> };
    expect(report.job_id).toBe(jobId);
    expect(report.steps).toHaveLength(9);
    expect(report.postings.filter((p) => p.change === "added")).toHaveLength(job.stats.jobs_added);
    await dialog.getByRole("button", { name: "Close" }).first().click();
  });

  test("the Job Postings page downloads the search results as CSV", async () => {
    await page.getByRole("link", { name: "Job Postings" }).click();
    await page.getByRole("searchbox", { name: "Search" }).fill("ke toan");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("q=ke");
    const search = await fetch(`${app.url}/api/v1/jobs?q=ke+toan&page_size=1`);
    const { total } = (await search.json()) as { total: number };
    expect(total).toBeGreaterThan(0);

    const file = await downloadOf(() => page.getByRole("button", { name: "Export CSV" }).click());
    expect(file.name).toBe("job-postings.csv");
    const lines = file.text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "\uFEFFid,site_name,external_id,title,company,url,locations,provinces,salary_raw,salary_min,salary_max,salary_currency,salary_period,experience,tags,deadline,status,first_seen_at,last_seen_at",
    );
    expect(lines).toHaveLength(total + 1);
    expect(pageErrors).toEqual([]);
  });
});
