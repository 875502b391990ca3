import { z } from "zod";

/** Every error code the API answers with. The HTTP status of each is fixed by `errorStatus`. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "data_source_inactive",
  "sync_job_active",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "internal",
  "service_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

export function errorStatus(code: ErrorCode): number {
  switch (code) {
    case "bad_request":
    case "validation_failed":
      return 400;
    case "unauthorized":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
    case "data_source_inactive":
    case "sync_job_active":
      return 409;
    case "payload_too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "rate_limited":
      return 429;
    case "internal":
      return 500;
    case "service_unavailable":
      return 503;
    default:
      return assertNever(code);
  }
}

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The one error body: `{ error: { code, message, details } }`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
