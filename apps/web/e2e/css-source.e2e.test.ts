import { join } from "node:path";
import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SCREENSHOT_DIR, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * A board added with no code, in real Chromium against the real server: create a css data source on the Data Sources
 * page, test its selectors (one wrong, then fixed), save it, sync it, and find its job postings.
 */

const SYNC_TIMEOUT_MS = 120_000;

let app: Awaited<ReturnType<typeof startApp>>;
let board: FixtureBoard;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  board = await startFixtureBoard({ seed: 31, pagesPerKeyword: 2, cardsPerPage: 15, pageWeightBytes: 16 * 1024 });
  app = await startApp();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await board?.close();
});

describe("a css data source made in the UI", () => {
  test("signs in", async () => {
    await signIn(page, app.url);
    await page.getByRole("table", { name: "Data sources" }).waitFor();
  });

  test("fills the css form and tests its selectors: a wrong one is named, then every selector matches", async () => {
    await page.getByRole("button", { name: "New data source" }).first().click();
    const form = page.getByRole("form", { name: "New data source" });
    await form.waitFor();
    await form.getByLabel("Name", { exact: true }).fill("Css-E2E");
    await form.getByLabel("Kind", { exact: true }).selectOption("css");
    await form.getByLabel("Base URL", { exact: true }).fill(board.url);
    await form.getByLabel("Start URLs", { exact: true }).fill("/tim-viec-lam-data-analyst?type_keyword=1&sba=1");
    await form.getByLabel("Page URL template", { exact: true }).fill("?page={page}");
    await form.getByLabel("Selectors: Card", { exact: true }).fill("div.job-item-search-result[data-job-id]");
    await form.getByLabel("Selectors: Title", { exact: true }).fill("h3.title a span");
    await form.getByLabel("Selectors: Link", { exact: true }).fill("h3.title a@href");
    await form.getByLabel("Selectors: Id", { exact: true }).fill("@data-job-id");
    await form.getByLabel("Selectors: Company", { exact: true }).fill("a.company .company-name");
    await form.getByLabel("Selectors: Salary", { exact: true }).fill("label.salary-typo");
    await form.getByLabel("Selectors: Location", { exact: true }).fill("label.address .city-text");
    await form.getByLabel("Selectors: Next page", { exact: true }).fill("a[rel=next]@data-href");
    await form.getByLabel("Drop query params", { exact: true }).fill("ta_source\nu_sr_id");
    await form.getByLabel("Request delay (seconds)", { exact: true }).fill("0");

    const panel = form.getByRole("region", { name: "Selector preview" });
    await panel.getByRole("button", { name: "Test selectors" }).click();
    const result = panel.getByTestId("selector-preview-result");
    await result.waitFor();
    expect(await panel.getByRole("status").textContent()).toContain("Matched nothing: selectors.salary");
    expect(await result.textContent()).toContain(`${board.expectedCards("data-analyst", 1).length} cards`);

    await form.getByLabel("Selectors: Salary", { exact: true }).fill("label.title-salary");
    await panel.getByRole("button", { name: "Test selectors" }).click();
    await expect.poll(() => panel.getByRole("status").textContent()).toBe("Every selector matched.");
    const first = board.expectedCards("data-analyst", 1)[0];
    const table = panel.getByRole("table", { name: "Cards read" });
    expect(await table.locator("tbody tr").first().textContent()).toContain(first?.title ?? "(none)");
    expect(await table.locator("tbody tr").first().textContent()).toContain(first?.salary_text ?? "(none)");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "css-source-preview.png"), animations: "disabled" });
  });

  test("refuses a selector that does not parse, next to its field", async () => {
    const form = page.getByRole("form", { name: "New data source" });
    await form.getByLabel("Selectors: Card", { exact: true }).fill("div[");
    await form.getByRole("button", { name: "Create data source" }).click();
    const card = form.getByLabel("Selectors: Card", { exact: true });
    await expect.poll(() => card.getAttribute("aria-invalid")).toBe("true");
    expect(await form.textContent()).toContain("Selectors: Card is not a valid CSS selector");
    await card.fill("div.job-item-search-result[data-job-id]");
  });

  test("saves it and syncs it: the board's postings are added", async () => {
    const form = page.getByRole("form", { name: "New data source" });
    await form.getByRole("button", { name: "Create data source" }).click();
    const row = page.locator("tr[data-site='Css-E2E']");
    await row.waitFor();

    await page.getByRole("button", { name: "Sync Jobs" }).click();
    await page.getByRole("menuitem", { name: /^Css-E2E/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByText("Final").waitFor({ timeout: SYNC_TIMEOUT_MS });
    expect(await dialog.locator("span[data-status]").first().getAttribute("data-status")).toBe("completed");
    expect(await dialog.locator("li[data-step='start_browser']").getAttribute("data-status")).toBe("skipped");
    const expected = new Set(board.expectedCards("data-analyst").map((c) => c.external_id)).size;
    expect(Number((await dialog.getByTestId("stat-jobs_added").textContent())?.replace(/,/g, ""))).toBe(expected);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();

    await expect
      .poll(() => row.getByRole("button", { name: /job postings of Css-E2E/ }).textContent(), {
        timeout: 15_000,
      })
      .toBe(String(expected));
    expect(pageErrors).toEqual([]);
  });
});
