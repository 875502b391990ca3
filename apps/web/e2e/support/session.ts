import type { Browser, Page } from "playwright-core";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./app";

/** Sign in through the login form (its fields by id, so it works in either language). */
/** A signed-in admin's page at a laptop's size in English; errors the page throws are collected in `pageErrors`. */
export async function signedInPage(browser: Browser, url: string, pageErrors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page, url);
  return page;
}

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("#login-email").fill(ADMIN_EMAIL);
  await page.locator("#login-password").fill(ADMIN_PASSWORD);
  await page.locator("#login-password").press("Enter");
  await page.locator("main h1").first().waitFor();
  await page.locator("#login-email").waitFor({ state: "detached" });
}

/** What has focus now, as "tag: accessible text" (for assertions and failure messages). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    const name = el.getAttribute("aria-label") ?? el.textContent ?? "";
    return `${el.tagName.toLowerCase()}: ${name.trim().replace(/\s+/g, " ")}`;
  });
}

/** Press Tab until `matches` holds for the focused element (at most `max` times); fails otherwise. */
export async function tabTo(page: Page, matches: (text: string) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached it; focus is on ${await focused(page)}`);
}
