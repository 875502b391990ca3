import {
  type CrawlJobProgress,
  type CreateDataSourceRequest,
  crawlJobProgressSchema,
  type DataSource,
  type DataSourceList,
  dataSourceListSchema,
  dataSourceSchema,
  type JobPostingDetail,
  type JobSearchResult,
  jobPostingDetailSchema,
  jobSearchResultSchema,
  type LoginRequest,
  type StreamTokenResponse,
  type SyncJobList,
  type SyncJobRequest,
  type SyncJobResponse,
  streamTokenResponseSchema,
  syncJobListSchema,
  syncJobResponseSchema,
  type TokenResponse,
  tokenResponseSchema,
  type UpdateDataSourceRequest,
  type User,
  userSchema,
} from "@jobsync/contracts";
import type { ZodType } from "zod";
import type { SyncJobStatusFilter } from "../types/admin";
import { ApiError, errorFromResponse } from "./api-error";

export { ApiError } from "./api-error";

export const API_PREFIX = "/api/v1";

export interface ApiClientOptions {
  /** Origin of the API; "" means the page's own origin (the server serves the UI and the API together). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The current bearer token, or null when signed out. */
  getToken?: () => string | null;
  /** Called when an authenticated call answers 401: the session is over. */
  onUnauthorized?: (error: ApiError) => void;
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions<T> {
  body?: unknown;
  query?: Record<string, QueryValue>;
  schema?: ZodType<T>;
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface SyncJobListParams {
  status?: SyncJobStatusFilter;
  site_name?: string;
  limit?: number;
  cursor?: string;
}

export interface JobSearchParams {
  q?: string;
  location?: string;
  source?: string;
  salary_min?: number;
  experience_max?: number;
  status?: "open" | "closed" | "all";
  page?: number;
  page_size?: number;
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

/** The typed client of the jobsync API. Every failure is an `ApiError`. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly getToken: () => string | null;
  private readonly onUnauthorized: (error: ApiError) => void;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.getToken = options.getToken ?? (() => null);
    this.onUnauthorized = options.onUnauthorized ?? (() => {});
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    return `${this.baseUrl}${API_PREFIX}${path}${queryString(query)}`;
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
    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (auth && error.status === 401) this.onUnauthorized(error);
      throw error;
    }
    return response;
  }

  async request<T>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204 || !options.schema) return undefined as T;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(response.status, "invalid_response", `${method} ${path} answered a body that is not JSON`);
    }
    const parsed = options.schema.safeParse(body);
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

  // Auth
  login(body: LoginRequest): Promise<TokenResponse> {
    return this.request("POST", "/auth/login", { body, schema: tokenResponseSchema, auth: false });
  }
  me(signal?: AbortSignal): Promise<User> {
    return this.request("GET", "/auth/me", { schema: userSchema, signal });
  }
  streamToken(): Promise<StreamTokenResponse> {
    return this.request("POST", "/auth/stream-token", { schema: streamTokenResponseSchema });
  }

  // Data sources
  listDataSources(signal?: AbortSignal): Promise<DataSourceList> {
    return this.request("GET", "/admin/data-sources", { schema: dataSourceListSchema, signal });
  }
  getDataSource(siteName: string, signal?: AbortSignal): Promise<DataSource> {
    return this.request("GET", `/admin/data-sources/${encodeURIComponent(siteName)}`, {
      schema: dataSourceSchema,
      signal,
    });
  }
  createDataSource(body: CreateDataSourceRequest): Promise<DataSource> {
    return this.request("POST", "/admin/data-sources", { body, schema: dataSourceSchema });
  }
  updateDataSource(siteName: string, body: UpdateDataSourceRequest): Promise<DataSource> {
    return this.request("PATCH", `/admin/data-sources/${encodeURIComponent(siteName)}`, {
      body,
      schema: dataSourceSchema,
    });
  }
  deleteDataSource(siteName: string): Promise<void> {
    return this.request("DELETE", `/admin/data-sources/${encodeURIComponent(siteName)}`);
  }

  // Sync jobs
  startSync(siteName: string, body: SyncJobRequest = {}): Promise<SyncJobResponse> {
    return this.request("POST", `/admin/data-sources/${encodeURIComponent(siteName)}/sync`, {
      body,
      schema: syncJobResponseSchema,
    });
  }
  listSyncJobs(params: SyncJobListParams = {}, signal?: AbortSignal): Promise<SyncJobList> {
    return this.request("GET", "/admin/data-sources/sync/jobs", {
      query: { ...params },
      schema: syncJobListSchema,
      signal,
    });
  }
  getSyncJob(jobId: string, signal?: AbortSignal): Promise<CrawlJobProgress> {
    return this.request("GET", `/admin/data-sources/sync/jobs/${encodeURIComponent(jobId)}`, {
      schema: crawlJobProgressSchema,
      signal,
    });
  }
  cancelSyncJob(jobId: string): Promise<CrawlJobProgress> {
    return this.request("POST", `/admin/data-sources/sync/jobs/${encodeURIComponent(jobId)}/cancel`, {
      schema: crawlJobProgressSchema,
    });
  }
  /** Open the sync job's SSE stream (Bearer auth), resuming after `lastEventId` when given. */
  openSyncJobEvents(jobId: string, options: { lastEventId?: string | null; signal?: AbortSignal } = {}) {
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
    return this.send("GET", `/admin/data-sources/sync/jobs/${encodeURIComponent(jobId)}/events`, {
      headers,
      signal: options.signal,
    });
  }

  // Job postings (public)
  searchJobs(params: JobSearchParams = {}, signal?: AbortSignal): Promise<JobSearchResult> {
    return this.request("GET", "/jobs", { query: { ...params }, schema: jobSearchResultSchema, auth: false, signal });
  }
  getJob(id: number, signal?: AbortSignal): Promise<JobPostingDetail> {
    return this.request("GET", `/jobs/${id}`, { schema: jobPostingDetailSchema, auth: false, signal });
  }
}
