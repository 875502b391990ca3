import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApp } from "./support/app";
import { launchChromium } from "./support/chromium";
import { signIn } from "./support/session";

/**
 * Issue 8, part 2, in real Chromium: incremental sync set in the data source form (and a full refresh from the Sync
 * Jobs dropdown), then the expiry sweep run from the Job Postings page closing a posting whose page answers 410.
 */

const SYNC_TIMEOUT_MS = 120_000;

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
let token = "";
const pageErrors: string[] = [];

async function api(method: string, path: string, body?: object) {
  const response = await fetch(`${app.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return (await response.json().catch(() => null)) as Record<string, unknown>;
}

async function syncFromDropdown(fullRefresh: boolean): Promise<Record<string, unknown>> {
  await page.getByRole("link", { name: "Data Sources" }).click();
  await page.getByRole("button", { name: "Sync Jobs" }).click();
  if (fullRefresh) {
    await page.getByRole("menuitemcheckbox", { name: "Full refresh (read every page)" }).click();
  }
  await page.getByRole("menuitem", { name: /^TopCV-Demo/ }).click();
  const modal = page.getByRole("dialog");
  await modal.getByRole("region", { name: "Summary" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
  const jobId = (await modal.getByTestId("sync-job-id").textContent()) ?? "";
  await modal.getByRole("button", { name: "Close", exact: true }).click();
  await modal.waitFor({ state: "detached" });
  for (const deadline = Date.now() + SYNC_TIMEOUT_MS; Date.now() < deadline; ) {
    const job = await api("GET", `/admin/data-sources/sync/jobs/${jobId}`);
    if (["completed", "failed", "cancelled"].includes(String(job.status))) return job;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`sync job ${jobId} did not finish`);
}

beforeAll(async () => {
  app = await startApp();
  const login = await fetch(`${app.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  token = ((await login.json()) as { access_token: string }).access_token;
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("incremental sync and expiry end to end", () => {
  test("an incremental source stops early once it has the postings; a full refresh reads every page", async () => {
    await signIn(page, app.url);
    await page.getByRole("table", { name: "Data sources" }).waitFor();

    const first = await syncFromDropdown(false);
    expect(first.status).toBe("completed");
    const firstStats = first.stats as Record<string, number>;

    await page.getByRole("button", { name: "Edit TopCV-Demo" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("Stop after known pages").fill("1");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });

    const incremental = await syncFromDropdown(false);
    expect(incremental.status).toBe("completed");
    const stats = incremental.stats as Record<string, number>;
    const crawl = (incremental.steps as Array<{ key: string; details: string[] }>).find((s) => s.key === "crawl_jobs");
    // the first keyword's first page holds only postings the first sync saved: that keyword stops there
    expect(
      crawl?.details.some((d) => d.includes("(incremental)")),
      JSON.stringify({ firstStats, stats }),
    ).toBe(true);

    const full = await syncFromDropdown(true);
    expect(full.status).toBe("completed");
    const fullCrawl = (full.steps as Array<{ key: string; details: string[] }>).find((s) => s.key === "crawl_jobs");
    expect(fullCrawl?.details).toContain("full refresh: every planned page is read");
    expect(fullCrawl?.details.some((d) => d.includes("(incremental)"))).toBe(false);
    expect((full.stats as Record<string, number>).pages_fetched).toBeGreaterThan(stats.pages_fetched!);
  });

  test("Close expired on the Job Postings page closes a posting whose page answers 410", async () => {
    const source = await api("GET", "/admin/data-sources/TopCV-Demo");
    // the demo board's deadlines are past, but a sync job saw its postings listed since: nothing closes by deadline
    await api("POST", "/admin/postings/expire", { recheck_limit: 0 });
    const newest = (await api("GET", "/jobs?source=TopCV-Demo&page_size=1")) as { total: number };
    expect(newest.total, "no open posting left to re-check").toBeGreaterThan(0);
    // the sweep re-checks the postings seen longest ago first: the last one of the (newest first) search
    const found = (await api("GET", `/jobs?source=TopCV-Demo&page_size=1&page=${newest.total}`)) as {
      items: Array<{ id: number; url: string }>;
      total: number;
    };
    const posting = found.items[0]!;
    const faults = await fetch(`${String(source.base_url)}/__admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ path: new URL(posting.url).pathname, type: "status", status: 410 }]),
    });
    expect(faults.ok).toBe(true);

    await page.getByRole("link", { name: "Job Postings" }).click();
    await page.getByRole("region", { name: "Results" }).waitFor();
    await page.getByRole("button", { name: "Close expired" }).click();
    const status = page.getByRole("status").filter({ hasText: "gone from their board" });
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toMatch(/^Closed 0 past their deadline and 1 gone from their board/);
    await expect
      .poll(() => page.getByTestId("result-count").textContent())
      .toContain(`of ${(found.total - 1).toLocaleString("en-US")} job postings`);
    const after = (await api("GET", `/jobs/${posting.id}`)) as { status: string };
    expect(after.status).toBe("closed");
    await fetch(`${String(source.base_url)}/__admin/faults`, { method: "DELETE" });
    expect(pageErrors).toEqual([]);
  });
});
