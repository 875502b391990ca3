import { type ErrorCode, errorStatus, type FieldError } from "@jobsync/contracts";

/** An error the API answers with its own code and message (4xx), as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
  get status(): number {
    return errorStatus(this.code);
  }
}

export const notFound = (message: string) => new AppError("not_found", message);
export const conflict = (message: string, details?: unknown) => new AppError("conflict", message, details);
export const badRequest = (message: string, details?: unknown) => new AppError("bad_request", message, details);

/** A 400 listing every bad field; the message joins them so a client showing only `message` still says it all. */
export function validationFailed(fields: FieldError[]): AppError {
  const message = fields.map((f) => (f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`)).join("; ");
  return new AppError("validation_failed", message || "invalid request", fields);
}

/** Zod issues → field errors with dotted paths (`config.max_pages`, `search_keywords.0`). */
export function zodFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: string[] }>,
  prefix = "",
): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter((p) => p !== "");
    if (issue.code === "unrecognized_keys" && issue.keys) {
      return issue.keys.map((key) => {
        const path = [...base, key].join(".");
        return { path, message: `${path} is not a known field` };
      });
    }
    return [{ path: base.join(".") || "(body)", message: issue.message }];
  });
}
