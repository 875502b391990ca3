import { describe, expect, test } from "vitest";
import { emptyCrawlStats } from "../src/stats";
import { syncOutcomeOf } from "../src/sync-outcome";
import { isServerPath, isWebAppPath } from "../src/web-paths";

describe("syncOutcomeOf", () => {
  const stats = (patch: Partial<ReturnType<typeof emptyCrawlStats>> = {}) => ({ ...emptyCrawlStats(), ...patch });

  test("a clean completed sync job is completed; one that lost pages or postings says so", () => {
    expect(syncOutcomeOf({ status: "completed", stats: stats() })).toBe("completed");
    expect(syncOutcomeOf({ status: "completed", stats: stats({ errors: 2 }) })).toBe("completed_with_errors");
    expect(syncOutcomeOf({ status: "completed", stats: stats({ pages_failed: 1 }) })).toBe("completed_with_errors");
    expect(syncOutcomeOf({ status: "completed", stats: stats({ jobs_invalid: 1 }) })).toBe("completed_with_warnings");
    expect(syncOutcomeOf({ status: "completed", stats: stats({ pages_skipped: 3 }) })).toBe("completed_with_warnings");
    // filtered postings are what the admin asked for: not a warning
    expect(syncOutcomeOf({ status: "completed", stats: stats({ jobs_filtered: 9 }) })).toBe("completed");
  });

  test("failed and cancelled are themselves; an active sync job has no outcome yet", () => {
    expect(syncOutcomeOf({ status: "failed", stats: stats() })).toBe("failed");
    expect(syncOutcomeOf({ status: "cancelled", stats: stats({ errors: 1 }) })).toBe("cancelled");
    for (const status of ["pending", "running", "cancelling"] as const) {
      expect(syncOutcomeOf({ status, stats: stats({ errors: 1 }) })).toBeNull();
    }
  });
});

describe("web paths", () => {
  test("the admin UI's pages and what is under them; never the server's own paths", () => {
    for (const path of ["/", "/data-sources", "/data-sources/TopCV", "/sync-jobs/abc", "/job-postings/12"]) {
      expect(isWebAppPath(path), path).toBe(true);
    }
    for (const path of ["/api", "/api/v1/jobs", "/healthz", "/readyz", "/metrics", "/metrics/x"]) {
      expect(isServerPath(path), path).toBe(true);
      expect(isWebAppPath(path), path).toBe(false);
    }
    expect(isWebAppPath("/data-sourcesX")).toBe(false);
    expect(isServerPath("/apiary")).toBe(false);
  });
});
