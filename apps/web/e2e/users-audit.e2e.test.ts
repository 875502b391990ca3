import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_EMAIL, SCREENSHOT_DIR, startApp } from "./support/app";
import { axeViolations, serious } from "./support/axe";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * Issue 16 as people do it in real Chromium against the real server: an admin creates a viewer on the Users page,
 * the viewer signs in and sees read-only pages, the admin promotes, demotes and deactivates them and each time the
 * viewer's open page falls back to sign-in; the Audit log page shows each of those actions.
 */

const VIEWER_EMAIL = "colleague@jobsync.test";
/** An open page notices an ended session at its next request: the session check runs every 10 s. */
const FALLBACK_MS = 30_000;

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let adminContext: BrowserContext;
let viewerContext: BrowserContext;
let admin: Page;
let viewer: Page;
let viewerPassword = "";
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  admin = await adminContext.newPage();
  viewer = await viewerContext.newPage();
  for (const page of [admin, viewer]) page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** axe over the page once the toasts have gone (they fade; their colours are the toast library's). */
async function axeClean(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("[data-sonner-toast]").length === 0, null, {
    timeout: 15_000,
  });
  expect(serious(await axeViolations(page))).toEqual([]);
}

async function viewerSignsIn(): Promise<void> {
  await viewer.locator("#login-email").fill(VIEWER_EMAIL);
  await viewer.locator("#login-password").fill(viewerPassword);
  await viewer.locator("#login-password").press("Enter");
  await viewer.getByRole("table", { name: "Data sources" }).waitFor();
}

async function setRole(role: "admin" | "viewer"): Promise<void> {
  const row = admin.locator(`tr[data-user="${VIEWER_EMAIL}"]`);
  await row.getByRole("combobox", { name: `Role of ${VIEWER_EMAIL}` }).selectOption(role);
  await admin.getByText(`${VIEWER_EMAIL} saved`).first().waitFor();
}

describe("users, roles and the audit log end to end", () => {
  test("an admin creates a viewer on the Users page; the generated password is shown once", async () => {
    await signIn(admin, app.url);
    await admin.getByRole("link", { name: "Users" }).click();
    await admin.getByRole("table", { name: "Users" }).waitFor();
    await admin.getByRole("button", { name: "New user" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await dialog.getByText("E-mail", { exact: false }).first().waitFor();
    expect(await dialog.locator("[aria-invalid='true']").count()).toBeGreaterThan(0);
    await dialog.getByLabel("E-mail").fill(VIEWER_EMAIL);
    await dialog.getByLabel("Role").selectOption("viewer");
    await dialog.getByRole("button", { name: "Create user" }).click();
    viewerPassword = (await admin.getByTestId("generated-password").textContent())?.trim() ?? "";
    expect(viewerPassword).toMatch(/^\S{16,}$/);
    await admin.getByRole("button", { name: "Close" }).first().click();
    await admin.locator(`tr[data-user="${VIEWER_EMAIL}"]`).waitFor();
    await axeClean(admin);
  });

  test("the viewer signs in and sees every page read-only: write buttons disabled with a tooltip", async () => {
    await viewer.goto(app.url);
    await viewerSignsIn();
    const create = viewer.getByRole("button", { name: "New data source" }).first();
    expect(await create.isDisabled()).toBe(true);
    const wrapper = viewer.locator("[data-read-only]").first();
    expect(await wrapper.getAttribute("title")).toBe("Only an admin can do this");
    expect(
      await viewer
        .getByRole("button", { name: /Sync jobs|Sync/ })
        .first()
        .isDisabled(),
    ).toBe(true);
    // admin-only pages are not offered
    expect(await viewer.getByRole("link", { name: "Users" }).count()).toBe(0);
    expect(await viewer.getByRole("link", { name: "Audit log" }).count()).toBe(0);
    await viewer.getByRole("link", { name: "Notifications" }).click();
    await viewer.getByRole("heading", { name: "Notifications" }).first().waitFor();
    expect(await viewer.getByRole("button", { name: "New channel" }).isDisabled()).toBe(true);
    await axeClean(viewer);
    // a deep link to an edit form shows the list to a viewer: nothing there could be saved
    await viewer.goto(`${app.url}/data-sources/TopCV-Demo/edit`);
    await viewer.getByRole("table", { name: "Data sources" }).waitFor();
    expect(await viewer.getByRole("dialog").count()).toBe(0);
    await viewer.goto(`${app.url}/data-sources`);
    await viewer.getByRole("table", { name: "Data sources" }).waitFor();
  });

  test("a role change ends the viewer's session: the open page falls back to sign-in, each time", async () => {
    await setRole("admin");
    await viewer.locator("#login-email").waitFor({ timeout: FALLBACK_MS });
    await viewerSignsIn();
    expect(await viewer.getByRole("button", { name: "New data source" }).first().isDisabled()).toBe(false);

    await setRole("viewer");
    await viewer.locator("#login-email").waitFor({ timeout: FALLBACK_MS });
    await viewerSignsIn();
    expect(await viewer.getByRole("button", { name: "New data source" }).first().isDisabled()).toBe(true);
  });

  test("deactivation ends the session and refuses the next sign-in", async () => {
    const row = admin.locator(`tr[data-user="${VIEWER_EMAIL}"]`);
    await row.getByRole("button", { name: "Deactivate" }).click();
    await row.getByText("deactivated").waitFor();
    await viewer.locator("#login-email").waitFor({ timeout: FALLBACK_MS });
    await viewer.locator("#login-email").fill(VIEWER_EMAIL);
    await viewer.locator("#login-password").fill(viewerPassword);
    await viewer.locator("#login-password").press("Enter");
    await viewer.getByText("This account is deactivated").waitFor();
  });

  test("the last admin cannot demote themselves: the reason shows, nothing changes", async () => {
    const row = admin.locator(`tr[data-user="${ADMIN_EMAIL}"]`);
    await row.getByRole("combobox", { name: `Role of ${ADMIN_EMAIL}` }).selectOption("viewer");
    await admin.getByRole("alert").filter({ hasText: "last active admin" }).waitFor();
    await admin.reload();
    await admin.getByRole("table", { name: "Users" }).waitFor();
    expect(await row.getByRole("combobox").inputValue()).toBe("admin");
  });

  test("the Audit log page shows each of those actions, filtered and paged", async () => {
    await admin.getByRole("link", { name: "Audit log" }).click();
    const table = admin.getByRole("table", { name: "Audit log" });
    await table.waitFor();
    for (const action of ["user.create", "user.update", "auth.login", "auth.login_failed"]) {
      expect(await table.locator(`tr[data-action="${action}"]`).count(), action).toBeGreaterThan(0);
    }
    expect(await table.locator('tr[data-action="user.update"]').count()).toBe(3);
    await expect(table.getByText("role: viewer → admin").count()).resolves.toBe(1);
    await expect(table.getByText("active: true → false").count()).resolves.toBe(1);
    await admin.getByLabel("Action").selectOption("user.update");
    await admin.waitForFunction(
      () => document.querySelectorAll('tr[data-action]:not([data-action="user.update"])').length === 0,
    );
    expect(await table.locator("tr[data-action]").count()).toBe(3);
    await axeClean(admin);
    await admin.getByLabel("Action").selectOption("");
    await table.locator('tr[data-action="auth.login"]').first().waitFor();
    await admin.screenshot({ path: join(SCREENSHOT_DIR, "audit-log.png"), fullPage: false });
    expect(pageErrors).toEqual([]);
  });
});
