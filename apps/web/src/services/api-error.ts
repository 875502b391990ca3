import {
  apiErrorSchema,
  type ErrorCode,
  type FieldError,
  fieldErrorSchema,
  syncJobConflictDetailsSchema,
} from "@jobsync/contracts";
import { z } from "zod";

/** Every code an `ApiError` can carry: the API's own codes plus the two failures that never reach it. */
export type ApiErrorCode = ErrorCode | "network_error" | "invalid_response";

export interface SyncJobConflict {
  job_id: string;
  site_name: string;
}

/** An API call that failed: the HTTP status (0 when the server was not reached), the code, the message to show. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  /** From a 429's `Retry-After` header, in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    details?: unknown,
    retryAfterSeconds?: number | null,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details ?? null;
    this.retryAfterSeconds = retryAfterSeconds ?? null;
  }

  /** Validation details as `{ path, message }` pairs, or none. */
  fieldErrors(): FieldError[] {
    const parsed = z.array(fieldErrorSchema).safeParse(this.details);
    return parsed.success ? parsed.data : [];
  }

  /** For a 409 `sync_job_active`: the sync job that is already running. */
  activeSyncJob(): SyncJobConflict | null {
    if (this.code !== "sync_job_active") return null;
    const parsed = syncJobConflictDetailsSchema.safeParse(this.details);
    return parsed.success ? { job_id: parsed.data.job_id, site_name: parsed.data.site_name } : null;
  }
}

/** The code a bare HTTP status stands for, when the body is not our error JSON (a proxy's 502 page, say). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "rate_limited";
    case 503:
      return "service_unavailable";
    default:
      return status >= 500 ? "internal" : "bad_request";
  }
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turn a non-2xx response into an `ApiError`, keeping the server's code, message and details when it sent them. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details, retryAfter);
  }
  const statusText = response.statusText ? ` ${response.statusText}` : "";
  return new ApiError(
    response.status,
    codeForStatus(response.status),
    `The server answered HTTP ${response.status}${statusText}`,
    null,
    retryAfter,
  );
}

/** A message for anything a query or mutation threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
