import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import { ApiError } from "../../services/api-error";
import { dataSourceFixture } from "../../test/fixtures";
import { DataSourceForm } from "./DataSourceForm";

const source = dataSourceFixture({ site_name: "TopCV" });

function errorOf(label: string | RegExp): string | null {
  const control = screen.getByLabelText(label);
  const id = control.getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe("DataSourceForm", () => {
  test("client-side: each invalid field shows the contract's message next to it, and nothing is sent", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm source={source} onSubmit={onSubmit} onCancel={() => {}} />);
    const maxPages = screen.getByLabelText("Max pages");
    await userEvent.clear(maxPages);
    await userEvent.type(maxPages, "5000");
    const delay = screen.getByLabelText("Request delay (seconds)");
    await userEvent.clear(delay);
    await userEvent.type(delay, "-1");
    const keywords = screen.getByLabelText("Search keywords");
    await userEvent.clear(keywords);
    await userEvent.type(keywords, "Python Developer");
    const url = screen.getByLabelText("Base URL");
    await userEvent.clear(url);
    await userEvent.type(url, "ftp://topcv.vn");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(maxPages).toHaveAttribute("aria-invalid", "true");
    // every message names the field as the form labels it; the first invalid field (in form order) gets focus
    expect(errorOf("Max pages")).toBe("Max pages must be a whole number from 1 to 1000");
    expect(errorOf("Request delay (seconds)")).toBe("Request delay (seconds) must be a number of seconds from 0 to 60");
    expect(errorOf("Search keywords")).toMatch(/^Search keywords: use lower-case letters, digits and hyphens/);
    expect(errorOf("Base URL")).toBe("Base URL must be an http:// or https:// address");
    expect(document.activeElement).toBe(url);
    expect(errorOf("Max jobs")).toBe("1–10,000, default 100"); // a valid field keeps its hint

    // Fixing a field clears the errors until the next submit.
    await userEvent.clear(maxPages);
    await userEvent.type(maxPages, "10");
    expect(screen.queryByText("Max pages must be a whole number from 1 to 1000")).not.toBeInTheDocument();
  });

  test("a valid edit submits the typed config", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm source={source} onSubmit={onSubmit} onCancel={() => {}} />);
    const maxPages = screen.getByLabelText("Max pages");
    await userEvent.clear(maxPages);
    await userEvent.type(maxPages, "3");
    await userEvent.click(screen.getByLabelText("Headless"));
    await userEvent.selectOptions(screen.getByLabelText("Fetcher"), "http");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledWith({
      mode: "edit",
      body: {
        base_url: "https://www.topcv.vn",
        config: {
          search_keywords: ["python-developer", "java-developer", "javascript-developer"],
          max_pages: 3,
          request_delay: 2,
          max_jobs: 100,
          headless: false,
          timeout: 30,
          fetcher: "http",
          fetch_details: true,
        },
      },
    });
  });

  test("server-side: 400 details show next to their fields; other errors above the form", () => {
    const validation = new ApiError(400, "validation_failed", "Invalid data source", [
      { path: "config.timeout", message: "timeout must be a whole number from 1 to 300" },
      { path: "base_url", message: "base_url host 10.0.0.7 is a private or loopback address" },
    ]);
    const { rerender } = render(
      <DataSourceForm source={source} submitError={validation} onSubmit={() => {}} onCancel={() => {}} />,
    );
    expect(errorOf("Timeout (seconds)")).toBe("Timeout (seconds) must be a whole number from 1 to 300");
    expect(errorOf("Base URL")).toBe("Base URL points at 10.0.0.7, a private or local address");

    const conflict = new ApiError(409, "conflict", "A data source named TopCV already exists");
    rerender(<DataSourceForm source={source} submitError={conflict} onSubmit={() => {}} onCancel={() => {}} />);
    expect(screen.getByRole("alert")).toHaveTextContent("A data source named TopCV already exists");
  });

  test("create: the name and kind are checked too, and defaults fill the config", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText("Name"), "bad name!");
    await userEvent.type(screen.getByLabelText("Base URL"), "https://itviec.com");
    await userEvent.click(screen.getByRole("button", { name: "Create data source" }));
    expect(errorOf("Name")).toMatch(/^Name must be 1 to 64 letters, digits/);
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText("Name"));
    await userEvent.type(screen.getByLabelText("Name"), "TopCV-2");
    await userEvent.click(screen.getByRole("button", { name: "Create data source" }));
    expect(onSubmit).toHaveBeenCalledWith({
      mode: "create",
      body: expect.objectContaining({
        site_name: "TopCV-2",
        kind: "topcv",
        base_url: "https://itviec.com",
        is_active: true,
        config: expect.objectContaining({ max_pages: 5, fetcher: "browser" }),
      }),
    });
  });
});
