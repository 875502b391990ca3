import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { SESSION_KEY } from "../services/session-storage";
import { dataSourceFixture, JOB_ID, progressFixture, stepsUpTo } from "../test/fixtures";
import { testQueryClient } from "../test/render";
import { apiError, json, type StubApiServer, sse, startStubApi } from "../test/stub-api-server";
import { App } from "./App";
import { AppProviders } from "./providers";
import { createAppRouter } from "./router";

const SESSION_EXPIRED_MESSAGE = "Your session has expired, please sign in again";

let api: StubApiServer;
let tokenValid: boolean;

beforeEach(async () => {
  tokenValid = true;
  api = await startStubApi();
  api.on("POST", "/api/v1/auth/login", (req, res) => {
    const body = req.body as { email: string; password: string };
    if (body.password !== "s3cret-pass") return apiError(res, 401, "unauthorized", "invalid e-mail or password");
    json(res, 200, { access_token: "tok-1", token_type: "bearer", expires_in: 3600 });
  });
  const authed =
    (handler: Parameters<StubApiServer["on"]>[2]): Parameters<StubApiServer["on"]>[2] =>
    (req, res) =>
      tokenValid && req.headers.authorization === "Bearer tok-1"
        ? handler(req, res)
        : apiError(res, 401, "unauthorized", "token expired");
  api.on(
    "GET",
    "/api/v1/auth/me",
    authed((_req, res) =>
      json(res, 200, { id: "u1", email: "admin@jobsync.local", role: "admin", created_at: "2026-05-01T00:00:00Z" }),
    ),
  );
  api.on(
    "GET",
    "/api/v1/admin/data-sources",
    authed((_req, res) =>
      json(res, 200, {
        items: [
          dataSourceFixture({
            site_name: "TopCV-Demo",
            active_job_id: JOB_ID,
            last_sync: {
              job_id: JOB_ID,
              status: "running",
              created_at: "2026-05-04T08:00:00Z",
              finished_at: null,
              jobs_added: 0,
            },
          }),
        ],
      }),
    ),
  );
  const running = progressFixture("running", {
    current_step: "crawl_jobs",
    steps: stepsUpTo("crawl_jobs"),
    progress: 45,
  });
  api.on(
    "GET",
    `/api/v1/admin/data-sources/sync/jobs/${JOB_ID}`,
    authed((_req, res) => json(res, 200, running)),
  );
  api.on(
    "GET",
    `/api/v1/admin/data-sources/sync/jobs/${JOB_ID}/events`,
    authed((_req, res) => sse(res).event("progress", running, running.version)),
  );
});
afterEach(async () => {
  await api.close();
});

/** The app as main.tsx starts it, with the browser's history (jsdom's URL); the router loaded first. */
async function renderApp() {
  const router = createAppRouter();
  await router.load();
  return render(
    <AppProviders baseUrl={api.url} queryClient={testQueryClient()}>
      <App router={router} />
    </AppProviders>,
  );
}

async function signIn(password = "s3cret-pass") {
  await userEvent.type(screen.getByLabelText("Email"), "admin@jobsync.local");
  await userEvent.type(screen.getByLabelText("Password"), password);
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("App", () => {
  test("sign-in errors: the form checks first, then the server's message", async () => {
    await renderApp();
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    // named as the form labels them; the first invalid field has focus
    expect(screen.getByText("Email must be a valid e-mail address")).toBeInTheDocument();
    expect(screen.getByText("Password is required")).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    expect(api.requests).toHaveLength(0);
    await signIn("wrong");
    expect(await screen.findByRole("alert")).toHaveTextContent("Invalid e-mail or password.");
  });

  test("signs in, keeps the session over a reload, signs out", async () => {
    const first = await renderApp();
    await signIn();
    expect(await screen.findByRole("table", { name: "Data sources" })).toBeInTheDocument();
    expect(await screen.findByText("admin@jobsync.local", { selector: "span" })).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(SESSION_KEY) ?? "{}").token).toBe("tok-1");

    first.unmount(); // a reload: new providers, same localStorage
    await renderApp();
    expect(await screen.findByRole("table", { name: "Data sources" })).toBeInTheDocument();

    await userEvent.click(await screen.findByRole("button", { name: /admin@jobsync\.local/ }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Sign out" }));
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  test("a 401 anywhere sends the user back to the login page with a message", async () => {
    await renderApp();
    await signIn();
    await screen.findByRole("table", { name: "Data sources" });
    tokenValid = false;
    await userEvent.click(screen.getByRole("link", { name: "Sync History" }));
    expect(await screen.findByText(SESSION_EXPIRED_MESSAGE)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
  });

  test("an expired stored session starts at the login page with the message", async () => {
    window.localStorage.setItem(SESSION_KEY, JSON.stringify({ token: "old", expiresAt: Date.now() - 1000 }));
    await renderApp();
    expect(screen.getByRole("status")).toHaveTextContent(SESSION_EXPIRED_MESSAGE);
  });

  test("the modal follows the job in the URL: closing and reopening shows the same sync job", async () => {
    await renderApp();
    await signIn();
    await userEvent.click(await screen.findByRole("button", { name: "Follow the running sync job of TopCV-Demo" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(JOB_ID)).toBeInTheDocument();
    expect(await within(dialog).findByText("Step 5 of 9: Crawl Jobs")).toBeInTheDocument();
    expect(`${window.location.pathname}${window.location.search}`).toBe(`/data-sources?job=${JOB_ID}`);
    expect(document.title).toBe("45% TopCV-Demo · Data Sources · jobsync");

    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(`${window.location.pathname}${window.location.search}`).toBe("/data-sources");
    // focus is back on what opened the modal
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Follow the running sync job of TopCV-Demo" }),
    );
    expect(document.title).toBe("Data Sources · jobsync");

    await userEvent.click(screen.getByRole("button", { name: /^Last sync of TopCV-Demo/ }));
    expect(await within(await screen.findByRole("dialog")).findByText(JOB_ID)).toBeInTheDocument();
  });
});
