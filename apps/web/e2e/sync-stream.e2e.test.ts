import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminApi, SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signedInPage } from "./support/session";

/**
 * Issue 12 in Chromium: a sync of TopCV-Demo shows Crawl Jobs and Save Jobs running at once (postings saved while it
 * crawls), a cancel keeps what was saved, and Resume carries it on to completion from its checkpoint.
 */

const SYNC_TIMEOUT_MS = 120_000;
const STREAMING = {
  search_keywords: ["ke-toan", "python-developer"],
  max_pages: 4,
  request_delay: 0.05,
  fetcher: "http",
  fetch_details: true,
  max_jobs: 1000,
};

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const api = (method: string, path: string, body?: object) => adminApi(app.url, method, path, body);

const step = (dialog: Locator, key: string) => dialog.locator(`li[data-step='${key}']`);
const stat = async (dialog: Locator, key: string) =>
  Number(((await dialog.getByTestId(`stat-${key}`).first().textContent()) ?? "0").replace(/\D/g, ""));

beforeAll(async () => {
  app = await startApp();
  expect((await api("PATCH", "/admin/data-sources/TopCV-Demo", { config: STREAMING })).status).toBe(200);
  browser = await launchChromium();
  page = await signedInPage(browser, app.url, pageErrors);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("the streaming sync in the modal", () => {
  test("steps 5–8 run together while it crawls; a cancel keeps what was saved; Resume finishes it", async () => {
    await page.getByRole("button", { name: /^Sync Jobs/ }).click();
    await page.getByRole("menuitem", { name: /^TopCV-Demo/ }).click();
    const dialog = page.getByRole("dialog", { name: "Sync job: TopCV-Demo" });
    await dialog.waitFor();

    // Crawl Jobs still running while Save Jobs already saves
    await expect
      .poll(
        async () =>
          (await step(dialog, "crawl_jobs").getAttribute("data-status")) === "running" &&
          (await step(dialog, "save_jobs").getAttribute("data-status")) === "running" &&
          (await stat(dialog, "jobs_added")) > 0,
        { timeout: SYNC_TIMEOUT_MS, interval: 100 },
      )
      .toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "sync-modal-streaming.png") });

    await dialog.getByRole("button", { name: "Cancel sync" }).click();
    await page
      .getByRole("alertdialog", { name: "Cancel this sync job?" })
      .getByRole("button", { name: "Cancel sync job" })
      .click();
    await dialog.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    const cancelledId = (await dialog.getByTestId("sync-job-id").textContent()) ?? "";
    const saved = await stat(dialog, "jobs_added");
    expect(saved).toBeGreaterThan(0);
    await dialog.getByText(`${saved} job postings saved before the cancel`).first().waitFor();
    const cancelled = (await api("GET", `/admin/data-sources/sync/jobs/${cancelledId}`)).json;
    expect(cancelled).toMatchObject({ status: "cancelled", resumable: true });
    const stored = (await api("GET", "/jobs?source=TopCV-Demo&page_size=1")).json;
    expect(stored.total).toBe(saved);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "sync-modal-cancelled-resume.png") });

    // Resume: a new sync job continues from the checkpoint, and the modal follows it
    await dialog.getByRole("button", { name: "Resume" }).click();
    await expect
      .poll(async () => (await dialog.getByTestId("sync-job-id").textContent()) ?? "", { timeout: 30_000 })
      .not.toBe(cancelledId);
    await dialog
      .getByText(/continues sync job/)
      .first()
      .waitFor();
    await dialog.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    const resumedId = (await dialog.getByTestId("sync-job-id").textContent()) ?? "";
    const resumed = (await api("GET", `/admin/data-sources/sync/jobs/${resumedId}`)).json as {
      status: string;
      trigger: string;
      resumed_from: string;
      stats: { jobs_added: number; pages_restored: number };
    };
    expect(resumed).toMatchObject({ status: "completed", trigger: "resume", resumed_from: cancelledId });
    expect(resumed.stats.pages_restored).toBeGreaterThan(0);
    const total = (await api("GET", "/jobs?source=TopCV-Demo&page_size=1")).json;
    expect(total.total).toBe(saved + resumed.stats.jobs_added);
    expect(pageErrors).toEqual([]);
  });
});
