import { QueryClientProvider } from "@tanstack/react-query";
import { render as renderBare, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { describe, expect, test, vi } from "vitest";
import { ApiContext } from "../../app/api-context";
import { ApiClient } from "../../services/api";
import { dataSourceFixture } from "../../test/fixtures";
import { testQueryClient } from "../../test/render";
import { DataSourceForm } from "./DataSourceForm";

const cssSource = dataSourceFixture({
  site_name: "Board-X",
  kind: "css",
  base_url: "https://jobs.example.vn",
  config: {
    start_urls: ["/jobs"],
    page_url_template: "?page={page}",
    selectors: { card: ".job", title: "h2", link: "a" },
    detail_selectors: { description: ".desc" },
    drop_query_params: [],
    max_pages: 5,
    request_delay: 2,
    max_jobs: 100,
    headless: true,
    timeout: 30,
    fetcher: "http",
    fetch_details: true,
  },
});

/** The preview panel needs an API client; these tests never press its button. */
function render(ui: ReactElement) {
  return renderBare(
    <QueryClientProvider client={testQueryClient()}>
      <ApiContext.Provider value={new ApiClient({ baseUrl: "http://127.0.0.1:9" })}>{ui}</ApiContext.Provider>
    </QueryClientProvider>,
  );
}

describe("DataSourceForm for a css source", () => {
  test("shows one field per selector, filled from the stored config, and the Test selectors preview", () => {
    render(<DataSourceForm source={cssSource} onSubmit={() => {}} onCancel={() => {}} />);
    expect(screen.getByLabelText("Selectors: Card", { exact: true })).toHaveValue(".job");
    expect(screen.getByLabelText("Detail selectors: Description", { exact: true })).toHaveValue(".desc");
    expect(screen.getByLabelText("Selectors: Salary", { exact: true })).toHaveValue("");
    expect(screen.getByRole("button", { name: "Test selectors" })).toBeEnabled();
  });

  test("an emptied optional field replaces the stored config instead of being merged back", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm source={cssSource} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.clear(screen.getByLabelText("Page URL template", { exact: true }));
    await userEvent.clear(screen.getByLabelText("Detail selectors: Description", { exact: true }));
    await userEvent.type(screen.getByLabelText("Selectors: Salary", { exact: true }), ".pay");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const body = onSubmit.mock.calls[0]?.[0].body;
    expect(body.replace_config).toBe(true);
    expect(body.config.selectors).toEqual({ card: ".job", title: "h2", link: "a", salary: ".pay" });
    expect(body.config).not.toHaveProperty("detail_selectors");
    expect(body.config.page_url_template).toBeUndefined();
  });

  test("a selector that does not parse is refused next to its field, and nothing is sent", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm source={cssSource} onSubmit={onSubmit} onCancel={() => {}} />);
    const card = screen.getByLabelText("Selectors: Card", { exact: true });
    await userEvent.clear(card);
    await userEvent.type(card, "div[[");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(card).toHaveAttribute("aria-invalid", "true");
    const hint = document.getElementById(card.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toMatch(/^Selectors: Card is not a valid CSS selector/);
  });
});
