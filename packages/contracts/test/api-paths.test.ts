import { describe, expect, it } from "vitest";
import { API_PATHS, apiPath } from "../src/api-paths";

describe("apiPath", () => {
  it("fills and encodes every parameter of a pattern", () => {
    expect(apiPath(API_PATHS.user, { id: "a b/c" })).toBe("/api/v1/admin/users/a%20b%2Fc");
    expect(apiPath(API_PATHS.syncJobEvents, { job_id: "42" })).toBe("/api/v1/admin/data-sources/sync/jobs/42/events");
    expect(apiPath(API_PATHS.audit)).toBe("/api/v1/admin/audit");
  });

  it("names a missing parameter", () => {
    expect(() => (apiPath as (p: string, v: object) => string)(API_PATHS.dataSource, {})).toThrow("needs site_name");
  });

  it("has one pattern per path", () => {
    const values = Object.values(API_PATHS);
    expect(new Set(values).size).toBe(values.length);
  });
});
