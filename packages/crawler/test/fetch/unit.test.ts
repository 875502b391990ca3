import { describe, expect, it } from "vitest";
import { backoffDelay, sleep } from "../../src/fetch/backoff";
import { decodeBody } from "../../src/fetch/charset";
import { AbortedError } from "../../src/fetch/errors";
import { parseRetryAfter } from "../../src/fetch/retry-after";

describe("backoffDelay", () => {
  const options = { baseDelayMillis: 1000, maxDelayMillis: 8000 };
  it("doubles each retry, with jitter between half and all of it, capped", () => {
    expect(backoffDelay(1, { ...options, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...options, random: () => 0.999999 })).toBe(1000);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(2000);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(3000);
    expect(backoffDelay(10, { ...options, random: () => 0.999999 })).toBe(8000);
  });
  it("spreads concurrent retries (jitter is used)", () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(2, options)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(1000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wednesday, 21-Oct-26 07:28:30 GMT", now)).toBe(30_000);
  });
  it("never goes negative and ignores what it cannot read", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:00:00 GMT", now)).toBe(0);
    for (const bad of [undefined, null, "", "-5", "1.5", "soon", "2026-10-21"])
      expect(parseRetryAfter(bad, now)).toBeNull();
  });
});

describe("sleep", () => {
  it("rejects with AbortedError at once when aborted, also when already aborted", async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, "http://x/", controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await expect(sleep(10, "http://x/", AbortSignal.abort())).rejects.toThrow(/request cancelled: http:\/\/x\//);
  });
});

describe("decodeBody", () => {
  const vi = "Kế toán tổng hợp – Hồ Chí Minh";
  it("uses the Content-Type charset first", () => {
    const latin = Buffer.from("café", "latin1");
    expect(decodeBody(latin, "text/html; charset=ISO-8859-1")).toMatchObject({
      text: "café",
      charset: "windows-1252",
      source: "header",
    });
  });
  it("then <meta charset> and <meta http-equiv>", () => {
    const meta = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252">'),
      Buffer.from("café", "latin1"),
    ]);
    expect(decodeBody(meta, "text/html")).toMatchObject({ charset: "windows-1252", source: "meta" });
    const equiv = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">');
    expect(decodeBody(equiv, undefined).charset).toBe("windows-1258");
  });
  it("else UTF-8; a BOM wins over everything; unknown labels fall through", () => {
    expect(decodeBody(Buffer.from(vi), undefined)).toMatchObject({ text: vi, charset: "utf-8", source: "default" });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(vi)]);
    expect(decodeBody(bom, "text/html; charset=windows-1252")).toMatchObject({ text: vi, source: "bom" });
    expect(decodeBody(Buffer.from(vi), "text/html; charset=klingon").charset).toBe("utf-8");
  });
  it("NFC-normalises windows-1258 text (tones arrive as combining marks)", () => {
    // "ế" in windows-1258 is ê (0xEA) followed by the combining acute accent (0xEC)
    const bytes = Buffer.from([0x4b, 0xea, 0xec]);
    const { text } = decodeBody(bytes, "text/html; charset=windows-1258");
    expect(text).toBe("Kế");
    expect(text.length).toBe(2);
  });
});
