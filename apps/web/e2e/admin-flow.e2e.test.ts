import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_EMAIL, ADMIN_PASSWORD, SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { unaccent } from "./support/text";

/**
 * What an admin does, in real Chromium against the real server (embedded database, worker, demo fixture board):
 * sign in, start a sync job from the Sync Jobs dropdown, watch its nine steps, find its job postings, cancel a second
 * sync job, and search without accents.
 */

const SYNC_TIMEOUT_MS = 120_000;

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let firstSync: { jobId: string; found: number; added: number };

async function statOf(dialog: Locator, key: string): Promise<number> {
  const text = await dialog.getByTestId(`stat-${key}`).textContent();
  return Number((text ?? "").replace(/,/g, ""));
}

async function startSyncFromDropdown(siteName: string): Promise<Locator> {
  await page.getByRole("link", { name: "Data Sources" }).click();
  await page.getByRole("button", { name: "Sync Jobs" }).click();
  await page.getByRole("menuitem", { name: new RegExp(`^${siteName}`) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  return dialog;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    pageErrors.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("admin UI end to end", () => {
  test("signs in and lists the data sources", async () => {
    await page.goto(app.url);
    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/invalid/i);

    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const table = page.getByRole("table", { name: "Data sources" });
    await table.waitFor();
    expect(await table.locator("tr[data-site='TopCV-Demo']").count()).toBe(1);
  });

  test("the Sync Jobs dropdown starts a sync job whose nine steps complete in the modal", async () => {
    await page.getByRole("button", { name: "Sync Jobs" }).click();
    const item = page.getByRole("menuitem", { name: /^TopCV-Demo/ });
    await item.waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "data-sources-dropdown.png"), animations: "disabled" });
    await item.click();

    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // While it runs: a running step, counters moving, following live.
    await dialog
      .locator(
        "li[data-status='running'][data-step='crawl_jobs'], li[data-status='running'][data-step='process_jobs'], li[data-status='running'][data-step='save_jobs']",
      )
      .first()
      .waitFor({ timeout: SYNC_TIMEOUT_MS });
    await expect.poll(() => statOf(dialog, "jobs_found"), { timeout: SYNC_TIMEOUT_MS }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "sync-modal-running.png"), animations: "disabled" });

    const summary = dialog.getByRole("region", { name: "Summary" });
    await summary.waitFor({ timeout: SYNC_TIMEOUT_MS });
    expect(await dialog.locator("span[data-status]").first().getAttribute("data-status")).toBe("completed");
    const statuses = await dialog
      .locator("li[data-step]")
      .evaluateAll((items) =>
        items.map((li) => `${(li as HTMLElement).dataset.step}:${(li as HTMLElement).dataset.status}`),
      );
    expect(statuses).toEqual([
      "initialize:completed",
      "check_availability:completed",
      "start_browser:skipped",
      "generate_urls:completed",
      "crawl_jobs:completed",
      "process_jobs:completed",
      "check_duplicates:completed",
      "save_jobs:completed",
      "cleanup:completed",
    ]);
    expect(await dialog.getByTestId("overall-percent").textContent()).toBe("100%");
    await dialog.getByText("Final").waitFor();
    // every page it fetched is in its archive, downloadable beside the report
    await dialog.getByTestId("sync-job-archive").waitFor();
    await dialog.getByRole("button", { name: "Download the page archive as WARC" }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "sync-modal-finished.png"), animations: "disabled" });

    const jobId = (await dialog.getByTestId("sync-job-id").textContent()) ?? "";
    firstSync = { jobId, found: await statOf(dialog, "jobs_found"), added: await statOf(dialog, "jobs_added") };
    expect(firstSync.added).toBeGreaterThan(0);
    expect(page.url()).toContain(`job=${jobId}`);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
  });

  test("the data source row and the postings page show what the sync job added", async () => {
    const row = page.locator("tr[data-site='TopCV-Demo']");
    await expect
      .poll(() => row.getByRole("button", { name: /job postings of TopCV-Demo/ }).textContent())
      .toBe(firstSync.added.toLocaleString("en-US"));
    expect(await row.locator("span[data-status]").first().getAttribute("data-status")).toBe("completed");

    await row.getByRole("button", { name: /job postings of TopCV-Demo/ }).click();
    await page.getByRole("region", { name: "Results" }).waitFor();
    expect(await page.getByLabel("Data source").inputValue()).toBe("TopCV-Demo");
    await expect
      .poll(() => page.getByTestId("result-count").textContent())
      .toMatch(new RegExp(`of ${firstSync.added.toLocaleString("en-US")} job postings$`));
    // Links to the originals never hand over the opener.
    const original = page.getByRole("link", { name: /^Original: / }).first();
    expect(await original.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await original.getAttribute("target")).toBe("_blank");
  });

  test("search ignores accents", async () => {
    const titles = await page.locator("li[data-posting-id] a[href^='/job-postings/']").allTextContents();
    const accented = titles.find((title) => unaccent(title) !== title.toLowerCase() && title.split(" ").length >= 2);
    expect(accented, `no accented title among ${titles.join(" | ")}`).toBeDefined();
    const words = (accented as string).split(/\s+/).slice(0, 2).join(" ");
    const plain = unaccent(words);
    expect(plain).not.toBe(words.toLowerCase());

    const search = page.getByLabel("Search", { exact: true });
    const unfiltered = await page.getByTestId("result-count").textContent();
    await search.fill(plain);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent(plain).replace(/%20/g, "+")}`);
    // the previous results stay on screen until the search answers: wait for its count
    await expect.poll(() => page.getByTestId("result-count").textContent()).not.toBe(unfiltered);
    await expect
      .poll(async () =>
        (await page.locator("li[data-posting-id] a[href^='/job-postings/']").allTextContents()).map(unaccent),
      )
      .toContainEqual(expect.stringContaining(plain));
    const plainCount = await page.getByTestId("result-count").textContent();

    await search.fill(words);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.url()).toContain("q=");
    await expect.poll(() => page.getByTestId("result-count").textContent()).toBe(plainCount);
  });

  test("a second sync job can be cancelled from the modal", async () => {
    // Slow the demo source down through the edit form so there is time to cancel.
    await page.getByRole("link", { name: "Data Sources" }).click();
    await page.getByRole("button", { name: "Edit TopCV-Demo" }).click();
    const form = page.getByRole("form", { name: "Edit data source" });
    await form.getByLabel("Request delay (seconds)").fill("99");
    await form.getByRole("button", { name: "Save changes" }).click();
    // the message names the field as the form labels it, and that field has focus
    await form.getByText("Request delay (seconds) must be a number of seconds from 0 to 60").waitFor();
    expect(await form.getByLabel("Request delay (seconds)").evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel("Request delay (seconds)").fill("1.5");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });

    const dialog = await startSyncFromDropdown("TopCV-Demo");
    await expect.poll(() => dialog.getByTestId("sync-job-id").textContent()).not.toBe(firstSync.jobId);
    await dialog.locator("li[data-status='running']").first().waitFor({ timeout: SYNC_TIMEOUT_MS });
    await dialog.getByRole("button", { name: "Cancel sync" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Cancel this sync job?" });
    await confirm.getByRole("button", { name: "Cancel sync job" }).click();
    await confirm.waitFor({ state: "detached" });

    const summary = dialog.getByRole("region", { name: "Summary" });
    await summary.waitFor({ timeout: SYNC_TIMEOUT_MS });
    expect(await dialog.locator("span[data-status]").first().getAttribute("data-status")).toBe("cancelled");
    expect(await dialog.locator("li[data-step='cleanup']").getAttribute("data-status")).toBe("completed");
    expect(await dialog.getByRole("button", { name: "Cancel sync" }).count()).toBe(0);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();

    await page.getByRole("link", { name: "Sync History" }).click();
    const rows = page.locator("tr[data-job-id]");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().locator("span[data-status]").getAttribute("data-status")).toBe("cancelled");
    await rows.nth(1).click();
    await expect.poll(() => page.getByRole("dialog").getByTestId("sync-job-id").textContent()).toBe(firstSync.jobId);
    await page.keyboard.press("Escape");
  });

  test("no page errors and no script ran", () => {
    expect(pageErrors).toEqual([]);
  });
});
