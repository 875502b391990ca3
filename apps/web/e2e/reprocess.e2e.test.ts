import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminApi, SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signedInPage } from "./support/session";

/**
 * Issue 14 in Chromium: a sync of TopCV-Demo archives its pages; Re-process in its modal starts a new sync job that
 * reads them from the archive, with Check Availability and Start Browser skipped "from archive".
 */

const SYNC_TIMEOUT_MS = 120_000;
const SMALL = {
  search_keywords: ["ke-toan"],
  max_pages: 2,
  request_delay: 0,
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

beforeAll(async () => {
  app = await startApp();
  expect((await api("PATCH", "/admin/data-sources/TopCV-Demo", { config: SMALL })).status).toBe(200);
  browser = await launchChromium();
  page = await signedInPage(browser, app.url, pageErrors);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("re-processing a sync job from its page archive", () => {
  test("sync, Re-process, and the new sync job's modal with its steps skipped from archive", async () => {
    await page.getByRole("button", { name: /^Sync Jobs/ }).click();
    await page.getByRole("menuitem", { name: /^TopCV-Demo/ }).click();
    const dialog = page.getByRole("dialog", { name: "Sync job: TopCV-Demo" });
    await dialog.waitFor();
    await dialog.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    const firstId = (await dialog.getByTestId("sync-job-id").textContent()) ?? "";
    const first = (await api("GET", `/admin/data-sources/sync/jobs/${firstId}`)).json as {
      status: string;
      archive: { pages: number; bytes: number };
    };
    expect(first.status).toBe("completed");
    expect(first.archive.pages).toBeGreaterThan(0);
    await expect
      .poll(async () => (await dialog.getByTestId("sync-job-archive").textContent()) ?? "")
      .toMatch(new RegExp(`^Page archive: ${first.archive.pages} pages, [\\d.,]+ (KB|MB)$`));

    await dialog.getByRole("button", { name: "Re-process" }).click();
    await expect
      .poll(async () => (await dialog.getByTestId("sync-job-id").textContent()) ?? "", { timeout: 30_000 })
      .not.toBe(firstId);
    await dialog
      .getByText(`re-processes sync job ${firstId.slice(0, 8)}`)
      .first()
      .waitFor();
    await dialog.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    for (const key of ["check_availability", "start_browser"]) {
      await expect.poll(async () => step(dialog, key).getAttribute("data-status")).toBe("skipped");
      await expect.poll(async () => (await step(dialog, key).textContent()) ?? "").toMatch(/from archive/);
    }
    await expect.poll(async () => step(dialog, "crawl_jobs").getAttribute("data-status")).toBe("completed");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "sync-modal-reprocess.png") });

    const secondId = (await dialog.getByTestId("sync-job-id").textContent()) ?? "";
    const second = (await api("GET", `/admin/data-sources/sync/jobs/${secondId}`)).json as Record<string, unknown>;
    expect(second).toMatchObject({
      status: "completed",
      trigger: "reprocess",
      reprocessed_from: firstId,
      archive: null,
    });
    // nothing changed in between: every posting is seen again unchanged
    const stats = second.stats as { jobs_added: number; jobs_updated: number; jobs_unchanged: number };
    expect(stats.jobs_added + stats.jobs_updated).toBe(0);
    expect(stats.jobs_unchanged).toBeGreaterThan(0);
    expect(await dialog.getByRole("button", { name: "Re-process" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
