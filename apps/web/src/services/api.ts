import type { ZodType } from "zod";
import { ApiError, errorFromResponse } from "./api-error";

export { ApiError } from "./api-error";

/** How many answers `getFresh` keeps for its conditional requests. */
const MAX_VALIDATED = 50;

export interface ApiClientOptions {
  /** Origin of the API; "" means the page's own origin (the server serves the UI and the API together). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The current bearer token, or null when signed out. */
  getToken?: () => string | null;
  /** Called when an authenticated call answers 401: the session is over. */
  onUnauthorized?: (error: ApiError) => void;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  body?: unknown;
  query?: Record<string, QueryValue>;
  schema?: ZodType<T>;
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Build `?a=1&b=x`, leaving out empty values. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The transport of the jobsync API: base URL, bearer token, JSON in and out, answers checked with the contracts'
 * schemas, every failure an `ApiError`. The endpoints are feature modules of plain functions taking the client
 * (`dataSourcesApi.list(api)`, `syncJobsApi.start(api, …)`, see `*-api.ts` beside this file): one style for all.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly getToken: () => string | null;
  private readonly onUnauthorized: (error: ApiError) => void;
  /** The last 200 of each URL read with `getFresh`, with its ETag (a few, newest last). */
  private readonly validated = new Map<string, { etag: string; data: unknown }>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.getToken = options.getToken ?? (() => null);
    this.onUnauthorized = options.onUnauthorized ?? (() => {});
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    return `${this.baseUrl}${path}${queryString(query)}`;
  }

  /** Send a request and return the raw response once it is known to be 2xx. */
  async send(method: string, path: string, options: RequestOptions<unknown> = {}): Promise<Response> {
    const auth = options.auth ?? true;
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (auth) {
      const token = this.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError(0, "network_error", `Cannot reach the server (${reason})`);
    }
    // 304 answers a conditional GET (getFresh) whose copy is still current
    if (!response.ok && response.status !== 304) {
      const error = await errorFromResponse(response);
      if (auth && error.status === 401) this.onUnauthorized(error);
      throw error;
    }
    return response;
  }

  async request<T>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return this.parse(method, path, response, options.schema);
  }

  /**
   * A GET that polls: it sends `If-None-Match` with the ETag of the last answer, and a 304 (nothing changed) returns
   * that answer again without a body to download or parse.
   */
  async getFresh<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    const url = this.url(path, options.query);
    const kept = this.validated.get(url);
    const headers = kept ? { ...options.headers, "if-none-match": kept.etag } : options.headers;
    const response = await this.send("GET", path, { ...options, ...(headers ? { headers } : {}) });
    if (response.status === 304 && kept) return kept.data as T;
    const data = await this.parse("GET", path, response, options.schema);
    const etag = response.headers.get("etag");
    this.validated.delete(url);
    if (etag) {
      this.validated.set(url, { etag, data });
      for (const oldest of this.validated.keys()) {
        if (this.validated.size <= MAX_VALIDATED) break;
        this.validated.delete(oldest);
      }
    }
    return data;
  }

  private async parse<T>(method: string, path: string, response: Response, schema: ZodType<T> | undefined) {
    if (response.status === 204 || !schema) return undefined as T;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(response.status, "invalid_response", `${method} ${path} answered a body that is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
      throw new ApiError(
        response.status,
        "invalid_response",
        `${method} ${path} answered an unexpected body${where}: ${issue?.message ?? "invalid"}`,
      );
    }
    return parsed.data;
  }
}
