import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { dataSourceFixture } from "../../test/fixtures";
import { renderSignedIn } from "../../test/render";
import { apiError, json, type StubApiServer, startStubApi } from "../../test/stub-api-server";
import { DataSourcesPage } from "./DataSourcesPage";

const LIST = "/api/v1/admin/data-sources";

let api: StubApiServer;
let sources = [dataSourceFixture({ site_name: "TopCV", postings_count: 1234 })];
beforeEach(async () => {
  sources = [dataSourceFixture({ site_name: "TopCV", postings_count: 1234 })];
  api = await startStubApi();
  api.on("GET", LIST, (_req, res) => json(res, 200, { items: sources }));
});
afterEach(async () => {
  await api.close();
});

describe("DataSourcesPage", () => {
  test("a source whose postings were counted only up to the limit shows 10,000+", async () => {
    sources = [
      dataSourceFixture({ site_name: "TopCV", postings_count: 10_000, postings_count_is_estimate: true }),
      dataSourceFixture({ id: "ds-2", site_name: "Small", postings_count: 10_000 }),
    ];
    await renderSignedIn(<DataSourcesPage />, api.url);
    expect(await screen.findByRole("button", { name: "10,000+ job postings of TopCV" })).toHaveTextContent("10,000+");
    expect(screen.getByRole("button", { name: "10,000 job postings of Small" })).toHaveTextContent(/^10,000$/);
  });

  test("the active switch PATCHes is_active", async () => {
    api.on("PATCH", `${LIST}/TopCV`, (req, res) => {
      sources = [{ ...sources[0]!, is_active: (req.body as { is_active: boolean }).is_active }];
      json(res, 200, sources[0]);
    });
    await renderSignedIn(<DataSourcesPage />, api.url);
    const toggle = await screen.findByRole("switch", { name: "Active: TopCV" });
    expect(toggle).toBeChecked();
    expect(screen.getByRole("button", { name: "1,234 job postings of TopCV" })).toBeInTheDocument();
    await userEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole("switch", { name: "Active: TopCV" })).not.toBeChecked());
    expect(api.requests.find((r) => r.method === "PATCH")?.body).toEqual({ is_active: false });
  });

  test("delete asks first and shows a 409 in the dialog", async () => {
    api.on("DELETE", `${LIST}/TopCV`, (_req, res) =>
      apiError(res, 409, "sync_job_active", "TopCV has a running sync job; cancel it first", {
        job_id: "j1",
        site_name: "TopCV",
        status: "running",
      }),
    );
    await renderSignedIn(<DataSourcesPage />, api.url);
    await userEvent.click(await screen.findByRole("button", { name: "Delete TopCV" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Delete TopCV?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Delete" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent(
      "TopCV has a running sync job; cancel it first",
    );
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByRole("table", { name: "Data sources" })).toBeInTheDocument();
  });

  test("delete succeeds with 204 and the list refreshes to the empty state", async () => {
    api.on("DELETE", `${LIST}/TopCV`, (_req, res) => {
      sources = [];
      res.writeHead(204).end();
    });
    await renderSignedIn(<DataSourcesPage />, api.url);
    await userEvent.click(await screen.findByRole("button", { name: "Delete TopCV" }));
    await userEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("No data sources yet")).toBeInTheDocument();
  });

  test("create shows the server's field errors next to the fields", async () => {
    api.on("POST", LIST, (_req, res) =>
      apiError(res, 400, "validation_failed", "Invalid data source", [
        { path: "base_url", message: "base_url host 10.0.0.8 is a private or loopback address" },
      ]),
    );
    await renderSignedIn(<DataSourcesPage />, api.url);
    await userEvent.click(await screen.findByRole("button", { name: "New data source" }));
    const form = await screen.findByRole("form", { name: "New data source" });
    await userEvent.type(within(form).getByLabelText("Name"), "Internal");
    await userEvent.type(within(form).getByLabelText("Base URL"), "http://10.0.0.8");
    await userEvent.click(within(form).getByRole("button", { name: "Create data source" }));
    // the message names the field as the form labels it, and the field gets focus
    expect(
      await within(form).findByText("Base URL points at 10.0.0.8, a private or local address"),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText("Base URL")).toHaveAttribute("aria-invalid", "true");
    expect(document.activeElement).toBe(within(form).getByLabelText("Base URL"));
  });

  test("a failed list load shows the error with a retry", async () => {
    api.on("GET", LIST, (_req, res) => apiError(res, 503, "service_unavailable", "database is starting"));
    await renderSignedIn(<DataSourcesPage />, api.url);
    expect(await screen.findByText("database is starting")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
