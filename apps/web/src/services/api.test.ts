import { describe, expect, test, vi } from "vitest";
import { progressFixture } from "../test/fixtures";
import { ApiClient, queryString } from "./api";
import { ApiError, parseRetryAfter } from "./api-error";
import { authApi } from "./auth-api";
import { dataSourcesApi } from "./data-sources-api";
import { postingsApi } from "./postings-api";
import { syncJobsApi } from "./sync-jobs-api";

/** A fake `fetch` at the network boundary: records each call and answers with the given Response. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return answer(url, init ?? {});
  }) as typeof fetch;
  return { fn, calls };
}

const headersOf = (call: { init: RequestInit } | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("ApiClient", () => {
  test("sends the bearer token and JSON body, parses the answer with the contract schema", async () => {
    const { fn, calls } = fakeFetch(() =>
      jsonResponse(202, {
        job_id: "j1",
        site_name: "TopCV",
        status: "pending",
        message: "Sync job queued",
        created_at: "2026-05-04T08:00:00.000Z",
      }),
    );
    const api = new ApiClient({ baseUrl: "http://api.test/", fetch: fn, getToken: () => "tok" });
    const answer = await syncJobsApi.start(api, "TopCV", { max_jobs: 50 });
    expect(answer.job_id).toBe("j1");
    expect(calls[0]?.url).toBe("http://api.test/api/v1/admin/data-sources/TopCV/sync");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.body).toBe('{"max_jobs":50}');
    const headers = headersOf(calls[0]);
    expect(headers.authorization).toBe("Bearer tok");
    expect(headers["content-type"]).toBe("application/json");
  });

  test("keeps the server's code, message and validation details", async () => {
    const details = [{ path: "config.max_pages", message: "max_pages must be a whole number from 1 to 1000" }];
    const { fn } = fakeFetch(() =>
      jsonResponse(400, { error: { code: "validation_failed", message: "Invalid data source", details } }),
    );
    const error = await caught(
      dataSourcesApi.update(new ApiClient({ fetch: fn }), "TopCV", { config: { max_pages: 0 } }),
    );
    expect(error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid data source" });
    expect(error.fieldErrors()).toEqual(details);
    expect(error.activeSyncJob()).toBeNull();
  });

  test("a 409 sync_job_active names the running sync job", async () => {
    const { fn } = fakeFetch(() =>
      jsonResponse(409, {
        error: {
          code: "sync_job_active",
          message: "A sync job is already running for TopCV",
          details: { job_id: "j-running", site_name: "TopCV", status: "running" },
        },
      }),
    );
    const error = await caught(syncJobsApi.start(new ApiClient({ fetch: fn }), "TopCV"));
    expect(error.activeSyncJob()).toEqual({ job_id: "j-running", site_name: "TopCV" });
    expect(error.fieldErrors()).toEqual([]);
  });

  test("a body that is not our error JSON maps by status, with a message saying so", async () => {
    const { fn } = fakeFetch(
      () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    const error = await caught(dataSourcesApi.list(new ApiClient({ fetch: fn })));
    expect(error).toMatchObject({ status: 502, code: "internal", message: "The server answered HTTP 502 Bad Gateway" });
  });

  test("429 carries Retry-After in seconds", async () => {
    const { fn } = fakeFetch(() =>
      jsonResponse(429, { error: { code: "rate_limited", message: "Too many attempts" } }, { "retry-after": "42" }),
    );
    const error = await caught(authApi.login(new ApiClient({ fetch: fn }), { email: "a@b.co", password: "x" }));
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 42 });
  });

  test("an unreachable server is a network_error with status 0", async () => {
    const { fn } = fakeFetch(() => {
      throw new TypeError("fetch failed");
    });
    const error = await caught(dataSourcesApi.list(new ApiClient({ fetch: fn })));
    expect(error).toMatchObject({
      status: 0,
      code: "network_error",
      message: "Cannot reach the server (fetch failed)",
    });
  });

  test("an answer that breaks the contract is invalid_response, naming the field", async () => {
    const { fn } = fakeFetch(() => jsonResponse(200, { ...progressFixture("running"), status: "exploded" }));
    const error = await caught(syncJobsApi.get(new ApiClient({ fetch: fn }), "j1"));
    expect(error.code).toBe("invalid_response");
    expect(error.message).toMatch(
      /^GET \/api\/v1\/admin\/data-sources\/sync\/jobs\/j1 answered an unexpected body at status/,
    );
  });

  test("a 401 on an authenticated call ends the session; a failed login does not", async () => {
    const onUnauthorized = vi.fn();
    const { fn } = fakeFetch(() => jsonResponse(401, { error: { code: "unauthorized", message: "token expired" } }));
    const api = new ApiClient({ fetch: fn, getToken: () => "old", onUnauthorized });
    await caught(authApi.login(api, { email: "a@b.co", password: "wrong" }));
    expect(onUnauthorized).not.toHaveBeenCalled();
    const error = await caught(dataSourcesApi.list(api));
    expect(onUnauthorized).toHaveBeenCalledWith(error);
  });

  test("DELETE answers 204 with no body; postings search sends only the given filters, without auth", async () => {
    const { fn, calls } = fakeFetch((url) =>
      url.includes("/jobs")
        ? jsonResponse(200, {
            items: [],
            total: 0,
            total_is_estimate: false,
            next_cursor: null,
            page: 1,
            page_size: 20,
          })
        : new Response(null, { status: 204 }),
    );
    const api = new ApiClient({ fetch: fn, getToken: () => "tok" });
    await expect(dataSourcesApi.remove(api, "Old Source")).resolves.toBeUndefined();
    expect(calls[0]?.url).toBe("/api/v1/admin/data-sources/Old%20Source");
    await postingsApi.search(api, { q: "ke toan", location: "", salary_min: 15_000_000, cursor: "abc" });
    expect(calls[1]?.url).toBe("/api/v1/jobs?q=ke+toan&salary_min=15000000&cursor=abc");
    expect(headersOf(calls[1]).authorization).toBeUndefined();
  });

  test("the SSE route is opened with Last-Event-ID when resuming", async () => {
    const { fn, calls } = fakeFetch(
      () => new Response("", { status: 200, headers: { "content-type": "text/event-stream" } }),
    );
    await syncJobsApi.openEvents(new ApiClient({ fetch: fn, getToken: () => "tok" }), "j1", { lastEventId: "17" });
    const headers = headersOf(calls[0]);
    expect(headers["last-event-id"]).toBe("17");
    expect(headers.accept).toBe("text/event-stream");
    expect(headers.authorization).toBe("Bearer tok");
  });
});

describe("polling a sync job with If-None-Match", () => {
  test("sends the last ETag and answers a 304 with the copy it kept; a new ETag replaces it", async () => {
    const first = progressFixture("running", { version: 3 });
    const second = progressFixture("running", { version: 4, progress: 50 });
    const answers = [
      jsonResponse(200, first, { etag: '"a"' }),
      new Response(null, { status: 304, headers: { etag: '"a"' } }),
      jsonResponse(200, second, { etag: '"b"' }),
      new Response(null, { status: 304, headers: { etag: '"b"' } }),
    ];
    const { fn, calls } = fakeFetch(() => answers.shift() ?? jsonResponse(500, {}));
    const api = new ApiClient({ fetch: fn, getToken: () => "tok" });
    const id = first.job_id;
    expect((await syncJobsApi.get(api, id)).version).toBe(3);
    expect(headersOf(calls[0])["if-none-match"]).toBeUndefined();
    expect((await syncJobsApi.get(api, id)).version).toBe(3);
    expect(headersOf(calls[1])["if-none-match"]).toBe('"a"');
    expect((await syncJobsApi.get(api, id)).version).toBe(4);
    expect(headersOf(calls[2])["if-none-match"]).toBe('"a"');
    expect((await syncJobsApi.get(api, id)).progress).toBe(50);
    expect(headersOf(calls[3])["if-none-match"]).toBe('"b"');
  });

  test("a 304 it did not ask for is an invalid answer, not an empty one", async () => {
    const { fn } = fakeFetch(() => new Response(null, { status: 304 }));
    const api = new ApiClient({ fetch: fn });
    expect((await caught(syncJobsApi.get(api, "j1"))).code).toBe("invalid_response");
  });
});

describe("helpers", () => {
  test("queryString drops empty values", () => {
    expect(queryString({ a: "1", b: "", c: undefined, d: null, e: 0, f: false })).toBe("?a=1&e=0&f=false");
    expect(queryString({})).toBe("");
  });

  test("Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-05-04T08:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Mon, 04 May 2026 08:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
