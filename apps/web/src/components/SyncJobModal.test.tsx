import type { CrawlJobProgress } from "@jobsync/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { JOB_ID, progressFixture, stats, stepsUpTo } from "../test/fixtures";
import { renderSignedIn } from "../test/render";
import { json, type StubApiServer, sse, startStubApi } from "../test/stub-api-server";
import { SyncJobModal } from "./SyncJobModal";

const JOB_PATH = `/api/v1/admin/data-sources/sync/jobs/${JOB_ID}`;

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
});

/** Serve one snapshot by GET and over SSE (kept open with a ping, or ended when final). */
function serve(progress: CrawlJobProgress) {
  api.on("GET", JOB_PATH, (_req, res) => json(res, 200, progress));
  api.on("GET", `${JOB_PATH}/events`, (_req, res) => {
    const stream = sse(res);
    stream.event("progress", progress, progress.version);
    if (["completed", "failed", "cancelled"].includes(progress.status)) {
      stream.event("end", {});
      stream.end();
    } else {
      stream.ping();
    }
  });
}

function renderModal() {
  return renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} />, api.url);
}

function stepItem(name: string): HTMLElement {
  const steps = screen.getByRole("list", { name: "Steps" });
  const item = within(steps)
    .getAllByRole("listitem")
    .find((li) => within(li).queryByText(name, { selector: "span" }));
  if (!item) throw new Error(`no step ${name}`);
  return item;
}

