import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectChallenge } from "../../src/fetch/challenge";

const samples = new URL("../../../../../shared/samples/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, samples), "utf8");

describe("detectChallenge", () => {
  it("recognises the real TopCV Cloudflare page", () => {
    expect(detectChallenge(read("topcv/cloudflare-challenge-excerpt.html"))).toMatch(/Cloudflare/);
  });
  it("recognises the real ITviec Cloudflare page", () => {
    expect(detectChallenge(read("itviec/cloudflare-challenge.html"))).toMatch(/Cloudflare/);
  });
  it("passes real listing and detail pages", () => {
    expect(detectChallenge(read("topcv/listing-ke-toan-page1-of-112.html"))).toBeNull();
    expect(detectChallenge(read("topcv/listing-ke-toan-page112-last.html"))).toBeNull();
    expect(detectChallenge(read("topcv/detail-2100892-excerpt.html"))).toBeNull();
    expect(detectChallenge(read("itviec/company-jobs-page.html"))).toBeNull();
  });
});
