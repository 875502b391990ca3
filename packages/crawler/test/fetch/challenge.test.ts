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
  it("tells each kind of block page by its own signature, in any case (the one-scan first look lets each through)", () => {
    const page = (head: string) => `<!DOCTYPE html><html><head>${head}</head><body><p>Hello</p></body></html>`;
    const cases: Array<[string, string]> = [
      ["<title>Just a moment...</title>", "Cloudflare challenge (Just a moment...)"],
      ["<TITLE> JUST A MOMENT... </TITLE>", "Cloudflare challenge (Just a moment...)"],
      ["<script>window._cf_chl_opt = {cvId: '3'};</script>", "Cloudflare challenge"],
      ['<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>', "Cloudflare challenge"],
      ["<title>Attention Required! | Cloudflare</title>", "Cloudflare block page (Attention Required)"],
      ['<div id="cf-error-details" class="cf-error-details-wrapper">', "Cloudflare access denied"],
      ["<title>Access denied | www.topcv.vn used Cloudflare to restrict access</title>", "Cloudflare access denied"],
      ['<div class="c" id="px-captcha"></div>', "PerimeterX captcha"],
      ["<script src='https://geo.captcha-delivery.com/captcha/?initialCid=x'></script>", "DataDome captcha"],
      ["<script>var dd={'host':'DataDome'}</script>", "DataDome captcha"],
      ["<title>Access Denied</title>", "access denied page"],
      ["<title>Request Rejected</title>", "access denied page"],
    ];
    for (const [head, reason] of cases) expect(detectChallenge(page(head)), head).toBe(reason);
    // the words alone, out of their signatures, are not a block page
    expect(detectChallenge(page("<p>Just a moment, please</p><p>access denied to nobody</p>"))).toBeNull();
  });

  it("judges a page the same the second time (the fetcher's, then its parser's), and a challenge every time", () => {
    const challenge = read("topcv/cloudflare-challenge-excerpt.html");
    const clear = Array.from({ length: 12 }, (_, i) => `<html><body><p>Kế toán ${i}</p></body></html>`);
    for (const page of clear) expect(detectChallenge(page)).toBeNull();
    for (const page of clear.reverse()) expect(detectChallenge(page)).toBeNull(); // remembered or scanned again
    for (let i = 0; i < 3; i++) expect(detectChallenge(challenge)).toMatch(/Cloudflare/);
    // a page equal in length to a remembered clear one, but a challenge, is still one
    const twin = clear[0]!.replace(/<p>.*<\/p>/, (p) =>
      `<p>${"datadome".padEnd(p.length - 7, " ")}</p>`.slice(0, p.length),
    );
    expect(twin).toHaveLength(clear[0]!.length);
    expect(detectChallenge(twin)).toBe("DataDome captcha");
  });
});
