import type { CrawlJobProgress } from "@jobsync/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
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

function renderModal(onFollow: (jobId: string) => void = () => {}) {
  return renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={onFollow} />, api.url);
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
    await renderModal();

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
    await renderModal();

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
    await renderModal();

    const summary = await screen.findByRole("region", { name: "Summary" });
    // 2 errors: not the green "Completed" but an amber "Completed with errors", in the header and the summary
    expect(within(summary).getByText("Completed with errors").closest("[data-outcome]")).toHaveAttribute(
      "data-outcome",
      "completed_with_errors",
    );
    expect(within(summary).getByText("Completed with errors").closest("span")?.className).toContain("amber");
    expect(screen.getByTestId("sync-headline")).toHaveTextContent("Completed with errors");
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
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
    await renderModal();

    expect(await screen.findByText("Cancelled by admin@jobsync.local after 2 pages.")).toBeInTheDocument();
    expect(screen.getByText("Cancelled by admin@jobsync.local")).toBeInTheDocument();
    expect(stepItem("Cleanup").dataset.status).toBe("completed");
    expect(stepItem("Save Jobs").dataset.status).toBe("skipped");
    expect(screen.queryByRole("button", { name: "Cancel sync" })).not.toBeInTheDocument();
  });

  test("overlapping steps: each running step shows its own counts, percent and bar; the ETA once known", async () => {
    serve(
      progressFixture("running", {
        progress: 62,
        current_step: "save_jobs",
        eta_seconds: 185,
        steps: stepsUpTo("crawl_jobs", "running", {
          crawl_jobs: { progress: 80 },
          process_jobs: { status: "running", progress: 55, started_at: "2026-05-04T08:00:10.000Z" },
          check_duplicates: { status: "running", progress: 50, started_at: "2026-05-04T08:00:11.000Z" },
          save_jobs: { status: "running", progress: 30, started_at: "2026-05-04T08:00:12.000Z" },
        }),
        stats: stats({
          pages_fetched: 12,
          details_fetched: 240,
          jobs_found: 300,
          jobs_processed: 160,
          jobs_invalid: 4,
          jobs_filtered: 6,
          duplicates: 20,
          jobs_added: 70,
          jobs_updated: 3,
        }),
      }),
    );
    await renderModal();
    expect(await screen.findByTestId("sync-headline")).toHaveTextContent(
      "Steps 5, 6, 7, 8 running: Crawl Jobs, Process Jobs, Check Duplicates, Save Jobs",
    );
    expect(screen.getByTestId("step-counts-crawl_jobs")).toHaveTextContent(
      "12 listing pages · 240 detail pages · 300 found",
    );
    expect(screen.getByTestId("step-counts-process_jobs")).toHaveTextContent("160 processed · 4 invalid · 6 filtered");
    expect(screen.getByTestId("step-counts-check_duplicates")).toHaveTextContent("20 duplicates");
    expect(screen.getByTestId("step-counts-save_jobs")).toHaveTextContent("70 added · 3 updated");
    expect(screen.getByTestId("step-percent-crawl_jobs")).toHaveTextContent("80%");
    expect(screen.getByTestId("step-percent-save_jobs")).toHaveTextContent("30%");
    expect(screen.getByRole("progressbar", { name: "Process Jobs progress" })).toHaveAttribute("aria-valuenow", "55");
    expect(screen.getByRole("progressbar", { name: "Check Duplicates progress" })).toHaveAttribute(
      "aria-valuenow",
      "50",
    );
    expect(screen.getByTestId("sync-eta")).toHaveTextContent("about 3 min left");
    expect(screen.getByTestId("overall-percent")).toHaveTextContent("62%");
    // the browser tab tells how far it is
    expect(document.title).toMatch(/^62% TopCV-Demo · /);
  });

  test("failed: Retry starts a new sync job of the same source with the same options and follows it", async () => {
    serve(
      progressFixture("failed", {
        progress: 40,
        max_jobs: 250,
        full_refresh: true,
        current_step: "check_availability",
        steps: stepsUpTo("check_availability", "failed", { check_availability: { error: "HTTP 503" } }),
        error: "the site is not reachable: HTTP 503",
        finished_at: "2026-05-04T08:00:09.000Z",
      }),
    );
    const started: unknown[] = [];
    api.on("POST", "/api/v1/admin/data-sources/TopCV-Demo/sync", (req, res) => {
      started.push(req.body);
      json(res, 202, {
        job_id: "99999999-9999-4999-8999-999999999999",
        site_name: "TopCV-Demo",
        status: "pending",
        message: "Sync job queued",
        created_at: "2026-05-04T08:02:00.000Z",
      });
    });
    const onFollow = vi.fn();
    await renderModal(onFollow);
    await userEvent.click(await screen.findByRole("button", { name: "Retry" }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledWith("99999999-9999-4999-8999-999999999999"));
    expect(started).toEqual([{ max_jobs: 250, full_refresh: true }]);
    expect(screen.queryByRole("button", { name: "Cancel sync" })).not.toBeInTheDocument();
  });

  test("cancelled after saving: Resume continues it from its checkpoint and follows the new sync job", async () => {
    serve(
      progressFixture("cancelled", {
        progress: 48,
        steps: stepsUpTo("crawl_jobs", "skipped"),
        stats: stats({ jobs_found: 120, jobs_added: 100 }),
        resumable: true,
        attempt: 2,
        finished_at: "2026-05-04T08:00:30.000Z",
      }),
    );
    let resumed = 0;
    api.on("POST", `${JOB_PATH}/resume`, (_req, res) => {
      resumed++;
      json(res, 202, {
        job_id: "88888888-8888-4888-8888-888888888888",
        site_name: "TopCV-Demo",
        status: "pending",
        message: "Sync job started",
        created_at: "2026-05-04T08:02:00.000Z",
      });
    });
    const onFollow = vi.fn();
    await renderModal(onFollow);
    expect(await screen.findByText("attempt 2 of 3")).toBeInTheDocument();
    // a cancelled sync job is resumed, not retried
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole("button", { name: "Resume" }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledWith("88888888-8888-4888-8888-888888888888"));
    expect(resumed).toBe(1);
  });

  test("the status region announces the outcome once the sync job is final", async () => {
    serve(
      progressFixture("completed", {
        progress: 100,
        current_step: "cleanup",
        steps: stepsUpTo("cleanup", "completed"),
        stats: stats({ jobs_found: 12, jobs_added: 12 }),
        finished_at: "2026-05-04T08:01:05.000Z",
      }),
    );
    await renderModal();
    const region = screen.getByTestId("sync-status-region");
    expect(region).toHaveAttribute("role", "status");
    expect(region).toHaveAttribute("aria-live", "polite");
    await waitFor(() => expect(region).toHaveTextContent("TopCV-Demo: Completed. 12 job postings added."));
  });
});
