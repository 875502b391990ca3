import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { postingFixture } from "../../test/fixtures";
import { renderSignedIn, testQueryClient } from "../../test/render";
import { apiError, json, type StubApiServer, startStubApi } from "../../test/stub-api-server";
import { JobPostingsPage } from "./JobPostingsPage";

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
  api.on("GET", "/api/v1/admin/data-sources", (_req, res) => json(res, 200, { items: [] }));
});
afterEach(async () => {
  await api.close();
});

/** The debounced search and a busy machine: give the last request time to arrive. */
const WAIT = { timeout: 5000 };
const EMPTY = { items: [], total: 0, total_is_estimate: false, next_cursor: null, page: 1, page_size: 20 };

const postings = [
  postingFixture({ id: 1 }),
  postingFixture({
    id: 2,
    title: 'Kế toán <script>alert("xss")</script><img src=x onerror=alert(1)>',
    salary: { raw: "Thoả thuận", min: null, max: null, currency: null, period: null, negotiable: true },
    provinces: ["Đà Nẵng", "Huế"],
  }),
  postingFixture({
    id: 3,
    title: "Senior Java Engineer",
    salary: { raw: "1,000 - 2,000 USD", min: 1000, max: 2000, currency: "USD", period: "month", negotiable: false },
  }),
];

describe("JobPostingsPage", () => {
  test("results: normalised salaries, provinces, safe links, crawled text shown as text", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) =>
      json(res, 200, {
        items: postings,
        total: 3,
        total_is_estimate: false,
        next_cursor: null,
        page: 1,
        page_size: 20,
      }),
    );
    await renderSignedIn(<JobPostingsPage />, api.url);
    const results = await screen.findByRole("region", { name: "Results" });
    expect(within(results).getByTestId("result-count")).toHaveTextContent("1–3 of 3 job postings");
    expect(
      within(results)
        .getAllByTestId("salary")
        .map((el) => el.textContent),
    ).toEqual(["10 – 15 triệu VND/tháng", "Thoả thuận", "1,000 – 2,000 USD/tháng"]);
    expect(within(results).getByText("Đà Nẵng, Huế")).toBeInTheDocument();
    const hostile = within(results).getByRole("link", { name: /^Kế toán <script>/ });
    expect(hostile).toHaveAttribute("href", "/job-postings/2");
    expect(results.querySelector("script, img")).toBeNull();
    for (const link of within(results).getAllByRole("link", { name: /^Original: / })) {
      expect(link).toHaveAttribute("rel", "noopener noreferrer");
      expect(link).toHaveAttribute("target", "_blank");
    }
  });

  test("search and filters go to the API; salary in millions becomes VND", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) => json(res, 200, EMPTY));
    await renderSignedIn(<JobPostingsPage />, api.url);
    expect(
      await screen.findByText("Nothing has been crawled yet: start a sync job from Data Sources."),
    ).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText("Search"), "ke toan");
    await userEvent.type(screen.getByLabelText("Min. salary (million VND)"), "15");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    await userEvent.selectOptions(screen.getByLabelText("Province"), "Đà Nẵng");
    await userEvent.selectOptions(screen.getByLabelText("Experience"), "Up to 2 years");
    await waitFor(() => {
      const last = api.requests.filter((r) => r.path === "/api/v1/jobs").at(-1);
      expect(Object.fromEntries(last?.query ?? [])).toEqual({
        q: "ke toan",
        location: "Đà Nẵng",
        salary_min: "15000000",
        experience_max: "2",
        page_size: "20",
      });
    }, WAIT);
    expect(await screen.findByText("Try fewer words or filters.")).toBeInTheDocument();
  });

  test("a bad minimum salary is explained next to its field and not sent", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) => json(res, 200, EMPTY));
    await renderSignedIn(<JobPostingsPage />, api.url);
    await userEvent.type(screen.getByLabelText("Min. salary (million VND)"), "lots");
    expect(screen.getByText("Enter a number of millions, such as 15")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Search" })).toBeDisabled();
  });

  test("a failed search shows the server's message", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) =>
      apiError(res, 400, "validation_failed", "q must be at most 200 characters"),
    );
    await renderSignedIn(<JobPostingsPage />, api.url);
    expect(await screen.findByText("q must be at most 200 characters")).toBeInTheDocument();
    expect(screen.getByText("Search failed")).toBeInTheDocument();
  });

  test("pages by cursor and shows a capped total as 10,000+", async () => {
    const page = (from: number, next: string | null) => ({
      items: Array.from({ length: 20 }, (_, i) => postingFixture({ id: from + i, title: `Kế toán ${from + i}` })),
      total: 10_000,
      total_is_estimate: true,
      next_cursor: next,
      page: 1,
      page_size: 20,
    });
    api.on("GET", "/api/v1/jobs", (req, res) =>
      json(res, 200, req.query.get("cursor") === "c2" ? page(21, null) : page(1, "c2")),
    );
    await renderSignedIn(<JobPostingsPage />, api.url);
    const results = await screen.findByRole("region", { name: "Results" });
    expect(within(results).getByTestId("result-count")).toHaveTextContent("1–20 of 10,000+ job postings");
    expect(screen.getByText("Page 1")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Kế toán 21")).toBeInTheDocument();
    expect(screen.getByTestId("result-count")).toHaveTextContent("21–40 of 10,000+ job postings");
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Previous" }));
    expect(await screen.findByText("Kế toán 1")).toBeInTheDocument();
    expect(api.requests.filter((r) => r.path === "/api/v1/jobs").map((r) => r.query.get("cursor"))).toContain("c2");
  });

  test("searches as you type once the typing pauses, one request for the whole word", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) => json(res, 200, EMPTY));
    await renderSignedIn(<JobPostingsPage />, api.url);
    await screen.findByText("Nothing has been crawled yet: start a sync job from Data Sources.");
    await userEvent.type(screen.getByLabelText("Search"), "lap trinh");
    await waitFor(() => {
      const last = api.requests.filter((r) => r.path === "/api/v1/jobs").at(-1);
      expect(last?.query.get("q")).toBe("lap trinh");
    }, WAIT);
    const typed = api.requests.filter((r) => r.path === "/api/v1/jobs" && r.query.get("q"));
    expect(typed.length).toBeLessThanOrEqual(2);
  });
});

