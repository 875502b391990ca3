import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BlockedError, HttpStatusError } from "../../src/fetch/errors";
import { judgeResponse } from "../../src/fetch/judge-response";

const challenge = readFileSync(
  new URL("../../../fixture-board/src/assets/cloudflare-challenge.html", import.meta.url),
  "utf8",
);
const url = "https://board.test/page";

/** The one judgement both fetchers (HTTP and browser) apply to a final response. */
describe("judgeResponse", () => {
  it("a 2xx page is fine; a challenge page is blocked whether it answers 200 or 403/429/503", () => {
    expect(judgeResponse(url, 200, {}, "<html><body>jobs</body></html>")).toEqual({ ok: true });
    for (const status of [200, 403, 429, 503]) {
      const verdict = judgeResponse(url, status, {}, challenge);
      expect(verdict.ok).toBe(false);
      expect("blocked" in verdict && verdict.blocked).toBeInstanceOf(BlockedError);
    }
  });

  it("otherwise the status decides: 429 waits out Retry-After, 5xx retries, another 4xx fails at once", () => {
    const limited = judgeResponse(url, 429, { "retry-after": "2" }, "<html>slow down</html>");
    expect(!limited.ok && "failure" in limited && limited.failure).toMatchObject({
      rateLimited: true,
      retryAfterMillis: 2000,
    });
    const down = judgeResponse(url, 503, {}, null);
    expect(!down.ok && "failure" in down && down.failure.error).toBeInstanceOf(HttpStatusError);
    const gone = judgeResponse(url, 404, {}, null);
    expect(!gone.ok && "failure" in gone && gone.failure.error.retryable).toBe(false);
  });
});
