import type { CrawlJobProgress } from "@jobsync/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { JOB_ID, progressFixture, stats, stepsUpTo } from "../test/fixtures";
import { renderSignedIn } from "../test/render";
import { apiError, json, type StubApiServer, sse, startStubApi } from "../test/stub-api-server";
import { SyncJobModal } from "./SyncJobModal";

const JOB_PATH = `/api/v1/admin/data-sources/sync/jobs/${JOB_ID}`;

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
});

const running = progressFixture("running", {
  progress: 45,
  current_step: "crawl_jobs",
  steps: stepsUpTo("crawl_jobs"),
  stats: stats({ pages_fetched: 1, jobs_found: 50 }),
  version: 10,
});
const completed = progressFixture("completed", {
  progress: 100,
  current_step: "cleanup",
  steps: stepsUpTo("cleanup", "completed"),
  stats: stats({ pages_fetched: 2, jobs_found: 75, jobs_added: 75 }),
  finished_at: "2026-05-04T08:00:30.000Z",
  summary: {
    outcome: "completed",
    message: "Added 75 new job postings.",
    total_duration_ms: 30_000,
    step_durations_ms: {},
    stats: stats({ pages_fetched: 2, jobs_found: 75, jobs_added: 75 }),
    first_errors: [],
  },
  version: 25,
});

function renderModal(onFollow: (jobId: string) => void = () => {}) {
  return renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={onFollow} />, api.url);
}

describe("SyncJobModal, live", () => {
  test("follows the SSE stream with the bearer token and stops at `end`", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    api.on("GET", JOB_PATH, (_req, res) => json(res, 200, running));
    api.on("GET", `${JOB_PATH}/events`, async (_req, res) => {
      const stream = sse(res);
      stream.event("progress", running, running.version);
      stream.ping();
      await gate;
      stream.event("progress", completed, completed.version);
      stream.event("end", {});
      stream.end();
    });
    await renderModal();

    expect(await screen.findByText("Step 5 of 9: Crawl Jobs")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Live")).toBeInTheDocument());
    expect(screen.getByTestId("stat-jobs_found")).toHaveTextContent("50");
    release();
    expect(await screen.findByText("Added 75 new job postings.")).toBeInTheDocument();
    expect(screen.getByTestId("stat-jobs_found")).toHaveTextContent("75");
    await waitFor(() => expect(screen.getByText("Final")).toBeInTheDocument());

    const stream = api.requests.find((r) => r.path.endsWith("/events"));
    expect(stream?.headers.authorization).toBe("Bearer test-token");
    expect(stream?.headers.accept).toBe("text/event-stream");
  });

  test("a dropped stream is resumed with Last-Event-ID", async () => {
    let connections = 0;
    api.on("GET", JOB_PATH, (_req, res) => json(res, 200, running));
    api.on("GET", `${JOB_PATH}/events`, (_req, res) => {
      connections++;
      const stream = sse(res);
      if (connections === 1) {
        stream.event("progress", running, running.version);
        stream.end(); // dropped without `end`
        return;
      }
      stream.event("progress", completed, completed.version);
      stream.event("end", {});
      stream.end();
    });
    await renderModal();
    expect(await screen.findByText("Step 5 of 9: Crawl Jobs")).toBeInTheDocument();
    expect(await screen.findByText("Added 75 new job postings.", {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(connections).toBe(2);
    const resumed = api.requests.filter((r) => r.path.endsWith("/events"));
    expect(resumed.map((r) => r.headers["last-event-id"])).toEqual([undefined, String(running.version)]);
  });

  test("an older snapshot never replaces a newer one", async () => {
    api.on("GET", JOB_PATH, (_req, res) => json(res, 200, completed));
    api.on("GET", `${JOB_PATH}/events`, (_req, res) => {
      const stream = sse(res);
      stream.event("progress", completed, completed.version);
      stream.event("progress", running, running.version);
      stream.event("end", {});
      stream.end();
    });
    await renderModal();
    expect(await screen.findByText("Added 75 new job postings.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Final")).toBeInTheDocument());
    expect(screen.queryByText("Step 5 of 9: Crawl Jobs")).not.toBeInTheDocument();
  });

  test("without a stream it polls every 2 s until the sync job is final, then stops", async () => {
    const answers: CrawlJobProgress[] = [running, running, completed];
    let gets = 0;
    api.on("GET", JOB_PATH, (_req, res) => {
      json(res, 200, answers[Math.min(gets, answers.length - 1)]);
      gets++;
    });
    api.on("GET", `${JOB_PATH}/events`, (_req, res) => apiError(res, 404, "not_found", "no stream here"));
    await renderModal();

    expect(await screen.findByText("Step 5 of 9: Crawl Jobs")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Polling every 2 s")).toBeInTheDocument());
    expect(await screen.findByText("Added 75 new job postings.", {}, { timeout: 10_000 })).toBeInTheDocument();
    const getsAtFinal = gets;
    // Once final, no more polls: wait longer than one interval and count again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(gets).toBe(getsAtFinal);
  });

  test("Cancel asks first, then posts the cancel and shows Cancelling", async () => {
    const cancelling = { ...running, status: "cancelling" as const, version: 11 };
    api.on("GET", JOB_PATH, (_req, res) => json(res, 200, running));
    api.on("GET", `${JOB_PATH}/events`, (_req, res) => {
      sse(res).event("progress", running, running.version);
    });
    api.on("POST", `${JOB_PATH}/cancel`, (_req, res) => json(res, 202, cancelling));
    await renderModal();

    await userEvent.click(await screen.findByRole("button", { name: "Cancel sync" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Cancel this sync job?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Keep running" }));
    expect(api.requests.some((r) => r.path.endsWith("/cancel"))).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: "Cancel sync" }));
    await userEvent.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel sync job" }),
    );
    expect(await screen.findByRole("button", { name: "Cancelling…" })).toBeDisabled();
    expect(screen.getByText(/^Cancelling: finishing the current request/)).toBeInTheDocument();
    expect(api.requests.filter((r) => r.path.endsWith("/cancel"))).toHaveLength(1);
  });

  test("a failed cancel shows the server's message in the confirm dialog", async () => {
    api.on("GET", JOB_PATH, (_req, res) => json(res, 200, running));
    api.on("GET", `${JOB_PATH}/events`, (_req, res) => {
      sse(res).event("progress", running, running.version);
    });
    api.on("POST", `${JOB_PATH}/cancel`, (_req, res) =>
      apiError(res, 409, "conflict", "The sync job already finished"),
    );
    await renderModal();
    await userEvent.click(await screen.findByRole("button", { name: "Cancel sync" }));
    await userEvent.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel sync job" }),
    );
    expect(await within(screen.getByRole("alertdialog")).findByRole("alert")).toHaveTextContent(
      "The sync job already finished",
    );
  });

  test("an unknown sync job shows the error", async () => {
    api.on("GET", JOB_PATH, (_req, res) => apiError(res, 404, "not_found", `sync job ${JOB_ID} not found`));
    api.on("GET", `${JOB_PATH}/events`, (_req, res) => apiError(res, 404, "not_found", "not found"));
    await renderModal();
    expect(await screen.findByText(`sync job ${JOB_ID} not found`)).toBeInTheDocument();
    expect(screen.getByText("Could not load the sync job")).toBeInTheDocument();
  });
});