describe("JobPostingsPage export", () => {
  test("Export CSV downloads the current search with the signed-in user's stream token (works with PUBLIC_EXPORT=0)", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) => json(res, 200, EMPTY));
    api.on("POST", "/api/v1/auth/stream-token", (req, res) =>
      req.headers.authorization?.startsWith("Bearer ")
        ? json(res, 200, { token: "stream-token-1", expires_in: 60 })
        : apiError(res, 401, "unauthorized", "authentication required"),
    );
    const downloaded: string[] = [];
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof HTMLAnchorElement && event.target.hasAttribute("download")) {
        downloaded.push(event.target.href);
        event.preventDefault(); // jsdom cannot save a file
      }
    };
    document.addEventListener("click", onClick);
    try {
      await renderSignedIn(
        <JobPostingsPage />,
        api.url,
        testQueryClient(),
        "/job-postings?q=ke%20toan&location=H%C3%A0%20N%E1%BB%99i",
      );
      await userEvent.click(await screen.findByRole("button", { name: "Export CSV" }));
      await waitFor(() => expect(downloaded).toHaveLength(1), WAIT);
    } finally {
      document.removeEventListener("click", onClick);
    }
    const url = new URL(downloaded[0]!);
    expect(url.pathname).toBe("/api/v1/jobs/export");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: "ke toan",
      location: "Hà Nội",
      format: "csv",
      token: "stream-token-1",
    });
  });

  test("a failed token request is shown, and no download starts", async () => {
    api.on("GET", "/api/v1/jobs", (_req, res) => json(res, 200, EMPTY));
    api.on("POST", "/api/v1/auth/stream-token", (_req, res) => apiError(res, 401, "unauthorized", "session expired"));
    await renderSignedIn(<JobPostingsPage />, api.url);
    await userEvent.click(await screen.findByRole("button", { name: "Export CSV" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Export failed");
  });
});
