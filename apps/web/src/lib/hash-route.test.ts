import { describe, expect, test } from "vitest";
import { formatHash, matchPath, parseHash } from "./hash-route";

describe("hash routes", () => {
  test("parse path and query", () => {
    const route = parseHash("#/data-sources?job=abc&x=1");
    expect(route.path).toBe("/data-sources");
    expect(route.params.get("job")).toBe("abc");
    expect(parseHash("").path).toBe("/");
    expect(parseHash("#postings/").path).toBe("/postings");
  });

  test("format drops empty params", () => {
    expect(formatHash("/postings", { q: "ke toan", source: null, page: "" })).toBe("#/postings?q=ke+toan");
    expect(formatHash("/data-sources")).toBe("#/data-sources");
  });

  test("match named segments", () => {
    expect(matchPath("/postings/:id", "/postings/42")).toEqual({ id: "42" });
    expect(matchPath("/postings/:id", "/postings")).toBeNull();
    expect(matchPath("/postings/:id", "/sync-history/42")).toBeNull();
  });
});
