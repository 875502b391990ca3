import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { dataSourceFixture, progressFixture, stats } from "../../test/fixtures";
import { renderSignedIn } from "../../test/render";
import { json, type StubApiServer, startStubApi } from "../../test/stub-api-server";
import { SyncHistoryPage } from "./SyncHistoryPage";

const JOBS = "/api/v1/admin/data-sources/sync/jobs";
const job = (n: number, status: "completed" | "failed") =>
  progressFixture(
    status,
    { stats: stats({ jobs_found: n, jobs_added: n - 1 }) },
    `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  );

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
  api.on("GET", "/api/v1/admin/data-sources", (_req, res) =>
    json(res, 200, {
      items: [dataSourceFixture({ site_name: "TopCV" }), dataSourceFixture({ site_name: "TopCV-Demo" })],
    }),
  );
  api.on("GET", JOBS, (req, res) => {
    if (req.query.get("cursor") === "page2") return json(res, 200, { items: [job(3, "failed")], next_cursor: null });
    if (req.query.get("status") === "failed") return json(res, 200, { items: [], next_cursor: null });
    json(res, 200, { items: [job(1, "completed"), job(2, "completed")], next_cursor: "page2" });
  });
});
afterEach(async () => {
  await api.close();
});

describe("SyncHistoryPage", () => {
  test("pages by cursor, filters by status and source, and a row opens the modal", async () => {
    const { router } = await renderSignedIn(<SyncHistoryPage />, api.url);
    const table = await screen.findByRole("table", { name: "Sync jobs" });
    expect(within(table).getAllByRole("row")).toHaveLength(3); // header + 2
    expect(Object.fromEntries(api.requests.find((r) => r.path === JOBS)?.query ?? [])).toEqual({
      status: "all",
      limit: "20",
    });

    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getByText("Page 2 · 1 sync job")).toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Previous" }));
    await waitFor(() => expect(screen.getByText("Page 1 · 2 sync jobs")).toBeInTheDocument());

    // Every status of the contracts is a filter choice, plus active and all.
    const status = screen.getByLabelText("Status");
    expect(
      within(status)
        .getAllByRole("option")
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(["active", "all", "pending", "running", "cancelling", "completed", "failed", "cancelled"]);
    await userEvent.selectOptions(screen.getByLabelText("Data source"), "TopCV-Demo");
    await userEvent.selectOptions(status, "failed");
    expect(await screen.findByText("No sync jobs match")).toBeInTheDocument();
    expect(Object.fromEntries(api.requests.filter((r) => r.path === JOBS).at(-1)?.query ?? [])).toEqual({
      status: "failed",
      site_name: "TopCV-Demo",
      limit: "20",
    });
    await waitFor(() => expect(router.state.location.href).toBe("/?source=TopCV-Demo&status=failed"));

    await userEvent.selectOptions(status, "all");
    await userEvent.selectOptions(screen.getByLabelText("Data source"), "");
    const rows = await screen.findAllByRole("button", { name: /^Open sync job of TopCV/ });
    await userEvent.click(rows[1] as HTMLElement);
    // the sync job's own path; the filters stay in the query string
    await waitFor(() => expect(router.state.location.pathname).toBe("/sync-jobs/00000000-0000-4000-8000-000000000002"));
  });
});
