import { isServerPath, isWebAppPath, WEB_APP_PATHS } from "@jobsync/contracts";
import { createMemoryHistory } from "@tanstack/react-router";
import { describe, expect, test } from "vitest";
import { NAV, pageOf } from "./navigation";
import { createAppRouter } from "./router";
import { legacyHashTarget, parsePlainSearch, stringifyPlainSearch } from "./search-params";

/** Every path the router knows. */
function paths(): string[] {
  return Object.keys(createAppRouter(createMemoryHistory()).routesByPath);
}

describe("routes", () => {
  test("every page's path is one the server answers with the app (WEB_APP_PATHS), and none is the server's", () => {
    const pagePaths = paths().filter((path) => path && path !== "/");
    expect(pagePaths.length).toBeGreaterThanOrEqual(7);
    for (const path of pagePaths) {
      const concrete = path.replace(/\$\w+/g, "x");
      expect(isWebAppPath(concrete), path).toBe(true);
      expect(isServerPath(concrete), path).toBe(false);
    }
    for (const prefix of WEB_APP_PATHS)
      expect(
        pagePaths.some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    for (const item of NAV) expect(pagePaths, item.to).toContain(item.to);
  });

  test("a sync job's and a source's own paths belong to the page they are shown on", () => {
    expect(pageOf("/sync-jobs/abc")).toBe("/sync-history");
    expect(pageOf("/data-sources/TopCV/edit")).toBe("/data-sources");
    expect(pageOf("/data-sources/TopCV")).toBe("/data-sources/TopCV");
    expect(pageOf("/job-postings/12")).toBe("/job-postings/12");
  });

  test("query strings stay plain text", () => {
    expect(parsePlainSearch("?q=123&page=2&q2=ke+to%C3%A1n")).toEqual({ q: "123", page: "2", q2: "ke toán" });
    expect(stringifyPlainSearch({ q: "ke toán", page: "2", empty: "", none: undefined })).toBe(
      "?q=ke+to%C3%A1n&page=2",
    );
  });

  test("links from the hash router go on to the real paths", () => {
    expect(legacyHashTarget("#/postings/12")).toBe("/job-postings/12");
    expect(legacyHashTarget("#/postings?q=ke%20toan")).toBe("/job-postings?q=ke%20toan");
    expect(legacyHashTarget("#/sync-history?status=failed&job=abc")).toBe("/sync-history?status=failed&job=abc");
    expect(legacyHashTarget("#/?job=abc")).toBe("/?job=abc");
    expect(legacyHashTarget("#main")).toBeNull();
    expect(legacyHashTarget("")).toBeNull();
  });
});
