import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { dataSourceFixture } from "../test/fixtures";
import { renderSignedIn } from "../test/render";
import { json, type StubApiServer, startStubApi } from "../test/stub-api-server";
import { SyncJobsDropdown } from "./SyncJobsDropdown";

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
  api.on("POST", "/api/v1/admin/data-sources/TopCV/sync", (_req, res) =>
    json(res, 202, {
      job_id: "job-1",
      site_name: "TopCV",
      status: "pending",
      message: "queued",
      created_at: "2026-05-04T08:00:00.000Z",
    }),
  );
});
afterEach(async () => {
  await api.close();
});

describe("full refresh in the Sync Jobs dropdown", () => {
  test("a sync job starts incremental by default, and with full_refresh when ticked", async () => {
    const onFollow = vi.fn();
    const sources = [dataSourceFixture({ site_name: "TopCV" })];
    await renderSignedIn(<SyncJobsDropdown sources={sources} onFollow={onFollow} onError={vi.fn()} />, api.url);
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: /^TopCV/ }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledWith("job-1"));
    expect(api.requests.at(-1)?.body).toEqual({});

    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    const box = await screen.findByRole("menuitemcheckbox", { name: "Full refresh (read every page)" });
    await userEvent.click(box);
    expect(box).toHaveAttribute("aria-checked", "true");
    await userEvent.click(screen.getByRole("menuitem", { name: /^TopCV/ }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledTimes(2));
    expect(api.requests.at(-1)?.body).toEqual({ full_refresh: true });
  });
});
