import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * A data source added through the UI, on a local board whose every posting carries script, handler, javascript: and
 * CSS payloads: after a sync job, its job postings show the payload as inert text and sanitised HTML.
 */

let app: Awaited<ReturnType<typeof startApp>>;
let board: FixtureBoard;
let browser: Browser;
let page: Page;
const scriptSignals: string[] = [];

beforeAll(async () => {
  board = await startFixtureBoard({ hostilePostings: 1, pagesPerKeyword: 1, cardsPerPage: 6, pageWeightBytes: 0 });
  app = await startApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on("dialog", (dialog) => {
    scriptSignals.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => scriptSignals.push(`pageerror: ${error.message}`));
  // Any request to the payloads' hosts means a payload ran or loaded.
  page.on("request", (request) => {
    if (request.url().includes("evil.example")) scriptSignals.push(`request: ${request.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await board?.close();
});

describe("hostile job postings", () => {
  test("a data source created in the UI syncs a board of hostile postings", async () => {
    await signIn(page, app.url);
    await page.getByRole("table", { name: "Data sources" }).waitFor();

    await page.getByRole("button", { name: "New data source" }).first().click();
    const form = page.getByRole("form", { name: "New data source" });
    await form.getByLabel("Name").fill("Hostile-Board");
    await form.getByLabel("Base URL").fill(board.url);
    await form.getByLabel("Search keywords").fill("python-developer");
    await form.getByLabel("Max pages").fill("1");
    await form.getByLabel("Request delay (seconds)").fill("0");
    await form.getByLabel("Fetcher").selectOption("http");
    await form.getByRole("button", { name: "Create data source" }).click();
    await form.waitFor({ state: "detached" });
    await page.locator("tr[data-site='Hostile-Board']").waitFor();

    await page.getByRole("button", { name: "Sync Jobs" }).click();
    await page.getByRole("menuitem", { name: /^Hostile-Board/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("region", { name: "Summary" }).waitFor({ timeout: 120_000 });
    expect(await dialog.locator("span[data-status]").first().getAttribute("data-status")).toBe("completed");
    expect(Number(await dialog.getByTestId("stat-jobs_added").textContent())).toBeGreaterThan(0);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
  });

  test("titles show the payload as text and the detail view renders it inert", async () => {
    await page.goto(`${app.url}/#/postings?source=Hostile-Board`);
    const titles = page.locator("li[data-posting-id] a[href^='/job-postings/']");
    await titles.first().waitFor();
    const texts = await titles.allTextContents();
    expect(texts.some((t) => t.includes("<script>"))).toBe(true);
    expect(await page.locator("li[data-posting-id] script, li[data-posting-id] img").count()).toBe(0);

    await titles.first().click();
    const article = page.locator("article");
    await article.getByRole("region", { name: "Job description" }).waitFor();
    expect(await article.locator("h1").textContent()).toContain("<script>");
    const prose = article.locator(".prose-posting");
    expect(await prose.count()).toBeGreaterThan(0);
    const dangerous = await prose.evaluateAll((nodes) =>
      nodes.flatMap((node) =>
        Array.from(node.querySelectorAll("*"))
          .filter(
            (el) =>
              ["SCRIPT", "STYLE", "IFRAME", "SVG", "IMG", "OBJECT", "EMBED"].includes(el.tagName.toUpperCase()) ||
              Array.from(el.attributes).some(
                (a) => a.name.startsWith("on") || a.name === "style" || /^\s*javascript:/i.test(a.value),
              ),
          )
          .map((el) => el.outerHTML),
      ),
    );
    expect(dangerous).toEqual([]);
    // The harmless text around the payloads survives.
    expect(await prose.first().textContent()).toContain("Mô tả");
    expect(scriptSignals).toEqual([]);
  });
});
