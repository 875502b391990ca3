import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { dataSourceFixture } from "../test/fixtures";
import { renderSignedIn } from "../test/render";
import { apiError, json, type StubApiServer, startStubApi } from "../test/stub-api-server";
import { SyncJobsDropdown } from "./SyncJobsDropdown";

const NO_ACTIVE_SOURCES = "No active sources available";

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
});

const topcv = dataSourceFixture({ site_name: "TopCV" });
const demo = dataSourceFixture({ site_name: "TopCV-Demo", base_url: "http://127.0.0.1:3001" });
const inactive = dataSourceFixture({ site_name: "ITviec", is_active: false });

async function renderDropdown(sources = [topcv, demo, inactive]) {
  const onFollow = vi.fn();
  const onError = vi.fn();
  await renderSignedIn(<SyncJobsDropdown sources={sources} onFollow={onFollow} onError={onError} />, api.url);
  return { onFollow, onError };
}

describe("SyncJobsDropdown", () => {
  test("with no active data source it says so and offers nothing to pick", async () => {
    await renderDropdown([inactive]);
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    const item = await screen.findByRole("menuitem", { name: NO_ACTIVE_SOURCES });
    expect(item).toHaveAttribute("aria-disabled", "true");
    expect(screen.getAllByRole("menuitem")).toHaveLength(1);
  });

  test("lists only the active data sources, and opens from the keyboard", async () => {
    await renderDropdown();
    screen.getByRole("button", { name: "Sync Jobs" }).focus();
    await userEvent.keyboard("{Enter}");
    const items = await screen.findAllByRole("menuitem");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("TopCV"),
      expect.stringContaining("TopCV-Demo"),
    ]);
    expect(screen.queryByText("ITviec")).not.toBeInTheDocument();
  });

  test("picking a data source starts a sync job and follows it", async () => {
    api.on("POST", "/api/v1/admin/data-sources/TopCV-Demo/sync", (_req, res) =>
      json(res, 202, {
        job_id: "new-job",
        site_name: "TopCV-Demo",
        status: "pending",
        message: "Sync job queued",
        created_at: "2026-05-04T08:00:00.000Z",
      }),
    );
    const { onFollow, onError } = await renderDropdown();
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: /TopCV-Demo/ }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledWith("new-job"));
    expect(onError).not.toHaveBeenCalled();
    expect(api.requests.find((r) => r.method === "POST")?.headers.authorization).toBe("Bearer test-token");
  });

  test("409 sync_job_active follows the sync job already running instead of failing", async () => {
    api.on("POST", "/api/v1/admin/data-sources/TopCV/sync", (_req, res) =>
      apiError(res, 409, "sync_job_active", "A sync job is already running for TopCV", {
        job_id: "running-job",
        site_name: "TopCV",
        status: "running",
      }),
    );
    const { onFollow, onError } = await renderDropdown();
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: /^TopCV(?!-Demo)/ }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledWith("running-job"));
    expect(onError).not.toHaveBeenCalled();
  });

  test("other failures are reported with the server's message", async () => {
    api.on("POST", "/api/v1/admin/data-sources/TopCV/sync", (_req, res) =>
      apiError(res, 409, "data_source_inactive", "TopCV is not active"),
    );
    const { onFollow, onError } = await renderDropdown();
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: /^TopCV(?!-Demo)/ }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith("Failed to start sync job: TopCV is not active"));
    expect(onFollow).not.toHaveBeenCalled();
  });

  test("a data source with a running sync job is followed without starting another", async () => {
    const { onFollow } = await renderDropdown([dataSourceFixture({ site_name: "TopCV", active_job_id: "busy-job" })]);
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: /TopCV/ }));
    expect(onFollow).toHaveBeenCalledWith("busy-job");
    expect(api.requests).toHaveLength(0);
  });
});
