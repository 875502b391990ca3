import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { dataSourceFixture } from "../test/fixtures";
import { renderSignedIn } from "../test/render";
import { apiError, json, type StubApiServer, startStubApi } from "../test/stub-api-server";
import { SyncJobsDropdown } from "./SyncJobsDropdown";

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
});

const sources = [
  dataSourceFixture({ site_name: "TopCV" }),
  dataSourceFixture({ site_name: "TopCV-Demo" }),
  dataSourceFixture({ site_name: "Board-3" }),
  dataSourceFixture({ site_name: "ITviec", is_active: false }),
];

async function renderDropdown() {
  const handlers = { onFollow: vi.fn(), onError: vi.fn(), onBatch: vi.fn() };
  await renderSignedIn(<SyncJobsDropdown sources={sources} {...handlers} />, api.url);
  return handlers;
}

describe("SyncJobsDropdown: several sources at once", () => {
  test("ticked active sources start as one batch, in list order; the ones not started are reported", async () => {
    api.on("POST", "/api/v1/admin/data-sources/sync", (_req, res) =>
      json(res, 202, {
        batch_id: "batch-1",
        results: [
          { site_name: "TopCV", outcome: "started", job_id: "j1", message: "started" },
          {
            site_name: "Board-3",
            outcome: "already_active",
            job_id: "j0",
            message: "data source Board-3 already has an active sync job j0",
          },
        ],
      }),
    );
    const { onBatch, onError, onFollow } = await renderDropdown();
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    const boxes = await screen.findAllByRole("menuitemcheckbox", { name: /^Pick / });
    expect(boxes.map((box) => box.textContent)).toEqual(["TopCV", "TopCV-Demo", "Board-3"]);
    const submit = screen.getByRole("menuitem", { name: "Pick sources to sync together" });
    expect(submit).toHaveAttribute("aria-disabled", "true");

    await userEvent.click(screen.getByRole("menuitemcheckbox", { name: "Pick Board-3" }));
    await userEvent.click(screen.getByRole("menuitemcheckbox", { name: "Pick TopCV" }));
    // the menu stays open while ticking
    expect(screen.getByRole("menuitemcheckbox", { name: "Pick TopCV" })).toHaveAttribute("aria-checked", "true");
    await userEvent.click(screen.getByRole("menuitem", { name: "Sync 2 selected" }));

    await waitFor(() => expect(onBatch).toHaveBeenCalledWith("batch-1"));
    expect(api.requests.find((r) => r.method === "POST")?.body).toEqual({ site_names: ["TopCV", "Board-3"] });
    expect(onError).toHaveBeenCalledWith("Not started: data source Board-3 already has an active sync job j0");
    expect(onFollow).not.toHaveBeenCalled();
  });

  test("a refused batch is reported and nothing is followed", async () => {
    api.on("POST", "/api/v1/admin/data-sources/sync", (_req, res) =>
      apiError(res, 400, "validation_failed", "site_names must not name a data source twice"),
    );
    const { onBatch, onError } = await renderDropdown();
    await userEvent.click(screen.getByRole("button", { name: "Sync Jobs" }));
    await userEvent.click(await screen.findByRole("menuitemcheckbox", { name: "Pick TopCV-Demo" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Sync 1 selected" }));
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith("Failed to start the batch: site_names must not name a data source twice"),
    );
    expect(onBatch).not.toHaveBeenCalled();
  });
});
