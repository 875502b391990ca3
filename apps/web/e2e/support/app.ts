import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startJobsync } from "@jobsync/server";

export const ADMIN_EMAIL = "admin@jobsync.test";
export const ADMIN_PASSWORD = "e2e-admin-password-1";

/**
 * Where the end-to-end run writes its screenshots: the README's docs/screenshots with UPDATE_SCREENSHOTS=1
 * (`UPDATE_SCREENSHOTS=1 npm test`), otherwise test-results/screenshots (ignored by git), so a test run leaves the
 * working tree clean.
 */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS === "1" ? "../../../../docs/screenshots/" : "../../../../test-results/screenshots/",
    import.meta.url,
  ),
);
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/** The real server on a fresh embedded database, with the demo data source on a local fixture board. */
export async function startApp() {
  const dataDir = mkdtempSync(join(tmpdir(), "jobsync-e2e-"));
  const app = await startJobsync({
    dataDir,
    port: 0,
    host: "127.0.0.1",
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    demoBoard: true,
    // Any free port for the demo board (its /__admin routes on, for fault switching); private hosts and webhooks
    // allowed so a test can add a data source on a local board and a webhook to a local receiver.
    env: {
      DEMO_BOARD_PORT: 0,
      DEMO_BOARD_ADMIN: true,
      ALLOW_PRIVATE_HOSTS: true,
      ALLOW_PRIVATE_WEBHOOKS: true,
      LOG_LEVEL: "warn",
    },
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    url: app.url,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Call the API as the e2e admin (a fresh login per call): for set-up and checks beside what the page shows. */
export async function adminApi(baseUrl: string, method: string, path: string, body?: object) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${access_token}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
}
