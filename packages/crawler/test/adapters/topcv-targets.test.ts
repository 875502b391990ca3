import { TOPCV_GUIDE_CONFIG, topcvConfigSchema } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import { adapterFor } from "../../src/adapters/registry";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";
import { externalIdFromUrl } from "../../src/adapters/topcv/urls";

const config = topcvConfigSchema.parse(TOPCV_GUIDE_CONFIG);

describe("listingTargets (Generate URLs)", () => {
  it("makes one search per keyword, max_pages pages each, as TopCV shapes them", () => {
    const targets = topcvAdapter.listingTargets("https://www.topcv.vn", config);
    expect(targets.map((t) => t.label)).toEqual(["python-developer", "java-developer", "javascript-developer"]);
    expect(targets.map((t) => t.maxPages)).toEqual([5, 5, 5]);
    expect(targets[0]?.pageUrl(1)).toBe(
      "https://www.topcv.vn/tim-viec-lam-python-developer?type_keyword=1&page=1&sba=1",
    );
    expect(targets[2]?.pageUrl(3)).toBe(
      "https://www.topcv.vn/tim-viec-lam-javascript-developer?type_keyword=1&page=3&sba=1",
    );
  });

  it.each([
    ["http://127.0.0.1:40123", "http://127.0.0.1:40123/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1"],
    ["http://127.0.0.1:40123/", "http://127.0.0.1:40123/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1"],
    [
      "http://127.0.0.1:40123/boards/topcv",
      "http://127.0.0.1:40123/boards/topcv/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1",
    ],
    [
      "http://127.0.0.1:40123/boards/topcv//",
      "http://127.0.0.1:40123/boards/topcv/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1",
    ],
    ["https://www.topcv.vn/?utm=x#top", "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1"],
  ])("base_url %j", (baseUrl, expected) => {
    const [target] = topcvAdapter.listingTargets(baseUrl, { ...config, search_keywords: ["ke-toan"] });
    expect(target?.pageUrl(2)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses page %s", (page) => {
    const [target] = topcvAdapter.listingTargets("https://www.topcv.vn", config);
    expect(() => target?.pageUrl(page)).toThrow(RangeError);
  });

  it.each([
    ["not a url", /base_url is not a valid URL/],
    ["ftp://www.topcv.vn", /base_url must be an http/],
    ["", /base_url is not a valid URL/],
  ])("refuses base_url %j with a clear error", (baseUrl, message) => {
    expect(() => topcvAdapter.listingTargets(baseUrl, config)).toThrow(message);
    expect(() => topcvAdapter.availabilityUrl(baseUrl, config)).toThrow(message);
  });
});

describe("availabilityUrl (Check Availability)", () => {
  it.each([
    ["https://www.topcv.vn", "https://www.topcv.vn/"],
    ["http://127.0.0.1:40123/", "http://127.0.0.1:40123/"],
    ["http://127.0.0.1:40123/boards/topcv?x=1", "http://127.0.0.1:40123/boards/topcv/"],
  ])("%j → %j", (baseUrl, expected) => {
    expect(topcvAdapter.availabilityUrl(baseUrl, config)).toBe(expected);
  });
});

describe("externalIdFromUrl", () => {
  it.each([
    ["https://www.topcv.vn/viec-lam/ky-su-ai-ai-engineer/2100892.html", "2100892"],
    ["https://www.topcv.vn/brand/matbao/tuyen-dung/ke-toan-truong-j1912385.html", "1912385"],
    ["http://127.0.0.1:1/viec-lam/x/42.html?ta_source=y", "42"],
    ["https://www.topcv.vn/cong-ty/x/13328.html", null],
    ["nope", null],
  ])("%j → %j", (url, id) => {
    expect(externalIdFromUrl(url)).toBe(id);
  });
});

describe("adapterFor", () => {
  it("returns the TopCV adapter", () => {
    expect(adapterFor("topcv")).toBe(topcvAdapter);
    expect(adapterFor("topcv").kind).toBe("topcv");
  });

  it.each(["monster", "", "__proto__", "toString"])("throws a clear error for kind %j", (kind) => {
    expect(() => adapterFor(kind as "topcv")).toThrow(
      `no site adapter for kind "${kind}": known kinds are topcv, itviec, css, greenhouse, lever`,
    );
  });
});
