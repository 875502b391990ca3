import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { dataSourceFixture } from "../../test/fixtures";
import { renderSignedIn } from "../../test/render";
import { json, type StubApiServer, startStubApi } from "../../test/stub-api-server";
import { NextRun } from "./NextRun";

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
});

describe("NextRun", () => {
  test("without a schedule: Manual", async () => {
    await renderSignedIn(<NextRun source={dataSourceFixture({ site_name: "TopCV" })} />, api.url);
    expect(screen.getByText("Manual")).toBeInTheDocument();
  });

  test("shows the cron, the next run, and the fires with why one was skipped", async () => {
    const next = new Date(Date.now() + 5 * 60_000).toISOString();
    const source = dataSourceFixture({
      site_name: "TopCV",
      schedule_cron: "*/10 * * * *",
      schedule_timezone: "Asia/Ho_Chi_Minh",
      next_run_at: next,
    });
    api.on("GET", "/api/v1/admin/data-sources/TopCV/schedule-runs", (req, res) => {
      expect(req.query.get("limit")).toBe("20");
      json(res, 200, {
        items: [
          {
            id: 2,
            site_name: "TopCV",
            scheduled_for: "2026-05-04T08:10:00.000Z",
            fired_at: "2026-05-04T08:10:03.000Z",
            outcome: "skipped_active",
            job_id: "11111111-1111-4111-8111-111111111111",
            message: "skipped: sync job 11111111-1111-4111-8111-111111111111 is still running",
          },
          {
            id: 1,
            site_name: "TopCV",
            scheduled_for: "2026-05-04T08:00:00.000Z",
            fired_at: "2026-05-04T08:00:04.000Z",
            outcome: "started",
            job_id: "11111111-1111-4111-8111-111111111111",
            message: "started sync job 11111111-1111-4111-8111-111111111111",
          },
        ],
      });
    });
    await renderSignedIn(<NextRun source={source} />, api.url);
    const cell = screen.getByTestId("next-run-TopCV");
    expect(cell).toHaveAttribute("title", "*/10 * * * * (Asia/Ho_Chi_Minh)");
    expect(cell).toHaveTextContent(/next in 5 minutes/);
    // the next fire in the schedule's own zone, whatever the reader's, with the absolute time as tooltip
    expect(cell).toHaveTextContent(/GMT\+7/);
    expect(
      within(cell)
        .getByText(/GMT\+7/)
        .closest("time")
        ?.getAttribute("title"),
    ).toMatch(/\(Asia\/Ho_Chi_Minh\)$/);

    // the button's name is the cron it shows; what it opens is its description
    await userEvent.click(screen.getByRole("button", { name: "*/10 * * * *", description: "Schedule fires of TopCV" }));
    const table = await screen.findByRole("table", { name: "Schedule fires" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[1]?.textContent)).toEqual([
      "Skipped: still syncing",
      "Started",
    ]);
    expect(within(rows[0]!).getByText("Skipped: still syncing")).toHaveAttribute(
      "title",
      "skipped: sync job 11111111-1111-4111-8111-111111111111 is still running",
    );
  });
});
