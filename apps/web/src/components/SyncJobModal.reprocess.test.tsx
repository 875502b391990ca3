import type { CrawlJobProgress } from "@jobsync/contracts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { JOB_ID, progressFixture, stats, stepsUpTo } from "../test/fixtures";
import { renderSignedIn } from "../test/render";
import { json, type StubApiServer, sse, startStubApi } from "../test/stub-api-server";
import { SyncJobModal } from "./SyncJobModal";

const JOB_PATH = `/api/v1/admin/data-sources/sync/jobs/${JOB_ID}`;
const NEW_JOB = "99999999-9999-4999-8999-999999999999";

let api: StubApiServer;
beforeEach(async () => {
  api = await startStubApi();
});
afterEach(async () => {
  await api.close();
});

function serve(progress: CrawlJobProgress) {
  api.on("GET", JOB_PATH, (_req, res) => json(res, 200, progress));
  api.on("GET", `${JOB_PATH}/events`, (_req, res) => {
    const stream = sse(res);
    stream.event("progress", progress, progress.version);
    stream.event("end", {});
    stream.end();
  });
}

const completed = (overrides: Partial<CrawlJobProgress> = {}) =>
  progressFixture("completed", {
    progress: 100,
    steps: stepsUpTo("cleanup", "completed"),
    stats: stats({ jobs_found: 40, jobs_added: 40 }),
    finished_at: "2026-05-04T08:00:30.000Z",
    ...overrides,
  });

describe("SyncJobModal: page archive and Re-process", () => {
  test("a finished sync job with an archive shows its size and pages, and Re-process follows the new sync job", async () => {
    serve(completed({ archive: { bytes: 3 * 1024 * 1024 + 300 * 1024, pages: 42 } }));
    let posted = 0;
    api.on("POST", `${JOB_PATH}/reprocess`, (_req, res) => {
      posted++;
      json(res, 202, {
        job_id: NEW_JOB,
        site_name: "TopCV-Demo",
        status: "pending",
        message: "Sync job started",
        created_at: "2026-05-04T08:02:00.000Z",
      });
    });
    const onFollow = vi.fn();
    await renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={onFollow} />, api.url);
    expect(await screen.findByTestId("sync-job-archive")).toHaveTextContent("Page archive: 42 pages, 3.3 MB");
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Re-process" }));
    await waitFor(() => expect(onFollow).toHaveBeenCalledWith(NEW_JOB));
    expect(posted).toBe(1);
  });

  test("the archive of a finished sync job downloads as WARC with a stream token; none while it runs", async () => {
    serve(completed({ archive: { bytes: 2048, pages: 2 } }));
    api.on("POST", "/api/v1/auth/stream-token", (_req, res) =>
      json(res, 200, { token: "stream-token-1", expires_in: 60 }),
    );
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.href);
    });
    try {
      await renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={() => {}} />, api.url);
      await userEvent.click(await screen.findByRole("button", { name: "Download the page archive as WARC" }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(clicked[0]).toBe(`${api.url}${JOB_PATH}/archive?token=stream-token-1`);
    } finally {
      click.mockRestore();
    }
  });

  test("a running sync job offers no archive download yet", async () => {
    serve(progressFixture("running", { archive: { bytes: 2048, pages: 2 } }));
    await renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={() => {}} />, api.url);
    expect(await screen.findByRole("button", { name: "Export the report as CSV" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Download the page archive as WARC" })).not.toBeInTheDocument();
  });

  test("no archive, no Re-process; a re-process says which sync job it re-processes", async () => {
    serve(completed({ trigger: "reprocess", reprocessed_from: "12345678-aaaa-4bbb-8ccc-123456789abc" }));
    await renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={() => {}} />, api.url);
    expect(await screen.findByText("re-processes sync job 12345678")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Re-process" })).not.toBeInTheDocument();
    expect(screen.queryByTestId("sync-job-archive")).not.toBeInTheDocument();
  });

  test("a refused re-process shows the server's message", async () => {
    serve(completed({ archive: { bytes: 2048, pages: 2 } }));
    api.on("POST", `${JOB_PATH}/reprocess`, (_req, res) =>
      json(res, 404, { error: { code: "not_found", message: "the page archive of sync job x is gone" } }),
    );
    await renderSignedIn(<SyncJobModal jobId={JOB_ID} onClose={() => {}} onFollow={() => {}} />, api.url);
    await userEvent.click(await screen.findByRole("button", { name: "Re-process" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not re-process: the page archive of sync job x is gone",
    );
  });
});