describe("SyncJobModal", () => {
  test("pending: queued, all nine steps pending, Cancel offered, following live", async () => {
    serve(progressFixture("pending"));
    renderModal();

    expect(await screen.findByText("Queued, waiting for a worker")).toBeInTheDocument();
    expect(screen.getByRole("dialog")).toHaveAccessibleName("Sync job: TopCV-Demo");
    expect(screen.getByRole("dialog").querySelector('span[data-status="pending"]')).toHaveTextContent("Pending");
    const steps = within(screen.getByRole("list", { name: "Steps" })).getAllByRole("listitem");
    expect(steps.map((li) => li.dataset.step)).toEqual([
      "initialize",
      "check_availability",
      "start_browser",
      "generate_urls",
      "crawl_jobs",
      "process_jobs",
      "check_duplicates",
      "save_jobs",
      "cleanup",
    ]);
    expect(steps.every((li) => li.dataset.status === "pending")).toBe(true);
    expect(screen.getByTestId("overall-percent")).toHaveTextContent("0%");
    expect(screen.getByRole("button", { name: "Cancel sync" })).toBeEnabled();
    await waitFor(() => expect(screen.getByText("Live")).toBeInTheDocument());
  });

  test("running with a failed step: the failed step is expanded with its error and details", async () => {
    const progress = progressFixture("running", {
      progress: 91,
      current_step: "cleanup",
      steps: stepsUpTo("crawl_jobs", "failed", {
        crawl_jobs: {
          progress: 60,
          error: "HTTP 503 from https://fixture.local/tim-viec-lam-python-developer?page=3 after 3 retries",
          details: ["page 1: 50 cards", "page 2: 50 cards", "page 3: HTTP 503, retry 3/3 failed"],
        },
        process_jobs: { status: "skipped", progress: 0 },
        check_duplicates: { status: "skipped", progress: 0 },
        save_jobs: { status: "skipped", progress: 0 },
        cleanup: { status: "running", progress: 50, message: "Closing the fetcher" },
      }),
      stats: stats({ pages_fetched: 2, pages_failed: 1, jobs_found: 100, errors: 1 }),
    });
    serve(progress);
    renderModal();

    const failed = await screen.findByText("Crawl Jobs", { selector: "span" });
    const item = stepItem("Crawl Jobs");
    expect(failed).toBeInTheDocument();
    expect(item.dataset.status).toBe("failed");
    expect(within(item).getByRole("img", { name: "Failed" })).toBeInTheDocument();
    expect(within(item).getByRole("button", { name: "Hide details of Crawl Jobs" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    expect(within(item).getByRole("alert")).toHaveTextContent(/HTTP 503 .* after 3 retries/);
    expect(
      within(item)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["page 1: 50 cards", "page 2: 50 cards", "page 3: HTTP 503, retry 3/3 failed"]);
    // Completed steps stay collapsed until asked.
    const initialize = stepItem("Initialize");
    const toggle = within(initialize).getByRole("button", { name: "Show details of Initialize" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    expect(within(initialize).getByRole("list", { name: "Initialize details" })).toHaveTextContent("Initialize: ok");
    // Collapsing the failed step is the user's call.
    await userEvent.click(within(item).getByRole("button", { name: "Hide details of Crawl Jobs" }));
    expect(within(item).queryByRole("list")).not.toBeInTheDocument();

    expect(stepItem("Cleanup").dataset.status).toBe("running");
    expect(within(stepItem("Cleanup")).getByRole("img", { name: "Running" })).toBeInTheDocument();
    expect(stepItem("Start Browser").dataset.status).toBe("skipped");
    expect(screen.getByTestId("stat-jobs_found")).toHaveTextContent("100");
    expect(screen.getByTestId("stat-errors")).toHaveTextContent("1");
    expect(screen.getByTestId("stat-pages_fetched")).toHaveTextContent("2");
    expect(screen.getByTestId("overall-percent")).toHaveTextContent("91%");
  });

  test("completed: the summary with outcome, message, durations and first errors; no Cancel", async () => {
    const finalStats = stats({
      pages_fetched: 5,
      jobs_found: 120,
      jobs_processed: 118,
      jobs_invalid: 2,
      duplicates: 18,
      duplicates_by_reason: { same_id: 15, same_url: 2, same_content: 1 },
      jobs_added: 97,
      jobs_updated: 3,
      errors: 2,
    });
    serve(
      progressFixture("completed", {
        progress: 100,
        current_step: "cleanup",
        steps: stepsUpTo("cleanup", "completed"),
        stats: finalStats,
        finished_at: "2026-05-04T08:01:05.000Z",
        summary: {
          outcome: "completed",
          message: "Added 97 new job postings from 120 found (18 duplicates, 2 invalid).",
          total_duration_ms: 64_000,
          step_durations_ms: { initialize: 120, crawl_jobs: 41_000, save_jobs: 3_200, cleanup: 80 },
          stats: finalStats,
          first_errors: ["Job 2100777: title is empty", "Job 2100778: URL is not on the board"],
        },
        version: 40,
      }),
    );
    renderModal();

    const summary = await screen.findByRole("region", { name: "Summary" });
    expect(within(summary).getByText("Completed")).toBeInTheDocument();
    expect(summary).toHaveTextContent("Added 97 new job postings from 120 found (18 duplicates, 2 invalid).");
    expect(summary).toHaveTextContent("1 min 04 s");
    expect(summary).toHaveTextContent("Crawl Jobs41 s");
    expect(within(summary).getByText("Job 2100777: title is empty")).toBeInTheDocument();
    expect(screen.getByTestId("stat-jobs_added")).toHaveTextContent("97");
    expect(screen.getByTestId("stat-duplicates")).toHaveTextContent("18");
    expect(screen.getByText("id 15 · URL 2 · content 1")).toBeInTheDocument();
    expect(screen.getByTestId("overall-percent")).toHaveTextContent("100%");
    expect(screen.queryByRole("button", { name: "Cancel sync" })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Final")).toBeInTheDocument());
  });

  test("cancelled: who cancelled, Cleanup ran, no Cancel button", async () => {
    serve(
      progressFixture("cancelled", {
        progress: 100,
        current_step: "cleanup",
        steps: stepsUpTo("crawl_jobs", "completed", {
          crawl_jobs: { message: "Stopped: cancelled", progress: 35 },
          process_jobs: { status: "skipped" },
          check_duplicates: { status: "skipped" },
          save_jobs: { status: "skipped" },
          cleanup: { status: "completed", progress: 100, duration_ms: 30 },
        }),
        cancelled_by: { id: "u1", email: "admin@jobsync.local" },
        finished_at: "2026-05-04T08:00:20.000Z",
        summary: {
          outcome: "cancelled",
          message: "Cancelled by admin@jobsync.local after 2 pages.",
          total_duration_ms: 19_000,
          step_durations_ms: {},
          stats: stats({ pages_fetched: 2, jobs_found: 100 }),
          first_errors: [],
        },
      }),
    );
    renderModal();

    expect(await screen.findByText("Cancelled by admin@jobsync.local after 2 pages.")).toBeInTheDocument();
    expect(screen.getByText("Cancelled by admin@jobsync.local")).toBeInTheDocument();
    expect(stepItem("Cleanup").dataset.status).toBe("completed");
    expect(stepItem("Save Jobs").dataset.status).toBe("skipped");
    expect(screen.queryByRole("button", { name: "Cancel sync" })).not.toBeInTheDocument();
  });
});
