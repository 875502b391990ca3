// ad-hoc screenshot script (not a test)
import { join } from "node:path";
import { ADMIN_EMAIL, ADMIN_PASSWORD, adminApi, startApp } from "./app";
import { launchChromium } from "./chromium";

const out = "/tmp/shots";
const app = await startApp();
const browser = await launchChromium();
try {
  await adminApi(app.url, "PATCH", "/admin/data-sources/TopCV-Demo", {
    config: { search_keywords: ["ke-toan"], max_pages: 2, request_delay: 0.3, fetcher: "http", fetch_details: true },
  });
  for (const [name, viewport, locale, tz] of [
    ["desk", { width: 1440, height: 900 }, "en-US", "UTC"],
    ["phone", { width: 390, height: 844 }, "vi-VN", "Asia/Ho_Chi_Minh"],
  ] as const) {
    const context = await browser.newContext({ viewport, locale, timezoneId: tz });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
    page.on("console", (m) => {
      if (m.type() === "error") console.log("CONSOLE", m.text());
    });
    await page.goto(`${app.url}/data-sources`);
    await page.locator("#login-email").fill(ADMIN_EMAIL);
    await page.locator("#login-password").fill(ADMIN_PASSWORD);
    await page.keyboard.press("Enter");
    await page.locator("table").first().waitFor();
    await page.screenshot({ path: join(out, `${name}-sources.png`) });
    await page.locator("header button").last().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}-dropdown.png`) });
    await page.getByRole("menuitem").filter({ hasText: "TopCV-Demo" }).first().click();
    await page.getByRole("dialog").waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: join(out, `${name}-modal-running.png`) });
    await page.waitForTimeout(9000);
    await page.screenshot({ path: join(out, `${name}-modal-done.png`), fullPage: true });
    console.log(name, page.url(), await page.title());
    await page.keyboard.press("Escape");
    await page.waitForTimeout(300);
    console.log("focus after close:", await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)));
    await page.goto(`${app.url}/job-postings`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${name}-postings.png`) });
    await page.goto(`${app.url}/sync-history`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${name}-history.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}
