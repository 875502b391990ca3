import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { renderSignedIn } from "../../test/render";
import { apiError, json, type StubApiServer, startStubApi } from "../../test/stub-api-server";
import { SelectorPreviewPanel } from "./SelectorPreviewPanel";

const CONFIG = { start_urls: ["/jobs"], selectors: { card: ".job", title: "h2", link: "a", salary: ".pay" } };

describe("SelectorPreviewPanel", () => {
  let api: StubApiServer;
  beforeEach(async () => {
    api = await startStubApi();
  });
  afterEach(async () => {
    await api.close();
  });

  test("sends the unsaved config and shows the cards and the selectors that matched nothing", async () => {
    api.on("POST", "/api/v1/admin/data-sources/test-selectors", (_req, res) =>
      json(res, 200, {
        url: "https://board.test/jobs",
        outcome: "ok",
        error: null,
        http_status: 200,
        card_count: 2,
        cards: [
          {
            external_id: "/j/1",
            url: "https://board.test/j/1",
            title: "Kế toán",
            company: "ACME",
            salary_text: null,
            location_text: "Hà Nội",
          },
        ],
        skipped: [{ reason: "no title", external_id: "/j/2" }],
        matches: { card: 1, title: 1, link: 2, salary: 0 },
        unmatched: ["selectors.salary"],
        is_last_page: true,
        next_url: null,
      }),
    );
    await renderSignedIn(<SelectorPreviewPanel baseUrl=" https://board.test " buildConfig={() => CONFIG} />, api.url);
    await userEvent.click(screen.getByRole("button", { name: "Test selectors" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Matched nothing: selectors.salary");
    expect(api.requests.at(-1)?.body).toEqual({ base_url: "https://board.test", config: CONFIG });
    const table = screen.getByRole("table", { name: "Cards read" });
    expect(within(table).getByRole("link", { name: "Kế toán" })).toHaveAttribute("href", "https://board.test/j/1");
    expect(screen.getByTestId("selector-preview-result")).toHaveTextContent("2 cards");
    expect(screen.getByTestId("selector-preview-result")).toHaveTextContent("1 skipped");
    expect(screen.getByRole("list", { name: "Matches per selector" })).toHaveTextContent("salary: 0");
  });

  test("shows why a page could not be read", async () => {
    api.on("POST", "/api/v1/admin/data-sources/test-selectors", (_req, res) =>
      json(res, 200, {
        url: "https://board.test/jobs",
        outcome: "blocked",
        error: "blocked by the site: Cloudflare challenge",
        http_status: 403,
        card_count: 0,
        cards: [],
        skipped: [],
        matches: {},
        unmatched: [],
        is_last_page: true,
        next_url: null,
      }),
    );
    await renderSignedIn(<SelectorPreviewPanel baseUrl="https://board.test" buildConfig={() => CONFIG} />, api.url);
    await userEvent.click(screen.getByRole("button", { name: "Test selectors" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The site answered a challenge page");
    expect(alert).toHaveTextContent("blocked by the site: Cloudflare challenge");
  });

  test("shows the server's 400 message for a bad config", async () => {
    api.on("POST", "/api/v1/admin/data-sources/test-selectors", (_req, res) =>
      apiError(res, 400, "validation_failed", "config.selectors.card: selectors.card is not a valid CSS selector", [
        { path: "config.selectors.card", message: "selectors.card is not a valid CSS selector" },
      ]),
    );
    await renderSignedIn(<SelectorPreviewPanel baseUrl="https://board.test" buildConfig={() => CONFIG} />, api.url);
    await userEvent.click(screen.getByRole("button", { name: "Test selectors" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("selectors.card is not a valid CSS selector");
  });

  test("cannot test without a base URL", async () => {
    await renderSignedIn(<SelectorPreviewPanel baseUrl="  " buildConfig={() => CONFIG} />, api.url);
    expect(screen.getByRole("button", { name: "Test selectors" })).toBeDisabled();
  });
});
